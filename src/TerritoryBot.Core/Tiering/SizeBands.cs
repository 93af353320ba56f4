using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tiering;

/// <summary>
/// A size floor: a company with at least <see cref="MinEmployees"/> employees or at least <see cref="MinRevenue"/>
/// of annual revenue is never tiered below <see cref="Tier"/>. Either bound may be null (not used); not both.
/// </summary>
public sealed record SizeBand(Tier Tier, int? MinEmployees, double? MinRevenue)
{
    public bool Admits(int employees, double? revenue) =>
        (MinEmployees is { } e && employees >= e) || (MinRevenue is { } r && revenue is { } v && double.IsFinite(v) && v >= r);
}

/// <summary>
/// Absolute size as a floor under the potential tiers: potential ranks accounts within the list, and a size band
/// sets the lowest tier a company of that size may get, so a 50,000-employee company at the bottom of a list of
/// giants is never SMB (docs/scoring.md, "Size bands").
/// </summary>
public static class SizeBands
{
    /// <summary>
    /// The default bands (icp.json <c>sizeBands</c> replaces them; <c>{}</c> turns them off): 1,000+ employees or
    /// $250M+ revenue is at least Commercial; 10,000+ employees or $2.5B+ revenue is at least Enterprise.
    /// </summary>
    public static IReadOnlyList<SizeBand> Default { get; } =
    [
        new(Tier.Enterprise, 10_000, 2_500_000_000),
        new(Tier.Commercial, 1_000, 250_000_000),
    ];

    /// <summary>
    /// Checks a band list: tiers above SMB, each at most once, each with a positive bound, and floors that do not
    /// fall as the tier rises (a bigger company must never meet a lower floor only). Returns the problems found.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<SizeBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var problems = new List<string>();
        foreach (var b in bands)
        {
            string name = b.Tier.ToString().ToLowerInvariant();
            if (b.Tier == Tier.SMB || !Enum.IsDefined(b.Tier))
            {
                problems.Add($"{name}: SMB is the base tier and takes no floor; bands are strategic, enterprise or commercial");
            }

            if (b.MinEmployees is null && b.MinRevenue is null)
            {
                problems.Add($"{name}: needs minEmployees, minRevenue or both");
            }

            if (b.MinEmployees is <= 0)
            {
                problems.Add($"{name}.minEmployees: must be 1 or more");
            }

            if (b.MinRevenue is { } r && !(double.IsFinite(r) && r > 0))
            {
                problems.Add($"{name}.minRevenue: must be a positive number");
            }
        }

        foreach (var dup in bands.GroupBy(b => b.Tier).Where(g => g.Count() > 1))
        {
            problems.Add($"{dup.Key.ToString().ToLowerInvariant()}: appears more than once");
        }

        // Tier enum runs Strategic (0) .. SMB (3): a smaller value is a higher tier and needs floors at least as high.
        foreach (var high in bands)
        {
            foreach (var low in bands.Where(l => l.Tier > high.Tier))
            {
                if (high.MinEmployees is { } he && low.MinEmployees is { } le && he < le)
                {
                    problems.Add($"{high.Tier.ToString().ToLowerInvariant()}.minEmployees {he} is below {low.Tier.ToString().ToLowerInvariant()}.minEmployees {le}");
                }

                if (high.MinRevenue is { } hr && low.MinRevenue is { } lr && hr < lr)
                {
                    problems.Add($"{high.Tier.ToString().ToLowerInvariant()}.minRevenue {hr} is below {low.Tier.ToString().ToLowerInvariant()}.minRevenue {lr}");
                }
            }
        }

        return problems;
    }

    /// <summary>The highest tier whose floor the company meets; SMB when it meets none.</summary>
    public static Tier Floor(IReadOnlyList<SizeBand> bands, int employees, double? revenue)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var floor = Tier.SMB;
        foreach (var b in bands)
        {
            if (b.Tier < floor && b.Admits(employees, revenue))
            {
                floor = b.Tier;
            }
        }

        return floor;
    }

    /// <summary>The potential tier (after the fit rule), raised to the size floor when the floor is higher.</summary>
    public static Tier Apply(Tier byPotentialAndFit, Tier floor) => floor < byPotentialAndFit ? floor : byPotentialAndFit;
}
