namespace TerritoryBot.Cli;

/// <summary>
/// The one plain-text table of the human CLI output (docs/formatting.md): a header row, a dashed rule, columns two
/// spaces apart, text left-aligned and number columns right-aligned. A column is a number column when every cell
/// that is not a placeholder ("", "-", "n/a") starts with a figure: 12, 4.5%, $1.2M, -$3k, +2.0%, 1.3x thin, 45% (9/20).
/// </summary>
internal sealed class ColumnTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public ColumnTable Add(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public ColumnTable AddRange(IEnumerable<string[]> cells)
    {
        rows.AddRange(cells);
        return this;
    }

    public void Write(TextWriter output)
    {
        int columns = headers.Length;
        var widths = new int[columns];
        var numeric = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            var cells = rows.Select(r => c < r.Length ? r[c] : "").ToList();
            var figures = cells.Where(cell => !IsPlaceholder(cell)).ToList();
            numeric[c] = figures.Count > 0 && figures.All(StartsWithFigure);
            widths[c] = cells.Append(headers[c]).Max(cell => cell.Length);
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

    public static string Signed(double pct) => pct >= 0.05 ? $"+{pct:0.0}%" : pct <= -0.05 ? $"−{-pct:0.0}%" : "0.0%";

    public static string Pct(double pct) => double.IsFinite(pct) ? $"{pct:0}%" : "∞";

    private static bool IsPlaceholder(string cell) => cell is "" or "-" or "n/a";

    // A digit, possibly after a sign and a currency symbol: "12", "-$3k", "+2.0%", "−1.5%", "$950"; "∞" counts too.
    private static bool StartsWithFigure(string cell) =>
        cell.TrimStart('+', '-', '−', '$').FirstOrDefault() is var first && (char.IsAsciiDigit(first) || first == '∞');
}
