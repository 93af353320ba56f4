using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Design;

/// <summary>How per-rep targets are set before ramping is applied.</summary>
public enum TargetMode
{
    /// <summary>Every rep gets the same share.</summary>
    Equal,
    /// <summary>Shares proportional to quota (reps without a quota get the mean quota).</summary>
    Quota,
    /// <summary>Shares proportional to capacity (reps without one get <see cref="DesignOptions.DefaultCapacity"/>, else the mean capacity).</summary>
    Capacity,
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

    /// <summary>What each rep's share of every balanced dimension (potential, workload, accounts, pipeline) follows.</summary>
    public TargetMode Targets { get; init; } = TargetMode.Equal;

    /// <summary>Target multiplier for ramping reps (1 = no reduction; 0.5–0.7 is typical).</summary>
    public double RampingFactor { get; init; } = 1.0;

    /// <summary>
    /// Lowest seniority allowed to own each tier (hard rule). Empty by default: a hard rule is a policy ops turn on
    /// deliberately (<see cref="StrategicOnlyToSeniors"/>), because on a typical team the Strategic tier holds far more
    /// potential than the senior reps' balanced share, and the rule then makes every target unreachable.
    /// </summary>
    public IReadOnlyDictionary<Tier, Seniority> MinSeniorityByTier { get; init; } = new Dictionary<Tier, Seniority>();

    /// <summary>The usual tier rule: Strategic accounts only to senior reps.</summary>
    public static IReadOnlyDictionary<Tier, Seniority> StrategicOnlyToSeniors { get; } =
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
