using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Tiering;

/// <summary>
/// Potential at or above which an account enters each tier, and the fit at or below which it is placed
/// one tier lower (a big but poorly fitting account does not deserve Strategic coverage).
/// </summary>
public sealed record TierThresholds(double Strategic, double Enterprise, double Commercial, int DemoteAtOrBelowFit, bool FromDistribution)
{
    public static TierThresholds None { get; } = new(0, 0, 0, 0, false);

    /// <summary>The tier potential alone calls for, before the fit rule.</summary>
    public Tier ByPotential(double potential) =>
        potential >= Strategic ? Tier.Strategic
        : potential >= Enterprise ? Tier.Enterprise
        : potential >= Commercial ? Tier.Commercial
        : Tier.SMB;

    /// <summary>The tier for a potential and an ICP fit.</summary>
    public Tier Classify(double potential, int icpFit)
    {
        var tier = ByPotential(potential);
        return icpFit <= DemoteAtOrBelowFit && tier != Tier.SMB ? tier + 1 : tier;
    }

    public double MinimumFor(Tier tier) => tier switch
    {
        Tier.Strategic => Strategic,
        Tier.Enterprise => Enterprise,
        Tier.Commercial => Commercial,
        _ => 0,
    };
}

/// <summary>Tiers, statuses, priorities and coverage approaches.</summary>
public static class TierClassifier
{
    /// <summary>Thresholds from the options, or from percentiles of the (ascending sorted) potentials.</summary>
    public static TierThresholds Thresholds(ReadOnlySpan<double> sortedPotential, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool fromDistribution = options.StrategicMinPotential is null || options.EnterpriseMinPotential is null || options.CommercialMinPotential is null;
        var thresholds = new TierThresholds(
            options.StrategicMinPotential ?? Percentile(sortedPotential, options.StrategicPercentile),
            options.EnterpriseMinPotential ?? Percentile(sortedPotential, options.EnterprisePercentile),
            options.CommercialMinPotential ?? Percentile(sortedPotential, options.CommercialPercentile),
            options.DemoteAtOrBelowFit,
            fromDistribution);
        if (!(thresholds.Commercial <= thresholds.Enterprise && thresholds.Enterprise <= thresholds.Strategic))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "Tier thresholds must satisfy Commercial <= Enterprise <= Strategic; got {0:N0}, {1:N0}, {2:N0}.",
                thresholds.Commercial, thresholds.Enterprise, thresholds.Strategic));
        }

        return thresholds;
    }

    private static double Percentile(ReadOnlySpan<double> sorted, double p) =>
        sorted.Length == 0 ? 0 : Distribution.PercentileOfSorted(sorted, p);

    /// <summary>
    /// ActiveCustomer: a customer. ActiveProspect: an open opportunity. ColdProspect: neither, but some
    /// relationship on record (an owner, a past activity or a closed opportunity). Unknown: nothing on
    /// record at all, so there is no basis to call it cold.
    /// </summary>
    public static AccountStatus Status(bool isCustomer, bool hasOpenOpportunity, bool hasRelationshipRecord) =>
        isCustomer ? AccountStatus.ActiveCustomer
        : hasOpenOpportunity ? AccountStatus.ActiveProspect
        : hasRelationshipRecord ? AccountStatus.ColdProspect
        : AccountStatus.Unknown;

    /// <summary>
    /// High: opportunity score at or above the any-tier bar, or a Strategic/Enterprise account at or above
    /// the high bar. Low: below the low bar, or SMB below the high bar. Strategic is never Low.
    /// </summary>
    public static Priority Priority(Tier tier, double opportunityScore, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (opportunityScore >= options.HighPriorityAnyTier
            || (tier <= Tier.Enterprise && opportunityScore >= options.HighPriorityOpportunity))
        {
            return Model.Priority.High;
        }

        bool low = opportunityScore < options.LowPriorityOpportunity
                   || (tier == Tier.SMB && opportunityScore < options.HighPriorityOpportunity);
        return low && tier != Tier.Strategic ? Model.Priority.Low : Model.Priority.Medium;
    }

    /// <summary>How an account of this tier and status should be covered.</summary>
    public static string CoverageApproach(Tier tier, AccountStatus status)
    {
        string team = tier switch
        {
            Tier.Strategic => "dedicated senior AE with SE and an executive sponsor",
            Tier.Enterprise => "named AE with pooled SE support",
            Tier.Commercial => "pooled commercial AE",
            _ => "inside sales and digital programmes",
        };
        string motion = status switch
        {
            AccountStatus.ActiveCustomer => tier <= Tier.Enterprise ? "quarterly business reviews and an expansion plan" : "renewal and cross-sell cadence",
            AccountStatus.ActiveProspect => "multi-thread and advance the open opportunity",
            AccountStatus.ColdProspect => tier <= Tier.Enterprise ? "account-based re-engagement with an executive angle" : "re-engagement sequence",
            _ => tier <= Tier.Enterprise ? "account-based outbound to open a first conversation" : "targeted outbound campaign",
        };
        return $"{team}: {motion}";
    }

    internal static string MisclassifiedRationale(Tier current, Tier recommended, double potential, double low, double high,
        int icpFit, TierThresholds thresholds, PotentialMethod method, Tier sizeFloor = Tier.SMB, int employees = 0)
    {
        var c = CultureInfo.InvariantCulture;
        var byPotential = thresholds.ByPotential(potential);
        string basis = method == PotentialMethod.Comparables ? "comparable customers" : "the ACV fallback";
        string estimate = string.Format(c, "Potential {0} (p25–p75 {1}–{2}, from {3})", Format.Money(potential), Format.Money(low), Format.Money(high), basis);
        string where = byPotential < current
            ? string.Format(c, "reaches the {0} threshold of {1}", byPotential, Format.Money(thresholds.MinimumFor(byPotential)))
            : byPotential > current
                ? string.Format(c, "is below the {0} threshold of {1}", current, Format.Money(thresholds.MinimumFor(current)))
                : string.Format(c, "meets the {0} threshold of {1}", current, Format.Money(thresholds.MinimumFor(current)));
        var byPotentialAndFit = thresholds.Classify(potential, icpFit);
        string fit = recommended < byPotentialAndFit
            ? string.Format(c, "; with {0:N0} employees its size band makes {1} the lowest tier it may get (ICP fit {2}/5)", employees, sizeFloor, icpFit)
            : recommended != byPotential
            ? string.Format(c, "; ICP fit {0}/5 places it one tier below what potential alone gives", icpFit)
            : string.Format(c, "; ICP fit {0}/5", icpFit);
        string consequence = recommended < current ? "it deserves more coverage than it gets" : "its coverage can be lighter and the capacity reused";
        return $"{estimate} {where}{fit}: {consequence}.";
    }
}
