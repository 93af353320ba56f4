namespace TerritoryBot.Cli;

/// <summary>A plain-text table for human output: left-aligned text, right-aligned numbers.</summary>
internal sealed class ColumnTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public ColumnTable Add(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public void Write(TextWriter output)
    {
        int columns = headers.Length;
        var widths = new int[columns];
        var numeric = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            widths[c] = headers[c].Length;
            numeric[c] = rows.Count > 0 && rows.All(r => c < r.Length && LooksNumeric(r[c]));
            foreach (var r in rows)
            {
                widths[c] = Math.Max(widths[c], c < r.Length ? r[c].Length : 0);
            }
        }

        output.WriteLine(Line(headers, widths, numeric));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in rows)
        {
            output.WriteLine(Line(r, widths, numeric));
        }
    }

    private static string Line(string[] cells, int[] widths, bool[] numeric) =>
        string.Join("  ", widths.Select((w, c) =>
        {
            string cell = c < cells.Length ? cells[c] : "";
            return numeric[c] ? cell.PadLeft(w) : cell.PadRight(w);
        })).TrimEnd();

    /// <summary>A plain fixed-width text table; long cells are kept whole (the last column is never padded).</summary>
    public static void WritePlain(TextWriter o, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend([.. header]).ToList();
        var widths = header.Select((_, i) => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        for (int r = 0; r < all.Count; r++)
        {
            var cells = all[r].Select((cell, i) => i == widths.Length - 1 ? cell : cell.PadRight(widths[i]));
            o.WriteLine(string.Join("  ", cells).TrimEnd());
            if (r == 0)
            {
                o.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    public static string Signed(double pct) => pct >= 0.05 ? $"+{pct:0.0}%" : pct <= -0.05 ? $"−{-pct:0.0}%" : "0.0%";

    public static string Pct(double pct) => double.IsFinite(pct) ? $"{pct:0}%" : "∞";

    private static bool LooksNumeric(string s) =>
        s.Length > 0 && (char.IsDigit(s[^1]) || s[^1] is '%' or 'k' or 'M' or 'B' or 'h') && (char.IsDigit(s[0]) || s[0] is '$' or '+' or '-' or '−');
}
