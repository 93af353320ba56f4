using System.Globalization;

namespace TerritoryBot.Core.Planning;

/// <summary>
/// Number formats of the plan documents, also used by the chat cards so both show a figure the same way
/// (invariant culture, so output is the same everywhere).
/// </summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(double value, string symbol = "$")
    {
        string sign = value < 0 ? "-" : "";
        double v = Math.Abs(value);
        string body = v switch
        {
            >= 999_500_000 => (v / 1e9).ToString("0.##", Invariant) + "B",
            >= 999_500 => (v / 1e6).ToString("0.##", Invariant) + "M",
            >= 1_000 => (v / 1e3).ToString("0", Invariant) + "k",
            _ => v.ToString("0", Invariant),
        };
        return sign + symbol + body;
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
