using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TerritoryBot.Cards;

/// <summary>
/// An Adaptive Card as readable plain text, for the command line: headings underlined, facts as aligned
/// "Title: value", runs of column sets as an aligned table, charts as their fallback, action titles listed.
/// It reads the card's JSON rather than the typed model so that any element a card may carry (inputs, images,
/// tables, element types added later) still says something sensible; elements it cannot read are skipped.
/// </summary>
internal static partial class CardPlainText
{
    private const string CellSeparator = "  ";

    public static string Render(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Render(JsonNode.Parse(CardJson.Serialize(card))!.AsObject());
    }

    public static string Render(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var blocks = new List<Block>();
        AddElements(blocks, card["body"] as JsonArray);
        if (ActionTitles(card["actions"] as JsonArray) is { Count: > 0 } titles)
        {
            blocks.Add(new Block(["Actions: " + string.Join(" · ", titles)], Gap: true));
        }

        var output = new StringBuilder();
        for (int i = 0; i < blocks.Count; i++)
        {
            if (i > 0 && blocks[i].Gap)
            {
                output.Append('\n');
            }

            foreach (var line in blocks[i].Lines)
            {
                output.Append(line.TrimEnd()).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>Lines of output; <see cref="Gap"/> asks for a blank line before them.</summary>
    private sealed record Block(IReadOnlyList<string> Lines, bool Gap = false);

    private static void AddElements(List<Block> blocks, JsonArray? elements)
    {
        if (elements is null)
        {
            return;
        }

        // Consecutive column sets (and tables) form one aligned table: cards draw lists of rows that way.
        var rows = new List<Row>();
        bool rowsGap = false;

        void FlushRows()
        {
            if (rows.Count > 0)
            {
                blocks.Add(new Block(Table(rows), rowsGap));
                rows.Clear();
            }
        }

        foreach (var node in elements)
        {
            if (node is not JsonObject element || Hidden(element))
            {
                continue;
            }

            var shown = Resolve(element);
            if (shown is null)
            {
                continue;
            }

            var type = TypeOf(shown);
            if (type == "ColumnSet" || type == "Table" || (type == "Container" && RowList(shown) is not null))
            {
                var newRows = type switch
                {
                    "ColumnSet" => [ColumnSetRow(shown)],
                    "Table" => TableRows(shown),
                    // A container of rows (a list under a header row) continues the table.
                    _ => RowList(shown)!,
                };
                // Separators between rows of one list do not break the table; a different shape does.
                if (rows.Count > 0 && newRows.Any(r => r.Cells.Count != rows[0].Cells.Count))
                {
                    FlushRows();
                }

                if (rows.Count == 0)
                {
                    rowsGap = Gap(shown);
                }

                rows.AddRange(newRows.Where(r => r.Cells.Count > 0));
                continue;
            }

            FlushRows();
            AddElement(blocks, shown, type);
        }

        FlushRows();
    }

    private static void AddElement(List<Block> blocks, JsonObject element, string type)
    {
        switch (type)
        {
            case "TextBlock":
            {
                var text = Markdown(Str(element, "text"));
                if (text.Length == 0)
                {
                    break;
                }

                var size = Str(element, "size");
                bool large = size is "large" or "extraLarge";
                bool heading = large || size == "medium" || (Str(element, "weight") == "bolder" && !text.Contains('\n'));
                var lines = text.Split('\n').ToList();
                if (heading)
                {
                    lines.Add(new string(large ? '=' : '-', Math.Min(lines.Max(l => l.Length), 72)));
                }

                blocks.Add(new Block(lines, heading || Gap(element)));
                break;
            }

            case "RichTextBlock":
            {
                var text = string.Concat((element["inlines"] as JsonArray ?? []).Select(i => i is JsonValue v ? Value(v) : i is JsonObject o ? Str(o, "text") : ""));
                if (text.Length > 0)
                {
                    blocks.Add(new Block(text.Split('\n'), Gap(element)));
                }

                break;
            }

            case "FactSet":
            {
                var facts = (element["facts"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Select(f => (Title: Markdown(Str(f, "title")), Value: Markdown(Str(f, "value"))))
                    .ToList();
                if (facts.Count == 0)
                {
                    break;
                }

                int width = facts.Max(f => f.Title.Length) + 1;
                var lines = new List<string>();
                foreach (var (title, value) in facts)
                {
                    var valueLines = value.Split('\n');
                    lines.Add((title + ":").PadRight(width) + " " + valueLines[0]);
                    lines.AddRange(valueLines.Skip(1).Select(l => new string(' ', width + 1) + l));
                }

                blocks.Add(new Block(lines, Gap(element)));
                break;
            }

            case "Container":
            {
                var inner = new List<Block>();
                AddElements(inner, element["items"] as JsonArray);
                if (inner.Count > 0)
                {
                    inner[0] = inner[0] with { Gap = inner[0].Gap || Gap(element) };
                    blocks.AddRange(inner);
                }

                break;
            }

            case "ActionSet":
                if (ActionTitles(element["actions"] as JsonArray) is { Count: > 0 } titles)
                {
                    blocks.Add(new Block(["Actions: " + string.Join(" · ", titles)], Gap(element)));
                }

                break;

            case "Image":
                if (Str(element, "altText") is { Length: > 0 } alt)
                {
                    blocks.Add(new Block([$"[image: {alt}]"], Gap(element)));
                }

                break;

            case var input when input.StartsWith("Input.", StringComparison.Ordinal):
            {
                var label = Str(element, "label") is { Length: > 0 } l ? l : Str(element, "placeholder");
                blocks.Add(new Block([$"[{(label.Length > 0 ? label : Str(element, "id"))}: ____]"], Gap(element)));
                break;
            }

            case var chart when chart.StartsWith("Chart.", StringComparison.Ordinal):
                // Only reached without a fallback element (Resolve prefers the fallback): list the data points.
                blocks.Add(new Block(ChartLines(element), Gap: true));
                break;

            default:
                break; // Unknown, unreadable and without a fallback: nothing sensible to say.
        }
    }

    /// <summary>
    /// The element to show: charts and unknown element types give way to their fallback element (as a host that
    /// does not know them would), "drop" and missing fallbacks of unknown types show nothing.
    /// </summary>
    private static JsonObject? Resolve(JsonObject element)
    {
        var type = TypeOf(element);
        bool known = type is "TextBlock" or "RichTextBlock" or "FactSet" or "Container" or "ColumnSet" or "Table" or "ActionSet" or "Image"
                     || type.StartsWith("Input.", StringComparison.Ordinal);
        if (known)
        {
            return element;
        }

        if (element["fallback"] is JsonObject fallback)
        {
            return Hidden(fallback) ? null : Resolve(fallback);
        }

        return type.StartsWith("Chart.", StringComparison.Ordinal) ? element : null;
    }

    private static IReadOnlyList<string> ChartLines(JsonObject chart)
    {
        var lines = new List<string>();
        if (Str(chart, "title") is { Length: > 0 } title)
        {
            lines.Add(title);
        }

        foreach (var datum in (chart["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var label = Str(datum, "x") is { Length: > 0 } x ? x : Str(datum, "legend");
            var value = datum["y"] ?? datum["value"];
            lines.Add($"{label}: {(value is JsonValue v ? Value(v) : "")}");
        }

        return lines;
    }

    private sealed record Row(IReadOnlyList<string> Cells, IReadOnlyList<bool> RightAligned);

    private static Row ColumnSetRow(JsonObject columnSet)
    {
        var cells = new List<string>();
        var right = new List<bool>();
        foreach (var column in (columnSet["columns"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Hidden(column))
            {
                continue;
            }

            cells.Add(CellText(column["items"] as JsonArray));
            right.Add((column["items"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault() is { } first && Str(first, "horizontalAlignment") == "right");
        }

        return new Row(cells, right);
    }

    /// <summary>The rows of a container that holds only column sets (at least one), else null.</summary>
    private static List<Row>? RowList(JsonObject container)
    {
        var items = (container["items"] as JsonArray ?? []).OfType<JsonObject>().Where(i => !Hidden(i)).Select(Resolve).ToList();
        if (items.Count == 0 || items.Any(i => i is null || TypeOf(i) != "ColumnSet"))
        {
            return null;
        }

        return [.. items.Select(i => ColumnSetRow(i!))];
    }

    private static List<Row> TableRows(JsonObject table)
    {
        var rows = new List<Row>();
        foreach (var row in (table["rows"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var cells = (row["cells"] as JsonArray ?? []).OfType<JsonObject>().Select(c => CellText(c["items"] as JsonArray)).ToList();
            rows.Add(new Row(cells, [.. cells.Select(_ => false)]));
        }

        return rows;
    }

    /// <summary>A column's content on one line: its blocks' lines joined with " · " (a row's own buttons left out).</summary>
    private static string CellText(JsonArray? items)
    {
        var blocks = new List<Block>();
        AddElements(blocks, new JsonArray([.. (items ?? []).OfType<JsonObject>()
            .Where(i => TypeOf(i) != "ActionSet")
            .Select(i => i.DeepClone())]));
        var parts = blocks.SelectMany(b => b.Lines)
            .Where(l => l.Length > 0 && !l.All(c => c is '-' or '='))
            .Select(l => l.Trim());
        return string.Join(" · ", parts);
    }

    private static List<string> Table(List<Row> rows)
    {
        int columns = rows.Max(r => r.Cells.Count);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Cells.Count ? r.Cells[c].Length : 0)).ToArray();
        var lines = new List<string>();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (int c = 0; c < row.Cells.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(CellSeparator);
                }

                bool last = c == row.Cells.Count - 1;
                var cell = row.Cells[c];
                line.Append(row.RightAligned[c] ? cell.PadLeft(widths[c]) : last ? cell : cell.PadRight(widths[c]));
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    private static List<string> ActionTitles(JsonArray? actions) =>
        [.. (actions ?? []).OfType<JsonObject>().Where(a => !Hidden(a)).Select(a => Str(a, "title")).Where(t => t.Length > 0)];

    private static bool Hidden(JsonObject element) =>
        element["isVisible"] is JsonValue v && v.GetValueKind() == JsonValueKind.False;

    private static bool Gap(JsonObject element) =>
        (element["separator"] is JsonValue s && s.GetValueKind() == JsonValueKind.True)
        || Str(element, "spacing") is "large" or "extraLarge" or "padding";

    private static string TypeOf(JsonObject element) => Str(element, "type");

    private static string Str(JsonObject element, string name) =>
        element[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    private static string Value(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.GetValue<double>().ToString("#,0.##", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    /// <summary>
    /// TextBlock text is a markdown subset: backslash escapes (how cards keep data such as "*Acme*" literal) are
    /// undone and bold / italic markers around words dropped; line breaks are kept.
    /// </summary>
    private static string Markdown(string text)
    {
        // Zero-width characters (CardText uses them to break markup) mean nothing on a terminal and upset alignment.
        var normalised = ZeroWidth().Replace(text.ReplaceLineEndings("\n"), "").Trim('\n');
        var unmarked = Emphasis().Replace(normalised, m => m.Groups["body"].Value);
        return Escape().Replace(unmarked, m => m.Groups[1].Value);
    }

    // **bold**, __bold__, *italic*, _italic_ written by card builders (unescaped markers around non-space text).
    // Markers inside a word (snake_case_names) are not emphasis.
    [GeneratedRegex(@"(?<![\w\\])(?<mark>\*\*|__|\*|_)(?=\S)(?<body>.+?)(?<=\S)(?<!\\)\k<mark>(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex("[\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex ZeroWidth();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|~])")]
    private static partial Regex Escape();
}
