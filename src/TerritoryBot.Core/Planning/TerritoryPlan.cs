using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Planning;

/// <summary>A rep's territory: the computed content of the territory document and the business plan.</summary>
public sealed record TerritoryPlan
{
    public required Rep Rep { get; init; }
    public RepFit? Fit { get; init; }
    public required DateOnly AsOf { get; init; }
    /// <summary>"current owners" or the target's name.</summary>
    public required string Basis { get; init; }
    public required bool HasTarget { get; init; }
    public required string CurrencySymbol { get; init; }
    /// <summary>Every account of the territory: tier (Strategic first), then potential, descending.</summary>
    public required IReadOnlyList<PortfolioAccount> Portfolio { get; init; }
    public required int PortfolioRowsShown { get; init; }
    public required TerritoryTotals Totals { get; init; }
    public required TeamBand Band { get; init; }
    public required IReadOnlyList<TierSummary> Tiers { get; init; }
    /// <summary>Industries by potential, descending.</summary>
    public required IReadOnlyList<Share> Industries { get; init; }
    public required GeographySummary Geography { get; init; }
    public required IReadOnlyList<string> Hypothesis { get; init; }
    public required IReadOnlyList<Transition> Transitions { get; init; }
    public required IReadOnlyList<SequenceTouch> Sequence { get; init; }
    /// <summary>Tier 1 and 2 accounts that did not fit in the sequence weeks.</summary>
    public required int SequenceOverflow { get; init; }
    public required int SequencePerWeek { get; init; }
    public required BusinessPlan BusinessPlan { get; init; }
}

public sealed record PortfolioAccount
{
    public required Account Account { get; init; }
    public required AccountScore Score { get; init; }
    public required int OpenOpportunities { get; init; }
    public required double OpenPipeline { get; init; }
    /// <summary>Latest of the account's and its opportunities' last activity.</summary>
    public DateOnly? LastActivity { get; init; }
    public required string CoverageApproach { get; init; }
    /// <summary>Comes from another owner under the target.</summary>
    public required bool Incoming { get; init; }

    /// <summary>Potential not yet captured as ARR (never negative).</summary>
    public double Headroom => Math.Max(0, Score.PotentialArr - Account.CurrentArr);
}

public sealed record TerritoryTotals(
    int Accounts,
    double Potential,
    double CurrentArr,
    int Customers,
    int ActiveProspects,
    int ColdProspects,
    int Whitespace,
    int OpenOpportunities,
    double OpenPipeline,
    double ExpansionHeadroom,
    double NewLogoPotential)
{
    /// <summary>Current ARR / potential; 0 when there is no potential.</summary>
    public double Penetration => Potential <= 0 ? 0 : CurrentArr / Potential;
}

/// <summary>This territory's potential against every territory of the same assignment.</summary>
public sealed record TeamBand(double This, double Min, double Median, double Max, double Mean, int Rank, int Territories)
{
    /// <summary>(this − median) / median; 0 when the median is 0.</summary>
    public double DeviationFromMedian => Median <= 0 ? 0 : (This - Median) / Median;
}

public sealed record TierSummary(Tier Tier, int Accounts, double Potential, double CurrentArr, double PotentialShare, string Cadence, int TouchesPerAccount)
{
    public long TouchesPerQuarter => (long)Accounts * TouchesPerAccount;
}

public sealed record Share(string Label, int Accounts, double Potential, double Fraction);

public sealed record MapPoint(string AccountId, string Name, GeoPoint Location, double Potential, Tier Tier);

public sealed record GeographySummary(
    GeoPoint? Home,
    int Located,
    double? MedianDistanceKm,
    double? LocalShare,
    double LocalRadiusKm,
    IReadOnlyList<Share> Regions,
    IReadOnlyList<MapPoint> Points);

public enum TransitionDirection
{
    Incoming,
    Outgoing,
}

/// <summary>An account changing hands between the current owners and the target.</summary>
public sealed record Transition
{
    public required Account Account { get; init; }
    public AccountScore? Score { get; init; }
    public required TransitionDirection Direction { get; init; }
    public string? FromRepId { get; init; }
    public string? FromName { get; init; }
    public string? ToRepId { get; init; }
    public string? ToName { get; init; }
    public required int OpenOpportunities { get; init; }
    public required double OpenPipeline { get; init; }
    public DateOnly? LastActivity { get; init; }
    public string? RelationshipNotes { get; init; }
    /// <summary>The current owner when there is one (they hold the relationship), else the receiving rep.</summary>
    public string? TransitionOwnerId { get; init; }
    public string? TransitionOwnerName { get; init; }
}

public sealed record SequenceTouch(int Week, string AccountId, string Name, Tier Tier, double? Intent, string Action);

public sealed record TopAccount(PortfolioAccount Account, int Rank, IReadOnlyList<string> Reasons);

public sealed record QuotaDecomposition
{
    public required double Quota { get; init; }
    /// <summary>Where the quota came from (the rep's record, or the team median when the rep has none).</summary>
    public required string QuotaSource { get; init; }
    public required double WinRate { get; init; }
    public required double ExpansionPipeline { get; init; }
    public required double NewLogoPipeline { get; init; }
    /// <summary>Open pipeline weighted by the rep's smoothed industry win rates.</summary>
    public required double ExpectedExpansionPipeline { get; init; }
    public required double ExpectedNewLogoPipeline { get; init; }
    public required double ExpansionHeadroom { get; init; }
    public required double NewLogoPotential { get; init; }
    /// <summary>Quota minus what the open pipeline is expected to close (never negative).</summary>
    public required double Gap { get; init; }
    public required double ExpansionGap { get; init; }
    public required double NewLogoGap { get; init; }
    /// <summary>Existing customers' share of the quota; Expansion + NewLogo = Quota.</summary>
    public required double Expansion { get; init; }
    public required double NewLogo { get; init; }
    public required double ExpansionPipelineToCreate { get; init; }
    public required double NewLogoPipelineToCreate { get; init; }
    public required double AverageDeal { get; init; }
    public required string AverageDealSource { get; init; }
    public double PipelineToCreate => ExpansionPipelineToCreate + NewLogoPipelineToCreate;
}

public sealed record Milestone(int Quarter, string Weeks, double Bookings, double Cumulative, double ExpectedFromPipeline, double PipelineToCreate, string Focus);

public sealed record ResourceNeed(string Resource, string Need);

public sealed record Risk(string Title, double Severity, string Evidence, string Mitigation);

public sealed record BusinessPlan
{
    public required IReadOnlyList<string> Analysis { get; init; }
    public required IReadOnlyList<TopAccount> TopAccounts { get; init; }
    public required IReadOnlyList<string> CoverageStrategy { get; init; }
    /// <summary>Null when neither the rep nor the team has a quota.</summary>
    public QuotaDecomposition? Quota { get; init; }
    public required IReadOnlyList<string> QuotaNarrative { get; init; }
    public required IReadOnlyList<Milestone> Milestones { get; init; }
    public required IReadOnlyList<ResourceNeed> Resources { get; init; }
    /// <summary>At most three, most severe first.</summary>
    public required IReadOnlyList<Risk> Risks { get; init; }
    /// <summary>How many risk checks fired before keeping the top three.</summary>
    public required int RisksFound { get; init; }
}
