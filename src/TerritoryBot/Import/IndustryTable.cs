using System.Reflection;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Import;

/// <summary>
/// The shipped industry synonym table (industry-synonyms.tsv, an embedded resource) and the one place data sets are
/// normalised with it: every load (data folder, database, chat workspace) goes through <see cref="Normalize"/>, so
/// scoring sees the ICP's industries while the database keeps the labels as imported.
/// </summary>
internal static class IndustryTable
{
    private const string ResourceName = "TerritoryBot.Import.industry-synonyms.tsv";

    private static readonly Lazy<IReadOnlyList<IndustrySynonym>> Table = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static IReadOnlyList<IndustrySynonym> Shipped => Table.Value;

    /// <summary>label TAB industry TAB scheme per line; '#' lines and blank lines are skipped.</summary>
    public static IReadOnlyList<IndustrySynonym> Parse(string text)
    {
        var rows = new List<IndustrySynonym>();
        int line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var row = raw.TrimEnd('\r');
            if (row.Length == 0 || row.StartsWith('#'))
            {
                continue;
            }

            var cells = row.Split('\t');
            if (cells.Length != 3 || cells.Any(c => c.Trim().Length == 0))
            {
                throw new FormatException($"industry-synonyms.tsv:{line}: expected label, industry and scheme separated by tabs.");
            }

            rows.Add(new IndustrySynonym(cells[0].Trim(), cells[1].Trim(), cells[2].Trim()));
        }

        return rows;
    }

    /// <summary>The data set with industries normalised against its ICP (original labels kept on the accounts).</summary>
    public static DataSet Normalize(DataSet data) => IndustryNormalization.Apply(data, Shipped).Data;

    /// <summary>Each distinct label of the data with what it was read as, most accounts first.</summary>
    public static IReadOnlyList<(IndustryMatch Match, int Accounts)> Labels(DataSet data) => IndustryNormalization.Apply(data, Shipped).Labels;

    /// <summary>Lines for an import report: how many labels (and accounts) met an ICP industry, and each label that did not.</summary>
    public static IEnumerable<string> ReportLines(DataSet data, int maxListed = 20)
    {
        var labels = Labels(data);
        int total = labels.Sum(l => l.Accounts);
        var toTarget = labels.Where(l => l.Match.IsTarget).ToList();
        var mapped = labels.Where(l => l.Match.Kind is not IndustryMatchKind.Exact and not IndustryMatchKind.Unmatched).ToList();
        var unmatched = labels.Where(l => l.Match.Kind == IndustryMatchKind.Unmatched).ToList();
        yield return $"{labels.Count} label(s); {toTarget.Count} meet an ICP industry ({toTarget.Sum(l => l.Accounts)} of {total} accounts), "
            + $"{unmatched.Count} matched nothing.";
        foreach (var (m, n) in mapped.Take(maxListed))
        {
            yield return $"  {m.Label} → {m.Industry} ({Kind(m)}, {n} account(s){(m.IsTarget ? "" : "; not an ICP target industry")})";
        }

        foreach (var (m, n) in unmatched.Take(maxListed))
        {
            yield return $"  {m.Label}: no match ({n} account(s))";
        }
    }

    /// <summary>The "industries" section of an import report: the lines above, and one entry per label for --json.</summary>
    public static void AddTo(ImportReport report, DataSet data)
    {
        var section = report.Section("industries", "Industries");
        foreach (var line in ReportLines(data))
        {
            section.Line(line.TrimStart());
        }

        section.Set("labels", new System.Text.Json.Nodes.JsonArray([.. Labels(data).Select(l => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
        {
            ["label"] = l.Match.Label,
            ["industry"] = l.Match.Industry,
            ["match"] = l.Match.Kind.ToString(),
            ["isTarget"] = l.Match.IsTarget,
            ["accounts"] = l.Accounts,
        })]));
    }

    private static string Kind(IndustryMatch m) => m.Kind switch
    {
        IndustryMatchKind.IcpSynonym => "icp.json synonym",
        IndustryMatchKind.Table => "synonym table",
        IndustryMatchKind.Fuzzy => $"fuzzy {m.Similarity:0.00}",
        _ => m.Kind.ToString().ToLowerInvariant(),
    };
}
