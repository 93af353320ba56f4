namespace TerritoryBot.Import;

/// <summary>
/// Collects validation errors across a data folder. Keeps only the first <see cref="Limit"/> in file and line
/// order (bounded memory, however broken the input) and counts the rest.
/// </summary>
internal sealed class ImportErrors
{
    public const int Limit = 100;

    // Reported files in DATA.md order, so the listing reads accounts, reps, opportunities, icp.json; files with other
    // names (CRM exports) get the rank of the table they hold through SetOrder, and unknown files come last.
    private readonly Dictionary<string, int> _fileOrder = new(StringComparer.Ordinal)
    {
        ["accounts.csv"] = 0, ["reps.csv"] = 1, ["opportunities.csv"] = 2, ["icp.json"] = 3,
    };

    private readonly List<Entry> _kept = [];
    private long _sequence;

    public int Count { get; private set; }

    public bool Any => Count > 0;

    /// <summary>An error in one cell: <c>accounts.csv:5: employees: 'lots' is not a whole number</c>.</summary>
    public void Add(string file, long line, string column, string message) =>
        Keep(file, line, $"{file}:{line}: {column}: {message}");

    /// <summary>An error about a whole row or the header: <c>accounts.csv:1: missing required column: name</c>.</summary>
    public void AddRow(string file, long line, string message) =>
        Keep(file, line, $"{file}:{line}: {message}");

    /// <summary>An error about a whole file: <c>accounts.csv: not found in DIR</c>.</summary>
    public void AddFile(string file, string message) =>
        Keep(file, 0, $"{file}: {message}");

    /// <summary>Lists errors of <paramref name="file"/> at <paramref name="rank"/> (0 accounts, 1 reps, 2 opportunities, 3 icp.json; -1 first).</summary>
    public void SetOrder(string file, int rank) => _fileOrder[file] = rank;

    /// <summary>The kept errors, one per line, then "… and N more errors" when some were left out.</summary>
    public IReadOnlyList<string> ToLines()
    {
        Trim();
        var lines = _kept.Select(e => e.Text).ToList();
        var more = Count - lines.Count;
        if (more > 0)
        {
            lines.Add($"… and {more} more error{(more == 1 ? "" : "s")}");
        }

        return lines;
    }

    /// <summary>Makes a cell value safe to quote in a one-line message: control characters shown, long values cut.</summary>
    public static string Quote(string value)
    {
        const int MaxShown = 40;
        var shown = value.Length > MaxShown ? value[..MaxShown] + "…" : value;
        if (shown.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
        {
            shown = string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        }

        return $"'{shown}'";
    }

    private void Keep(string file, long line, string text)
    {
        Count++;
        _kept.Add(new Entry(_fileOrder.GetValueOrDefault(file, 4), line, _sequence++, text));
        if (_kept.Count >= 10 * Limit)
        {
            Trim();
        }
    }

    private void Trim()
    {
        _kept.Sort(static (a, b) => (a.File, a.Line, a.Sequence).CompareTo((b.File, b.Line, b.Sequence)));
        if (_kept.Count > Limit)
        {
            _kept.RemoveRange(Limit, _kept.Count - Limit);
        }
    }

    private readonly record struct Entry(int File, long Line, long Sequence, string Text);
}
