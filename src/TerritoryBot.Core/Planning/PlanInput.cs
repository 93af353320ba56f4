using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Planning;

/// <summary>Everything a rep's territory document and business plan are computed from.</summary>
public sealed record PlanInput
{
    public required DataSet Data { get; init; }
    /// <summary>One score per account (ScoringEngine output).</summary>
    public required IReadOnlyList<AccountScore> Scores { get; init; }
    /// <summary>The fit table of the same data (win rates, pipeline).</summary>
    public required FitReport Fit { get; init; }
    public required string RepId { get; init; }
    public required DateOnly AsOf { get; init; }
    /// <summary>
    /// Target owners (a scenario or an approved proposal). Accounts it does not mention keep their
    /// current owner. Null: the plan is for the current owners and no account changes hands.
    /// </summary>
    public IReadOnlyList<Assignment>? Target { get; init; }
    /// <summary>
    /// True when <see cref="Target"/> is a complete assignment (an uploaded file, a saved scenario): accounts
    /// it does not mention are unassigned under it instead of keeping their current owner.
    /// </summary>
    public bool TargetIsComplete { get; init; }
    /// <summary>Label of the target, e.g. "scenario rebalance".</summary>
    public string? TargetName { get; init; }
}

/// <summary>Coverage model and thresholds of the plan builder. Defaults are documented in docs/plans.md.</summary>
public sealed record PlanOptions
{
    /// <summary>Rows of the portfolio table; the rest are summarised by tier.</summary>
    public int MaxPortfolioRows { get; init; } = 100;
    public int TopAccounts { get; init; } = 10;
    /// <summary>Weeks of the first-quarter coverage sequence.</summary>
    public int SequenceWeeks { get; init; } = 13;
    /// <summary>Most first touches scheduled in one week.</summary>
    public int MaxFirstTouchesPerWeek { get; init; } = 8;
    /// <summary>Accounts within this distance of the rep's home count as local.</summary>
    public double LocalRadiusKm { get; init; } = 250;
    /// <summary>Open deals of at least this multiple of the ICP average ACV call for a solutions engineer.</summary>
    public double SeDealAcvMultiple { get; init; } = 1.5;
    /// <summary>Customers without activity for this many days count as stale.</summary>
    public int StaleActivityDays { get; init; } = 90;
    /// <summary>Open pipeline below this multiple of quota is a risk.</summary>
    public double ThinPipelineCoverage { get; init; } = 1.0;
    /// <summary>Planned touches per account per quarter, by tier (Strategic, Enterprise, Commercial, SMB).</summary>
    public IReadOnlyList<int> TouchesPerQuarter { get; init; } = [12, 6, 3, 1];
    /// <summary>Share of the quota gap (beyond expected pipeline) booked in each quarter.</summary>
    public IReadOnlyList<double> QuarterPhasing { get; init; } = [0.20, 0.25, 0.25, 0.30];
    /// <summary>The same for a ramping rep: back-loaded.</summary>
    public IReadOnlyList<double> RampingQuarterPhasing { get; init; } = [0.10, 0.20, 0.30, 0.40];
    public string CurrencySymbol { get; init; } = "$";

    public static PlanOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPortfolioRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(TopAccounts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SequenceWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFirstTouchesPerWeek, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(LocalRadiusKm);
        ArgumentOutOfRangeException.ThrowIfNegative(SeDealAcvMultiple);
        ArgumentOutOfRangeException.ThrowIfNegative(StaleActivityDays);
        ArgumentOutOfRangeException.ThrowIfNegative(ThinPipelineCoverage);
        if (TouchesPerQuarter.Count != 4 || TouchesPerQuarter.Any(t => t < 0))
        {
            throw new ArgumentException("TouchesPerQuarter needs four non-negative values, one per tier.", nameof(TouchesPerQuarter));
        }

        foreach (var phasing in new[] { QuarterPhasing, RampingQuarterPhasing })
        {
            if (phasing.Count != 4 || phasing.Any(p => !(p >= 0)) || Math.Abs(phasing.Sum() - 1) > 1e-9)
            {
                throw new ArgumentException("A quarter phasing needs four non-negative shares that sum to 1.", nameof(QuarterPhasing));
            }
        }
    }
}
