using BenchmarkDotNet.Attributes;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Tests.Design;

namespace TerritoryBot.Benchmarks.Design;

/// <summary>
/// Hot loops of the design engine: one O(1) move or swap evaluation, and one full local-search
/// scenario on the 4,200 × 8 universe. `-- --filter '*DesignSearch*'`.
/// </summary>
[MemoryDiagnoser]
public class DesignSearchBenchmarks
{
    private DesignProblem _problem = null!;
    private ScenarioSearch _search = null!;
    private DesignInput _input = null!;
    private int[] _accounts = null!;
    private int[] _reps = null!;
    private int[] _partners = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 4200, Reps = 8, Seed = 7 });
        var options = new DesignOptions { Seed = 42 };
        _problem = DesignProblem.Build(_input, options);
        _search = new ScenarioSearch(_problem, ScenarioSpec.For(ScenarioNames.Opportunity, options), options, 42);
        _search.Construct();
        var rng = new Random(1);
        _accounts = Enumerable.Range(0, 1024).Select(_ => rng.Next(_problem.N)).ToArray();
        _reps = Enumerable.Range(0, 1024).Select(_ => rng.Next(_problem.K)).ToArray();
        _partners = Enumerable.Range(0, 1024).Select(_ => rng.Next(_problem.N)).ToArray();
    }

    /// <summary>1,024 move evaluations (divide by 1,024 for one).</summary>
    [Benchmark(OperationsPerInvoke = 1024)]
    public double MoveDelta()
    {
        double s = 0;
        for (int x = 0; x < 1024; x++)
        {
            s += _search.MoveDelta(_accounts[x], _reps[x]);
        }

        return s;
    }

    /// <summary>1,024 swap evaluations.</summary>
    [Benchmark(OperationsPerInvoke = 1024)]
    public double SwapDelta()
    {
        double s = 0;
        for (int x = 0; x < 1024; x++)
        {
            s += _search.SwapDelta(_accounts[x], _partners[x]);
        }

        return s;
    }

    /// <summary>Construction plus local search of the opportunity scenario, 4,200 × 8.</summary>
    [Benchmark]
    public double OpportunityScenario()
    {
        var options = new DesignOptions { Seed = 42 };
        var search = new ScenarioSearch(_problem, ScenarioSpec.For(ScenarioNames.Opportunity, options), options, 42);
        search.Construct();
        search.Search();
        return search.TrackedObjective;
    }
}
