using System.Globalization;

namespace TerritoryBot.Core.Fairness;

/// <summary>Numbers as a manager says them out loud: +18%, −3%, 40 km (money is the house format, Format.Money).</summary>
internal static class Wording
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Signed percentage with a real minus sign, e.g. "+18%" or "−3%".</summary>
    public static string SignedPct(double pct)
    {
        double r = Math.Round(pct, MidpointRounding.AwayFromZero);
        if (r == 0)
        {
            return Math.Abs(pct) < 0.05 ? "0%" : (pct > 0 ? "+" : "−") + Math.Abs(pct).ToString("0.0", Inv) + "%";
        }

        return (r > 0 ? "+" : "−") + Math.Abs(r).ToString("0", Inv) + "%";
    }

    public static string Pct(double pct) => pct.ToString(Math.Abs(pct) < 10 ? "0.#" : "0", Inv) + "%";

    public static string Km(double km) => km.ToString("0", Inv) + " km";

    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => items[0] + " and " + items[1],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
