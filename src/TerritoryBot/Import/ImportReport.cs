using System.Text.Json.Nodes;

namespace TerritoryBot.Import;

/// <summary>
/// What an import did, in named sections that any step of the loader can add to: human lines for `import` and
/// machine data for `import --json`. The loader fills <see cref="Files"/>, <see cref="Columns"/>, <see cref="Owners"/>
/// and <see cref="Values"/>; later steps (geocoding, industry matching) add their own sections with
/// <see cref="Section"/>. Sections print in the order they were first asked for.
/// </summary>
internal sealed class ImportReport
{
    public const string Files = "files";
    public const string Columns = "columns";
    public const string Owners = "owners";
    public const string Values = "values";

    private readonly List<ImportReportSection> _sections = [];

    public IReadOnlyList<ImportReportSection> Sections => _sections;

    /// <summary>The section with <paramref name="key"/>, created (with <paramref name="title"/>) on first use.</summary>
    public ImportReportSection Section(string key, string title)
    {
        var section = _sections.FirstOrDefault(s => s.Key == key);
        if (section is null)
        {
            section = new ImportReportSection(key, title);
            _sections.Add(section);
        }

        return section;
    }

    /// <summary>Sections with at least one line, as "Title:" then indented lines.</summary>
    public void WriteText(TextWriter output)
    {
        foreach (var section in _sections.Where(s => s.Lines.Count > 0))
        {
            output.WriteLine($"{section.Title}:");
            foreach (var line in section.Lines)
            {
                output.WriteLine($"  {line}");
            }
        }
    }

    /// <summary><c>{"files": {"lines": [...], ...data}, ...}</c>: each section's lines and data under its key.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var section in _sections)
        {
            var node = new JsonObject
            {
                ["title"] = section.Title,
                ["lines"] = new JsonArray([.. section.Lines.Select(l => (JsonNode?)JsonValue.Create(l))]),
            };
            foreach (var (name, value) in section.Data)
            {
                node[name] = value?.DeepClone();
            }

            json[section.Key] = node;
        }

        return json;
    }
}

/// <summary>One part of an <see cref="ImportReport"/>: lines for people, data for <c>--json</c>.</summary>
internal sealed class ImportReportSection(string key, string title)
{
    private readonly List<string> _lines = [];

    public string Key { get; } = key;

    public string Title { get; } = title;

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Machine-readable facts of the section (camelCase names), printed by <c>import --json</c>.</summary>
    public JsonObject Data { get; } = [];

    public ImportReportSection Line(string text)
    {
        _lines.Add(text);
        return this;
    }

    public ImportReportSection Set(string name, JsonNode? value)
    {
        Data[name] = value;
        return this;
    }
}
