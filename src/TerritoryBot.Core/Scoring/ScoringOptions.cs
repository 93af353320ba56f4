namespace TerritoryBot.Core.Scoring;

/// <summary>
/// Tunable settings of the scoring engine. Every default is documented in docs/scoring.md; tier thresholds
/// left null are taken from the distribution of potential (percentiles).
/// </summary>
public sealed record ScoringOptions
{
    /// <summary>Nearest customers kept per account.</summary>
    public int Comparables { get; init; } = 7;

    /// <summary>
    /// Customers of the account's own industry nearest in size that are compared on every feature
    /// (other industries top the pool up when the industry has fewer).
    /// </summary>
    public int CandidatePool { get; init; } = 32;

    /// <summary>Fewer comparables than this within <see cref="MaxComparableDistance"/> means the fallback estimate.</summary>
    public int MinComparables { get; init; } = 3;

    /// <summary>Largest firmographic distance at which a customer still counts as comparable (log units).</summary>
    public double MaxComparableDistance { get; init; } = 1.5;

    /// <summary>Potential at or above which an account is Strategic; null = the <see cref="StrategicPercentile"/> of potential.</summary>
    public double? StrategicMinPotential { get; init; }

    public double? EnterpriseMinPotential { get; init; }

    public double? CommercialMinPotential { get; init; }

    public double StrategicPercentile { get; init; } = 0.95;

    public double EnterprisePercentile { get; init; } = 0.80;

    public double CommercialPercentile { get; init; } = 0.50;

    /// <summary>Accounts whose ICP fit is at or below this are placed one tier lower than their potential alone says.</summary>
    public int DemoteAtOrBelowFit { get; init; } = 2;

    /// <summary>Opportunity score at or above which an Enterprise or Strategic account is High priority.</summary>
    public double HighPriorityOpportunity { get; init; } = 50;

    /// <summary>Opportunity score at or above which any account is High priority.</summary>
    public double HighPriorityAnyTier { get; init; } = 75;

    /// <summary>Opportunity score below which an account is Low priority (SMB accounts below <see cref="HighPriorityOpportunity"/> are Low too).</summary>
    public double LowPriorityOpportunity { get; init; } = 30;

    /// <summary>Whitespace needs at least this ICP fit.</summary>
    public int WhitespaceMinFit { get; init; } = 4;

    /// <summary>Whitespace needs no sales activity in this many months before the as-of date.</summary>
    public int WhitespaceInactiveMonths { get; init; } = 6;

    /// <summary>Share of accounts the concentration figure is computed for ("top 15% hold N%").</summary>
    public double ConcentrationTopShare { get; init; } = 0.15;

    /// <summary>Accounts listed in the summary's top list.</summary>
    public int TopAccounts { get; init; } = 20;

    /// <summary>Misclassified accounts listed in the summary (all are counted).</summary>
    public int MisclassifiedListLimit { get; init; } = 100;

    /// <summary>Worker threads; null = all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Comparables, 1, nameof(Comparables));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Comparables, 64, nameof(Comparables));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinComparables, 1, nameof(MinComparables));
        ArgumentOutOfRangeException.ThrowIfLessThan(CandidatePool, Comparables, nameof(CandidatePool));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinComparables, Comparables, nameof(MinComparables));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxComparableDistance, nameof(MaxComparableDistance));
        CheckPercentile(StrategicPercentile, nameof(StrategicPercentile));
        CheckPercentile(EnterprisePercentile, nameof(EnterprisePercentile));
        CheckPercentile(CommercialPercentile, nameof(CommercialPercentile));
        if (!(CommercialPercentile <= EnterprisePercentile && EnterprisePercentile <= StrategicPercentile))
        {
            throw new ArgumentException("Tier percentiles must satisfy Commercial <= Enterprise <= Strategic.");
        }

        foreach (var (value, name) in new[] { (StrategicMinPotential, nameof(StrategicMinPotential)), (EnterpriseMinPotential, nameof(EnterpriseMinPotential)), (CommercialMinPotential, nameof(CommercialMinPotential)) })
        {
            if (value is { } v && (double.IsNaN(v) || v < 0))
            {
                throw new ArgumentOutOfRangeException(name, v, "A tier threshold must be a non-negative number.");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(DemoteAtOrBelowFit, 0, nameof(DemoteAtOrBelowFit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DemoteAtOrBelowFit, 5, nameof(DemoteAtOrBelowFit));
        ArgumentOutOfRangeException.ThrowIfLessThan(WhitespaceMinFit, 1, nameof(WhitespaceMinFit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WhitespaceMinFit, 5, nameof(WhitespaceMinFit));
        ArgumentOutOfRangeException.ThrowIfNegative(WhitespaceInactiveMonths, nameof(WhitespaceInactiveMonths));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ConcentrationTopShare, nameof(ConcentrationTopShare));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ConcentrationTopShare, 1, nameof(ConcentrationTopShare));
        ArgumentOutOfRangeException.ThrowIfNegative(TopAccounts, nameof(TopAccounts));
        ArgumentOutOfRangeException.ThrowIfNegative(MisclassifiedListLimit, nameof(MisclassifiedListLimit));
        if (MaxDegreeOfParallelism is { } p)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(p, 1, nameof(MaxDegreeOfParallelism));
        }
    }

    private static void CheckPercentile(double p, string name)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(name, p, "A percentile must be between 0 and 1.");
        }
    }
}
