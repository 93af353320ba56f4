namespace TerritoryBot.Conversation;

/// <summary>
/// Stemmed words that name what a design's targets follow ("balance by quota", "weighted by capacity").
/// The matching phrase patterns live in <see cref="IntentPatterns"/>; these sets pick the mode.
/// </summary>
internal static class TargetWords
{
    public static readonly IReadOnlySet<string> Quota = Stems("quota", "quotas");

    public static readonly IReadOnlySet<string> Capacity = Stems("capacity", "capacities", "headroom", "bandwidth");

    /// <summary>"equal" alone is a fairness word; here it only counts next to target/share words (see the router).</summary>
    public static readonly IReadOnlySet<string> Equal = Stems("equal", "equally", "evenly");

    private static HashSet<string> Stems(params string[] words) =>
        words.SelectMany(w => w.Split('_')).Select(TextMatching.Stem).ToHashSet(StringComparer.Ordinal);
}
