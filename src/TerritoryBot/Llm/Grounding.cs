using System.Globalization;
using System.Text.RegularExpressions;

namespace TerritoryBot.Llm;

/// <summary>
/// Checks that a model's text says no number and no id the engines did not produce. Every number in the text must
/// equal a number in the sources or be a plain rounding of one at the precision and scale it is written in
/// (1,234,567 → 1.2M, $1.23 million, 1,235k; 12.34% → 12%; a fraction 0.153 → 15%). Ids and other tokens that mix
/// letters and digits (A000017, R002) must appear in the sources verbatim. Numbers written as words are not checked.
/// </summary>
internal static partial class Grounding
{
    // Quarter and half-year labels and B2B-style words carry digits without being figures.
    private static readonly HashSet<string> HarmlessTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "Q1", "Q2", "Q3", "Q4", "H1", "H2", "B2B", "B2C",
    };

    public static bool IsGrounded(string modelText, IEnumerable<string> sources) => Ungrounded(modelText, sources).Count == 0;

    /// <summary>The numbers and ids of <paramref name="modelText"/> that the sources do not back (empty = grounded).</summary>
    public static IReadOnlyList<string> Ungrounded(string modelText, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        ArgumentNullException.ThrowIfNull(sources);
        var sourceText = string.Join("\n", sources);
        var sourceValues = Numbers(sourceText).Select(n => Math.Abs(n.IsPercent ? n.Shown : n.Shown * n.Scale)).ToHashSet();
        var sourceTokens = Tokens(sourceText).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var problems = new List<string>();
        foreach (var token in Tokens(modelText))
        {
            if (!HarmlessTokens.Contains(token) && !sourceTokens.Contains(token))
            {
                problems.Add(token);
            }
        }

        foreach (var number in Numbers(modelText))
        {
            if (!sourceValues.Any(s => Backs(s, number)))
            {
                problems.Add(number.Written);
            }
        }

        return problems;
    }

    private static bool Backs(decimal source, WrittenNumber number)
    {
        var shown = Math.Abs(number.Shown);
        // A percentage may come from a percentage or from a fraction (0.153 → 15.3%).
        decimal[] candidates = number.IsPercent ? [source, source * 100m] : [source];
        foreach (var candidate in candidates)
        {
            var scaled = candidate / number.Scale;
            if (scaled == shown
                || Math.Round(scaled, number.Decimals, MidpointRounding.AwayFromZero) == shown
                || Math.Round(scaled, number.Decimals, MidpointRounding.ToEven) == shown)
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct WrittenNumber(string Written, decimal Shown, int Decimals, decimal Scale, bool IsPercent);

    private static IEnumerable<WrittenNumber> Numbers(string text)
    {
        foreach (Match m in NumberPattern().Matches(text))
        {
            var digits = m.Groups["int"].Value.Replace(",", "", StringComparison.Ordinal);
            var fraction = m.Groups["frac"].Success ? m.Groups["frac"].Value : "";
            var literal = fraction.Length > 0 ? $"{digits}.{fraction}" : digits;
            if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var shown))
            {
                continue;
            }

            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            var (scale, percent) = unit switch
            {
                "k" or "thousand" => (1_000m, false),
                "m" or "mn" or "million" => (1_000_000m, false),
                "b" or "bn" or "billion" => (1_000_000_000m, false),
                "%" or "percent" or "pct" => (1m, true),
                _ => (1m, false),
            };
            yield return new WrittenNumber(m.Value.Trim(), shown, fraction.Length, scale, percent);
        }
    }

    private static IEnumerable<string> Tokens(string text) =>
        IdPattern().Matches(text).Select(m => m.Value);

    // A number not glued to letters (ids are tokens, below): 1,234,567.89 / 12.5 / .5 is not a form we accept.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?(?:(?<unit>st|nd|rd|th)\b|\s?(?<unit>%|(?:k|m|mn|b|bn|thousand|million|billion|percent|pct)\b))?(?![\p{L}\p{N}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    // A word that starts with letters and holds digits: A000017, R002, FY2026 (1.2M and 15k are figures, above).
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])\p{L}+[\p{L}_-]*\d[\p{L}\p{N}_-]*(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
