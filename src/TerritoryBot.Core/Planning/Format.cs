using System.Globalization;

namespace TerritoryBot.Core.Planning;

/// <summary>
/// Number formats of the plan documents, also used by the chat cards so both show a figure the same way
/// (invariant culture, so output is the same everywhere).
/// </summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // The house money units, smallest first: whole dollars, whole thousands, millions and billions to two decimals.
    private static readonly (double Scale, string Format, string Suffix)[] MoneyUnits =
        [(1, "#,0", ""), (1e3, "#,0", "k"), (1e6, "#,0.##", "M"), (1e9, "#,0.##", "B")];

    /// <summary>
    /// The house money format for every human-facing text (prose, cards, Markdown/HTML, CLI tables); see
    /// docs/formatting.md. The unit is the smallest one in which the rounded figure stays below 1,000:
    /// $950, $12k, $1.25M, $2.1B; negatives "-$12k"; a figure that rounds to zero is "$0"; NaN and ±∞ are "n/a".
    /// </summary>
    public static string Money(double value, string symbol = "$")
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        double magnitude = Math.Abs(value);
        string figure = "", suffix = "";
        foreach (var unit in MoneyUnits)
        {
            // Decided on the figure as written, so no unit ever reads 1000 (999.6 is $1k, not $1000): a figure with a
            // thousands separator moves up a unit; billions take any size.
            figure = (magnitude / unit.Scale).ToString(unit.Format, Invariant);
            suffix = unit.Suffix;
            if (!figure.Contains(',', StringComparison.Ordinal))
            {
                break;
            }
        }

        return (value < 0 && figure != "0" ? "-" : "") + symbol + figure + suffix;
    }

    public static string Percent(double fraction) =>
        (fraction * 100).ToString(Math.Abs(fraction) < 0.1 && fraction != 0 ? "0.#" : "0", Invariant) + "%";

    /// <summary>Rate points, e.g. 0.052 → "5.2 pts".</summary>
    public static string Points(double delta) => (delta * 100).ToString("0.0", Invariant) + " pts";

    public static string Number(double value, string format = "0") => value.ToString(format, Invariant);

    public static string Int(long value) => value.ToString("#,0", Invariant);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? "none";

    public static string Multiple(double value) => value.ToString("0.0", Invariant) + "×";

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>The verb form for a subject of <paramref name="count"/> things: "holds" for 1, "hold" otherwise.</summary>
    public static string Verb(long count, string singular, string plural) => count == 1 ? singular : plural;

    public static string Plural(long count, string singular, string? plural = null) =>
        Int(count) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
