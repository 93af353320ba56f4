using System.Collections;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Design;

/// <summary>What the design engine works on: the data and one score per account (any order).</summary>
public sealed record DesignInput(DataSet Data, IReadOnlyList<AccountScore> Scores);

/// <summary>A constraint that cannot be met, or was relaxed, explained in plain words.</summary>
/// <param name="Scenario">Scenario it concerns; null when it concerns all.</param>
/// <param name="Code">Stable machine code, e.g. <c>locked-over-band</c>.</param>
/// <param name="Message">The explanation in plain words.</param>
public sealed record DesignIssue(string? Scenario, string Code, string Message);

/// <summary>One account as the engine sees it.</summary>
public sealed record DesignAccount(
    string AccountId, double PotentialArr, double Workload, double OpenPipeline, Tier Tier,
    AccountStatus Status, string? CurrentOwnerId, string? LockReason);

/// <summary>One territory-carrying rep with the targets the engine aimed at.</summary>
public sealed record DesignRep(
    string RepId, string Name, Seniority Seniority, bool Ramping, double TargetShare,
    double PotentialTarget, double WorkloadTarget, int? Capacity);

/// <summary>Inequality of one dimension (potential, workload, account count, open pipeline) across territories.</summary>
public sealed record DimensionMetrics(
    double Total, double Mean, double Min, double Max, double Gini, double CoefficientOfVariation,
    double Spread, double MaxDeviationFromTarget);

/// <summary>Everything a scenario is judged on.</summary>
public sealed record ScenarioMetrics
{
    public required DimensionMetrics Potential { get; init; }
    public required DimensionMetrics Workload { get; init; }
    public required DimensionMetrics Accounts { get; init; }
    public required DimensionMetrics Pipeline { get; init; }
    /// <summary>Mean great-circle km from an account to its territory's centre (located accounts only; 0 when none is).</summary>
    public required double MeanKmToCentre { get; init; }
    /// <summary>Mean km from an account to its rep's home (accounts and reps with a location; 0 when there is no such pair).</summary>
    public required double MeanKmToHome { get; init; }
    /// <summary>Assigned accounts with a location: the ones <see cref="MeanKmToCentre"/> is measured over.</summary>
    public int LocatedAccounts { get; init; }
    /// <summary>Located accounts whose rep has a home: the ones <see cref="MeanKmToHome"/> is measured over.</summary>
    public int AccountsWithHomeDistance { get; init; }
    /// <summary>Share of accounts owned by a rep of the seniority their tier calls for.</summary>
    public required double SegmentConsistency { get; init; }
    /// <summary>Mean over territories of the potential share of their two largest industries.</summary>
    public required double IndustryFocus { get; init; }
    /// <summary>Potential-weighted mean rep–industry affinity (0..1).</summary>
    public required double RepFit { get; init; }
    /// <summary>Share of currently owned accounts that keep their owner.</summary>
    public required double ContinuityAccounts { get; init; }
    /// <summary>Share of current ARR that keeps its owner (1 when there is no ARR).</summary>
    public required double ContinuityArr { get; init; }
    public required int AccountsMoved { get; init; }
    public required double PipelineMoved { get; init; }
    public required double ArrMoved { get; init; }
    /// <summary>Accounts without an owner (only the current plan can have them).</summary>
    public required int Unassigned { get; init; }
    /// <summary>What each territory's targets followed (equal shares, quota or capacity); deviations are against these targets.</summary>
    public TargetMode Targets { get; init; }
}

/// <summary>One rep's book in a scenario, with a one-line description a manager can read.</summary>
public sealed record TerritorySummary(
    string RepId, string RepName, int Accounts, double Potential, double PotentialTarget, double DeviationPct,
    double Workload, double Pipeline, double MeanKmToCentre, double MeanKmToHome, string Coherence);

/// <summary>How the search went: deterministic counters, plus whether the wall-clock safety stop fired.</summary>
public sealed record SearchStats(
    int Passes, long Evaluations, long MovesApplied, long SwapsApplied, double InitialObjective,
    double FinalObjective, bool StoppedByTimeBudget);

/// <summary>A complete assignment of every account to a territory rep, with its metrics.</summary>
public sealed class ScenarioResult
{
    private readonly string[] _accountIds;
    private readonly string[] _repIds;
    private readonly int[] _repOf;

    internal ScenarioResult(string name, string description, string[] accountIds, string[] repIds, int[] repOf,
        ScenarioMetrics metrics, IReadOnlyList<TerritorySummary> territories, IReadOnlyList<DesignIssue> issues, SearchStats? stats)
    {
        Name = name;
        Description = description;
        _accountIds = accountIds;
        _repIds = repIds;
        _repOf = repOf;
        Metrics = metrics;
        Territories = territories;
        Issues = issues;
        Stats = stats;
    }

    public string Name { get; }
    public string Description { get; }
    public ScenarioMetrics Metrics { get; }
    public IReadOnlyList<TerritorySummary> Territories { get; }
    /// <summary>Constraints relaxed or targets missed in this scenario, in words.</summary>
    public IReadOnlyList<DesignIssue> Issues { get; }
    /// <summary>Null for the current plan, which is not searched.</summary>
    public SearchStats? Stats { get; }

    /// <summary>One entry per account, in input order (the current plan skips unassigned accounts).</summary>
    public IReadOnlyList<Assignment> Assignments => new AssignmentList(_accountIds, _repIds, _repOf);

    /// <summary>Rep id of account number <paramref name="accountIndex"/> (input order); null if unassigned.</summary>
    public string? RepIdOf(int accountIndex) => _repOf[accountIndex] < 0 ? null : _repIds[_repOf[accountIndex]];

    internal ReadOnlySpan<int> RepIndexes => _repOf;

    private sealed class AssignmentList : IReadOnlyList<Assignment>
    {
        private readonly string[] _accountIds;
        private readonly string[] _repIds;
        private readonly int[] _index;

        public AssignmentList(string[] accountIds, string[] repIds, int[] repOf)
        {
            _accountIds = accountIds;
            _repIds = repIds;
            var assigned = 0;
            foreach (var r in repOf)
            {
                assigned += r >= 0 ? 1 : 0;
            }

            _index = new int[assigned];
            _repOfAll = repOf;
            for (int i = 0, j = 0; i < repOf.Length; i++)
            {
                if (repOf[i] >= 0)
                {
                    _index[j++] = i;
                }
            }
        }

        private readonly int[] _repOfAll;

        public Assignment this[int index] => new(_accountIds[_index[index]], _repIds[_repOfAll[_index[index]]]);

        public int Count => _index.Length;

        public IEnumerator<Assignment> GetEnumerator()
        {
            for (int i = 0; i < _index.Length; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>The scenarios, the current plan for comparison, the recommendation and every constraint problem.</summary>
public sealed record DesignResult(
    IReadOnlyList<DesignAccount> Accounts,
    IReadOnlyList<DesignRep> Reps,
    ScenarioResult Current,
    IReadOnlyList<ScenarioResult> Scenarios,
    string Recommended,
    string Recommendation,
    IReadOnlyList<DesignIssue> Issues)
{
    public ScenarioResult? Scenario(string name) =>
        Scenarios.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when some constraint could not be met as asked (see <see cref="Issues"/> and each scenario's issues).</summary>
    public bool HasInfeasibility => Issues.Count > 0 || Scenarios.Any(s => s.Issues.Count > 0);
}
