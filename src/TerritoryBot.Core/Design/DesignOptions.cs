using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Design;

/// <summary>How per-rep targets are set before ramping is applied.</summary>
public enum TargetMode
{
    /// <summary>Every rep gets the same share.</summary>
    Equal,
    /// <summary>Shares proportional to quota (reps without a quota get the mean quota).</summary>
    Quota,
}

/// <summary>
/// Coverage effort per account: tier weight × status factor (see docs/design.md).
/// Units are "coverage units": an SMB cold prospect costs 0.25, a Strategic customer 8.
/// </summary>
public sealed record WorkloadModel
{
    public double Strategic { get; init; } = 8;
    public double Enterprise { get; init; } = 4;
    public double Commercial { get; init; } = 2;
    public double Smb { get; init; } = 1;
    public double ActiveCustomer { get; init; } = 1.0;
    public double ActiveProspect { get; init; } = 0.75;
    public double ColdProspect { get; init; } = 0.25;
    public double Unknown { get; init; } = 0.25;

    public static WorkloadModel Default { get; } = new();

    /// <summary>Workload of one account.</summary>
    public double Of(Tier tier, AccountStatus status) =>
        (tier switch
        {
            Tier.Strategic => Strategic,
            Tier.Enterprise => Enterprise,
            Tier.Commercial => Commercial,
            _ => Smb,
        }) * (status switch
        {
            AccountStatus.ActiveCustomer => ActiveCustomer,
            AccountStatus.ActiveProspect => ActiveProspect,
            AccountStatus.ColdProspect => ColdProspect,
            _ => Unknown,
        });
}

/// <summary>Options of <see cref="DesignEngine.Run"/>. Every field has a sensible default.</summary>
public sealed record DesignOptions
{
    /// <summary>Scenarios to run (names from <see cref="ScenarioNames.All"/>); null runs all seven.</summary>
    public IReadOnlyList<string>? Scenarios { get; init; }

    /// <summary>Seed of every random choice; the same seed and input give the same result.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Accounts with an open opportunity stay with their current owner in every scenario.</summary>
    public bool ProtectPipeline { get; init; }

    /// <summary>
    /// Cap, in percent of accounts that have a current owner, on accounts whose owner changes in
    /// <c>rebalance</c>. Null uses <see cref="DefaultRebalanceMovedPct"/>. Greenfield scenarios are
    /// redesigns and are not capped; their continuity is reported instead.
    /// </summary>
    public double? MaxMovedPct { get; init; }

    /// <summary>Cap used by rebalance when <see cref="MaxMovedPct"/> is null.</summary>
    public double DefaultRebalanceMovedPct { get; init; } = 15;

    /// <summary>Optional cap, in percent of current ARR, on ARR whose owner changes in <c>rebalance</c>.</summary>
    public double? MaxArrMovedPct { get; init; }

    public TargetMode Targets { get; init; } = TargetMode.Equal;

    /// <summary>Target multiplier for ramping reps (1 = no reduction; 0.5–0.7 is typical).</summary>
    public double RampingFactor { get; init; } = 1.0;

    /// <summary>Lowest seniority allowed to own each tier (hard rule). Default: Strategic only to senior reps.</summary>
    public IReadOnlyDictionary<Tier, Seniority> MinSeniorityByTier { get; init; } =
        new Dictionary<Tier, Seniority> { [Tier.Strategic] = Seniority.Senior };

    /// <summary>Capacity for reps whose record has none (null = unlimited).</summary>
    public int? DefaultCapacity { get; init; }

    /// <summary>
    /// When false (default) capacity counts only active accounts (customers and accounts with an open
    /// opportunity), the ones a rep "actively covers"; when true it counts every account.
    /// </summary>
    public bool CapacityCountsAllAccounts { get; init; }

    public WorkloadModel Workload { get; init; } = WorkloadModel.Default;

    /// <summary>
    /// Rep–industry affinity 0..1 (repId → industry → value). Missing entries fall back to the rep's
    /// industry strengths: 1 for a listed strength, 0.2 otherwise, 0.5 for a rep with no strengths.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Affinity { get; init; }

    /// <summary>Relative band (0.05 = ±5%) a territory should stay within around its target.</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>Most full local-search passes over the accounts per scenario.</summary>
    public int MaxPasses { get; init; } = 80;

    /// <summary>Most candidate evaluations per scenario (deterministic budget).</summary>
    public long MaxEvaluations { get; init; } = 2_000_000_000;

    /// <summary>Nearest reps (by home) considered for each account.</summary>
    public int CandidateReps { get; init; } = 8;

    /// <summary>Random partner accounts tried per candidate rep for a swap.</summary>
    public int SwapSamples { get; init; } = 2;

    /// <summary>
    /// Safety stop only: with a clock and a budget, a scenario stops searching after the budget even
    /// if passes remain (its result then depends on machine speed and says so). Null = never.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; }

    public TimeProvider? Clock { get; init; }

    /// <summary>Run scenarios on several threads (results do not depend on it).</summary>
    public bool Parallel { get; init; } = true;
}

/// <summary>The contract names of the scenarios (DATA.md).</summary>
public static class ScenarioNames
{
    public const string Geographic = "geographic";
    public const string Industry = "industry";
    public const string Size = "size";
    public const string Hybrid = "hybrid";
    public const string Opportunity = "opportunity";
    public const string Workload = "workload";
    public const string Rebalance = "rebalance";
    public const string Current = "current";

    public static IReadOnlyList<string> All { get; } =
        [Geographic, Industry, Size, Hybrid, Opportunity, Workload, Rebalance];
}
