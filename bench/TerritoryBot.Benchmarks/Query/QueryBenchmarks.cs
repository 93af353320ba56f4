using BenchmarkDotNet.Attributes;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks.Query;

/// <summary>
/// The account query over the demo universe, in process, on a prepared table (built once per workspace, measured
/// apart): `-- --filter '*QueryBenchmarks*'`. Issue 14 asks for a query over 100k accounts under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private DataSet _data = DataSet.Empty;
    private ScoringResult _scores = new([]);
    private AccountTable _table = null!;
    private QueryScope _team = QueryScope.All;

    [Params(100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = DemoGenerator.Generate(new DemoOptions(AsOf, Accounts, Math.Max(8, Accounts / 500))).Data;
        _scores = ScoringEngine.Score(_data, AsOf);
        _table = AccountTable.Build(_data, _scores.Accounts, AsOf);
        // A manager's view: the first manager's reps.
        var manager = _data.Reps.First(r => r.Role == RepRole.Manager).RepId;
        _team = QueryScope.Owners(_data.Reps.Where(r => r.ManagerId == manager).Select(r => r.RepId));
    }

    /// <summary>"How many non-customers in California have more than $100k potential?" — ops, three filters.</summary>
    [Benchmark]
    public QueryOutcome CountThreeFilters() => QueryEngine.Run(_table, new AccountQuery
    {
        Filters =
        [
            QueryFilter.Is(QueryField.State, "California"),
            QueryFilter.Is(QueryField.Status, "ActiveCustomer").Not(),
            QueryFilter.Above(QueryField.PotentialArr, 100_000),
        ],
    }, QueryScope.All);

    /// <summary>Current ARR by industry over everything.</summary>
    [Benchmark]
    public QueryOutcome GroupBySum() => QueryEngine.Run(_table, new AccountQuery
    {
        Measure = QueryMeasure.Sum(QueryField.CurrentArr),
        GroupBy = QueryField.Industry,
    }, QueryScope.All);

    /// <summary>Median potential by rep over a manager's team.</summary>
    [Benchmark]
    public QueryOutcome TeamGroupByMedian() => QueryEngine.Run(_table, new AccountQuery
    {
        Measure = QueryMeasure.Median(QueryField.PotentialArr),
        GroupBy = QueryField.Owner,
    }, _team);

    /// <summary>The 10 fastest-growing prospects not touched in 6 months.</summary>
    [Benchmark]
    public QueryOutcome TopTenRank() => QueryEngine.Run(_table, new AccountQuery
    {
        Filters = [QueryFilter.Flag(QueryField.Customer, true).Not(), QueryFilter.AtMost(QueryField.LastActivityDays, 182).Not()],
        Rank = new QueryRank(QueryField.Growth, Limit: 10),
        ListFields = [QueryField.Growth, QueryField.PotentialArr, QueryField.City],
    }, QueryScope.All);

    /// <summary>Software accounts in Texas with their fields, 25 rows listed.</summary>
    [Benchmark]
    public QueryOutcome List() => QueryEngine.Run(_table, new AccountQuery
    {
        Filters = [QueryFilter.Is(QueryField.Industry, "Software"), QueryFilter.Is(QueryField.State, "TX")],
        ListFields = [QueryField.City, QueryField.Tier, QueryField.Status, QueryField.CurrentArr, QueryField.PotentialArr, QueryField.Tech],
        RowLimit = 25,
    }, QueryScope.All);

    /// <summary>Open pipeline in Negotiation: the stage-narrowed pipeline sum.</summary>
    [Benchmark]
    public QueryOutcome PipelineInStage() => QueryEngine.Run(_table, new AccountQuery
    {
        Filters = [QueryFilter.Is(QueryField.OpenStage, "Negotiation")],
        Measure = QueryMeasure.Sum(QueryField.OpenPipeline),
    }, QueryScope.All);

    /// <summary>Building the table, done once per workspace (data version), not per query.</summary>
    [Benchmark]
    public AccountTable BuildTable() => AccountTable.Build(_data, _scores.Accounts, AsOf);
}
