using BenchmarkDotNet.Attributes;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Benchmarks.Query;

/// <summary>
/// The account query over the demo universe, in process, on a prepared table (built once per workspace, measured
/// apart): `-- --filter '*QueryBenchmarks*'`. Issue 14 asks for a query over 100k accounts under 50 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QueryBenchmarks
{
    private QueryCases _cases = null!;

    [Params(100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup() => _cases = new QueryCases(Accounts);

    [Benchmark]
    public QueryOutcome CountThreeFilters() => QueryEngine.Run(_cases.Table, QueryCases.CountThreeFilters, QueryScope.All);

    [Benchmark]
    public QueryOutcome GroupBySum() => QueryEngine.Run(_cases.Table, QueryCases.GroupBySum, QueryScope.All);

    [Benchmark]
    public QueryOutcome TeamGroupByMedian() => QueryEngine.Run(_cases.Table, QueryCases.TeamGroupByMedian, _cases.Team);

    [Benchmark]
    public QueryOutcome TopTenRank() => QueryEngine.Run(_cases.Table, QueryCases.TopTenRank, QueryScope.All);

    [Benchmark]
    public QueryOutcome List() => QueryEngine.Run(_cases.Table, QueryCases.List, QueryScope.All);

    [Benchmark]
    public QueryOutcome PipelineInStage() => QueryEngine.Run(_cases.Table, QueryCases.PipelineInStage, QueryScope.All);

    /// <summary>Building the table, done once per workspace (data version), not per query.</summary>
    [Benchmark]
    public AccountTable BuildTable() => AccountTable.Build(_cases.Data, _cases.Scores.Accounts, QueryCases.AsOf);
}
