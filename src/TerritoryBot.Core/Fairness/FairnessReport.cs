using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Fairness;

/// <summary>Knobs of the fairness assessment.</summary>
public sealed record FairnessOptions
{
    /// <summary>Allowed deviation of a territory's potential from the team mean, in percent (default ±10%).</summary>
    public double TolerancePct { get; init; } = 10;

    public WorkloadModel Workload { get; init; } = WorkloadModel.Default;

    /// <summary>Accounts that must not move besides named accounts (e.g. a manager's locks).</summary>
    public IReadOnlySet<string>? LockedAccountIds { get; init; }

    /// <summary>
    /// When true (the default), accounts with open opportunities never move; when false they are only
    /// avoided (moved last, and their pipeline goes with them).
    /// </summary>
    public bool ProtectPipeline { get; init; } = true;

    /// <summary>Whether the adjustments also bring workload inside the tolerance (potential always is).</summary>
    public bool BalanceWorkload { get; init; }

    /// <summary>
    /// Radius, in km, within which an account counts as a neighbour of a receiving territory; null (the
    /// default) takes the median distance of every owned account to its current owner's base.
    /// </summary>
    public double? NeighbourhoodKm { get; init; }

    /// <summary>Whether unassigned accounts may be handed to a rep as an adjustment.</summary>
    public bool AssignUnassigned { get; init; } = true;

    /// <summary>Upper bound on the greedy search's moves, a safety net for pathological inputs.</summary>
    public int MaxMoves { get; init; } = 50_000;

    /// <summary>Share of a rep's potential outside their industry strengths that counts as a mismatch.</summary>
    public double StrengthMismatchShare { get; init; } = 0.5;

    /// <summary>
    /// Historical revenue over- or under-states potential when a territory's share of team ARR differs
    /// from its share of team potential by this factor or more (1.25 = 25% more or 20% less).
    /// </summary>
    public double HistoricalRatio { get; init; } = 1.25;

    /// <summary>
    /// What deviations are read against: Equal (default) = the team mean, as DATA.md says; Quota or Capacity =
    /// each rep's target share of the team's potential (<see cref="Design.TargetShares"/>).
    /// </summary>
    public Design.TargetMode Targets { get; init; } = Design.TargetMode.Equal;

    public static FairnessOptions Default { get; } = new();
}

/// <summary>The full fairness assessment of one assignment.</summary>
public sealed record FairnessReport(
    double TolerancePct,
    IReadOnlyList<TerritoryFairness> Territories,
    IReadOnlyList<string> Outliers,
    FairnessSummary Summary,
    SeniorityQuotaFit SeniorityQuota,
    IReadOnlyList<HistoricalRevenueFinding> HistoricalRevenue,
    IReadOnlyList<StrengthMismatch> StrengthMismatches,
    DisadvantagedRep? MostDisadvantaged,
    AdjustmentPlan Adjustments)
{
    /// <summary>What the deviations were read against (see <see cref="FairnessOptions.Targets"/>).</summary>
    public Design.TargetMode Targets { get; init; }
}

/// <summary>One rep's territory (role rep only).</summary>
public sealed record TerritoryFairness
{
    public required string RepId { get; init; }
    public required string RepName { get; init; }
    public required Seniority Seniority { get; init; }
    public double? Quota { get; init; }
    public bool Ramping { get; init; }
    /// <summary>Sum of the potential ARR of the accounts the rep owns.</summary>
    public required double PotentialArr { get; init; }
    /// <summary>Coverage effort in workload units (see <see cref="WorkloadModel"/>, docs/design.md).</summary>
    public required double Workload { get; init; }
    public required int AccountCount { get; init; }
    /// <summary>(potential − target) / target × 100; the target is the team mean unless quota or capacity targets were asked.</summary>
    public required double DeviationPct { get; init; }
    /// <summary>The potential this territory is read against: the team mean, or its quota/capacity share of the team's potential.</summary>
    public double PotentialTarget { get; init; }
    /// <summary>(potential − team median) / team median × 100.</summary>
    public required double DeviationFromMedianPct { get; init; }
    /// <summary>(workload − mean workload) / mean workload × 100.</summary>
    public required double WorkloadDeviationPct { get; init; }
    public required bool IsOutlier { get; init; }
    public required double CurrentArr { get; init; }
    /// <summary>Closed-won amounts on the territory's accounts in the 365 days up to the as-of date.</summary>
    public required double ClosedWonLast12Months { get; init; }
    public required double OpenPipeline { get; init; }
    /// <summary>Current ARR / potential (0 when there is no potential).</summary>
    public required double Penetration { get; init; }
    /// <summary>Potential per quota dollar; null without a quota.</summary>
    public double? PotentialPerQuotaDollar { get; init; }
    /// <summary>Percent of potential in industries outside the rep's strengths; null when no strengths are recorded.</summary>
    public double? PotentialOutsideStrengthsPct { get; init; }
}

/// <summary>Spread of potential and workload across territories.</summary>
public sealed record FairnessSummary(
    int Territories,
    double MeanPotential,
    double MedianPotential,
    double MinPotential,
    double MaxPotential,
    double PotentialGini,
    double PotentialCv,
    double PotentialSpread,
    double MeanWorkload,
    double MinWorkload,
    double MaxWorkload,
    double WorkloadGini,
    double WorkloadCv,
    double UnassignedPotential,
    int UnassignedAccounts,
    int AccountsHeldOutsideTerritories);

/// <summary>How potential lines up with seniority and quota.</summary>
public sealed record SeniorityQuotaFit(
    IReadOnlyList<SeniorityGroup> Groups,
    bool PotentialRisesWithSeniority,
    double? TeamPotentialPerQuotaDollar,
    double? QuotaPotentialSpearman,
    IReadOnlyList<string> RepsOffQuotaRatio,
    IReadOnlyList<string> Findings);

public sealed record SeniorityGroup(Seniority Seniority, int Reps, double MeanPotential, double? MeanQuota, double? PotentialPerQuotaDollar);

public enum HistoricalSignal
{
    /// <summary>ARR share above potential share: the territory looks richer than what is left to win.</summary>
    Overstates,
    /// <summary>ARR share below potential share: more headroom than past revenue suggests.</summary>
    Understates,
}

/// <summary>A territory whose historical revenue misrepresents its potential.</summary>
public sealed record HistoricalRevenueFinding(
    string RepId,
    HistoricalSignal Signal,
    double RevenueSharePct,
    double PotentialSharePct,
    double Ratio,
    string Sentence);

/// <summary>A rep whose potential sits mostly in industries outside their strengths.</summary>
public sealed record StrengthMismatch(
    string RepId,
    double PotentialOutsideStrengthsPct,
    IReadOnlyList<string> TopOutsideIndustries,
    string Sentence);

public enum DisadvantageReason
{
    LowPotential,
    LowPotentialPerQuota,
}

/// <summary>The rep most likely to feel short-changed, and what they will say.</summary>
public sealed record DisadvantagedRep(
    string RepId,
    string RepName,
    DisadvantageReason Reason,
    double GapPct,
    string Concern);

/// <summary>The smallest set of moves the search found, verified by recomputation.</summary>
public sealed record AdjustmentPlan(
    IReadOnlyList<AccountMove> Moves,
    bool WithinTolerance,
    double MaxAbsDeviationBeforePct,
    double MaxAbsDeviationAfterPct,
    IReadOnlyList<TerritoryAfter> TerritoriesAfter,
    string Explanation)
{
    /// <summary>True when workload was balanced too (<see cref="FairnessOptions.BalanceWorkload"/>); then WithinTolerance covers both.</summary>
    public bool BalancedWorkload { get; init; }

    /// <summary>Whether every territory's potential ends inside the band (WithinTolerance without workload).</summary>
    public bool PotentialWithinTolerance { get; init; }

    /// <summary>Whether every territory's workload ends inside the band (reported whether or not it was balanced).</summary>
    public bool WorkloadWithinTolerance { get; init; }

    public double MaxAbsWorkloadDeviationBeforePct { get; init; }

    public double MaxAbsWorkloadDeviationAfterPct { get; init; }

    /// <summary>Median km from every owned account to its current owner's base (null without locations): the yardstick for move distances.</summary>
    public double? ReferenceKm { get; init; }

    /// <summary>Radius of the first ring of the search: accounts within it of a rep's base are that territory's neighbours.</summary>
    public double? NeighbourhoodKm { get; init; }
}

/// <summary>One concrete account move. FromRepId is empty for an unassigned account.</summary>
public sealed record AccountMove
{
    public required string AccountId { get; init; }
    public required string AccountName { get; init; }
    public required string FromRepId { get; init; }
    public required string ToRepId { get; init; }
    public required double PotentialArr { get; init; }
    public required double OpenPipeline { get; init; }
    public required bool HasRelationshipNotes { get; init; }
    public required bool InReceiverStrengths { get; init; }
    public double? DistanceKm { get; init; }
    /// <summary>Deviation of the giving rep before and after this move (null for unassigned).</summary>
    public double? FromDeviationBeforePct { get; init; }
    public double? FromDeviationAfterPct { get; init; }
    public required double ToDeviationBeforePct { get; init; }
    public required double ToDeviationAfterPct { get; init; }
    public required string Rationale { get; init; }
    /// <summary>How the search found the move: a neighbour move, half of a swap or of a two-step chain, or a far move.</summary>
    public MoveKind Kind { get; init; }
    /// <summary>The other account of a swap or chain (null for a single move).</summary>
    public string? PartnerAccountId { get; init; }
    /// <summary>Km from the account to the giving rep's base (null when unassigned or a location is unknown).</summary>
    public double? FromDistanceKm { get; init; }
    /// <summary>True when the receiving rep has no home recorded and DistanceKm is to their territory's centre.</summary>
    public bool ReceiverBaseIsTerritoryCentre { get; init; }
    /// <summary>True when the account ends farther from its owner's base than it was.</summary>
    public bool FartherFromOwner { get; init; }
    /// <summary>Why a move that takes the account farther was still chosen (None otherwise).</summary>
    public FartherReason FartherReason { get; init; }
    /// <summary>Closest rep to the account, other than giver and receiver, and their deviation after all moves: the fact behind FartherReason.</summary>
    public string? CloserRepId { get; init; }
    public double? CloserRepDeviationAfterPct { get; init; }
    public bool IsCustomer { get; init; }
    public double CurrentArr { get; init; }
    /// <summary>Coverage work of the account in workload units.</summary>
    public double Workload { get; init; }
}

/// <summary>How a move was found, in the order the search prefers them.</summary>
public enum MoveKind
{
    /// <summary>A single move to a territory whose base is within the neighbourhood radius (or twice it).</summary>
    Neighbour,
    /// <summary>Half of a swap between two territories.</summary>
    Swap,
    /// <summary>Half of a two-step chain A→B, B→C.</summary>
    Chain,
    /// <summary>A single move beyond twice the neighbourhood radius: no neighbour move, swap or chain could do it.</summary>
    Far,
}

/// <summary>Why a move that takes an account farther from its owner was chosen.</summary>
public enum FartherReason
{
    None,
    /// <summary>No rep but the giver is closer to the account than the receiver.</summary>
    OnlyGiverIsCloser,
    /// <summary>Every rep closer than the receiver (other than the giver) ends at or above the team mean.</summary>
    CloserRepsAtOrAboveMean,
    /// <summary>A closer rep ends below the mean, but the receiver was further below when the move was made.</summary>
    ReceiverFurtherBelowMean,
    /// <summary>A closer rep needed potential more, but none of the giver's accounts near them had a size that kept both inside the band.</summary>
    NoFittingAccountForCloserRep,
    /// <summary>A far move: no neighbour move, swap or chain within twice the neighbourhood radius closed the gap.</summary>
    NoNearbyFix,
}

public sealed record TerritoryAfter(string RepId, double PotentialArr, int AccountCount, double DeviationPct, bool IsOutlier)
{
    public double Workload { get; init; }
    public double WorkloadDeviationPct { get; init; }
    public bool IsWorkloadOutlier { get; init; }
}
