using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks.Query;

/// <summary>The representative queries of the benchmark and the sweep, over a demo universe.</summary>
internal sealed class QueryCases
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public QueryCases(int accounts)
    {
        Data = DemoGenerator.Generate(new DemoOptions(AsOf, accounts, Math.Max(8, accounts / 500), Seed: 42)).Data;
        Scores = ScoringEngine.Score(Data, AsOf);
        Table = AccountTable.Build(Data, Scores.Accounts, AsOf);
        // A manager's view: the first manager's reps.
        var manager = Data.Reps.First(r => r.Role == RepRole.Manager).RepId;
        Team = QueryScope.Owners(Data.Reps.Where(r => r.ManagerId == manager).Select(r => r.RepId));
    }

    public DataSet Data { get; }
    public ScoringResult Scores { get; }
    public AccountTable Table { get; }
    public QueryScope Team { get; }

    /// <summary>"How many non-customers in California have more than $100k potential?" — ops, three filters.</summary>
    public static readonly AccountQuery CountThreeFilters = new()
    {
        Filters =
        [
            QueryFilter.Is(QueryField.State, "California"),
            QueryFilter.Is(QueryField.Status, "ActiveCustomer").Not(),
            QueryFilter.Above(QueryField.PotentialArr, 100_000),
        ],
    };

    /// <summary>Current ARR by industry over everything.</summary>
    public static readonly AccountQuery GroupBySum = new() { Measure = QueryMeasure.Sum(QueryField.CurrentArr), GroupBy = QueryField.Industry };

    /// <summary>Median potential by rep (run over a manager's team).</summary>
    public static readonly AccountQuery TeamGroupByMedian = new() { Measure = QueryMeasure.Median(QueryField.PotentialArr), GroupBy = QueryField.Owner };

    /// <summary>The 10 fastest-growing non-customers not touched in 6 months.</summary>
    public static readonly AccountQuery TopTenRank = new()
    {
        Filters = [QueryFilter.Flag(QueryField.Customer, true).Not(), QueryFilter.AtMost(QueryField.LastActivityDays, 182).Not()],
        Rank = new QueryRank(QueryField.Growth, Limit: 10),
        ListFields = [QueryField.Growth, QueryField.PotentialArr, QueryField.City],
    };

    /// <summary>Software accounts in Texas with their fields, 25 rows listed.</summary>
    public static readonly AccountQuery List = new()
    {
        Filters = [QueryFilter.Is(QueryField.Industry, "Software"), QueryFilter.Is(QueryField.State, "TX")],
        ListFields = [QueryField.City, QueryField.Tier, QueryField.Status, QueryField.CurrentArr, QueryField.PotentialArr, QueryField.Tech],
        RowLimit = 25,
    };

    /// <summary>Open pipeline in Negotiation: the stage-narrowed pipeline sum.</summary>
    public static readonly AccountQuery PipelineInStage = new()
    {
        Filters = [QueryFilter.Is(QueryField.OpenStage, "Negotiation")],
        Measure = QueryMeasure.Sum(QueryField.OpenPipeline),
    };

    /// <summary>Every case with the scope it runs in.</summary>
    public IReadOnlyList<(string Name, AccountQuery Query, QueryScope Scope)> All =>
    [
        ("count, 3 filters (ops)", CountThreeFilters, QueryScope.All),
        ("group-by industry, sum (ops)", GroupBySum, QueryScope.All),
        ("group-by owner, median (manager)", TeamGroupByMedian, Team),
        ("top-10 rank, 2 filters (ops)", TopTenRank, QueryScope.All),
        ("list, 2 filters, 25 rows (ops)", List, QueryScope.All),
        ("pipeline in a stage (ops)", PipelineInStage, QueryScope.All),
    ];
}
