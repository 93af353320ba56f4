using System.Text.RegularExpressions;

namespace TerritoryBot.Conversation;

/// <summary>
/// Finds the free-text reason in "move A000017 to R003 because she knows the buyer" or "reject 42, it moves open
/// pipeline": the words after a marker (because, reason:, since, as, due to, given that) or, for rejections only,
/// after the first comma, semicolon, colon or dash. The router routes the part before it, so the reason's own words
/// (names, "move", numbers) never change the intent or the entities.
/// </summary>
internal static partial class ReasonText
{
    /// <summary>Splits at the first reason marker that is not the first word; false when there is none.</summary>
    public static bool TrySplitAtMarker(string text, out string head, out string reason) =>
        TrySplit(Marker(), text, out head, out reason);

    /// <summary>Splits at the first comma, semicolon, colon or spaced dash; false when there is none.</summary>
    public static bool TrySplitAtSeparator(string text, out string head, out string reason) =>
        TrySplit(Separator(), text, out head, out reason);

    private static bool TrySplit(Regex regex, string text, out string head, out string reason)
    {
        foreach (Match match in regex.Matches(text))
        {
            var before = text[..match.Index].Trim();
            var after = text[(match.Index + match.Length)..].Trim().TrimStart(':', '-', '–', '—', ',').Trim();
            if (before.Length > 0 && after.Length > 0)
            {
                (head, reason) = (before, after);
                return true;
            }
        }

        (head, reason) = (text, "");
        return false;
    }

    // "as soon as", "as well", "as of" are not reasons.
    [GeneratedRegex(@"(?<!\w)(?:because(?:\s+of)?|since|due\s+to|given\s+that|as(?!\s+(?:soon|well|of|per|far|long|usual|a\s+table|a\s+list)\b)|reason(?:\s+being|\s+is|\s*[:\-–—]))(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s*(?:[,;:]|\s[-–—]+\s)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
