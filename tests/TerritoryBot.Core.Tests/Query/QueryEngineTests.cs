using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Core.Tests.Query;

public sealed class QueryEngineTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly Rep[] Reps =
    [
        new() { RepId = "r0", Name = "Ada Zero", ManagerId = "m0" },
        new() { RepId = "r1", Name = "Bo One", ManagerId = "m0" },
        new() { RepId = "r2", Name = "Cy Two", ManagerId = "m1" },
        new() { RepId = "m0", Name = "Mo Manager", Role = RepRole.Manager },
        new() { RepId = "m1", Name = "Mia Manager", Role = RepRole.Manager },
    ];

    private static readonly Account[] Accounts =
    [
        new() { AccountId = "a1", Name = "Alpha Clinic", Industry = "Healthcare", Region = "Texas", City = "Austin", OwnerId = "r0", IsCustomer = true, CurrentArr = 100_000, GrowthRate = 0.10, Employees = 500, AnnualRevenue = 10e6, TechStack = ["Snowflake"], LastActivityDate = new(2026, 6, 1), NamedAccount = true, FundingStage = "Series B" },
        new() { AccountId = "a2", Name = "Beta Health", Industry = "healthcare", Region = "TX", City = "Dallas", OwnerId = "r0", GrowthRate = 0.30, Employees = 1500 },
        new() { AccountId = "a3", Name = "Gamma Stores", Industry = "Retail", Region = "WA", City = "Seattle", OwnerId = "r1", GrowthRate = -0.05, Employees = 50, AnnualRevenue = 2e6, TechStack = ["AWS", "Snowflake"], LastActivityDate = new(2025, 6, 30) },
        new() { AccountId = "a4", Name = "Delta Soft", Industry = "Software", Region = "California", City = "San Jose", OwnerId = "r2", IsCustomer = true, CurrentArr = 300_000, GrowthRate = 0.20, Employees = 5000, AnnualRevenue = 100e6, LastActivityDate = new(2026, 5, 31) },
        new() { AccountId = "a5", Name = "Epsilon Care", Industry = "Hospital & Health Care", Employees = 10 },
    ];

    private static readonly Opportunity[] Opportunities =
    [
        new() { OpportunityId = "o1", AccountId = "a2", OwnerId = "r0", Amount = 50_000, Stage = "Negotiation" },
        new() { OpportunityId = "o2", AccountId = "a2", OwnerId = "r0", Amount = 20_000, Stage = "Discovery" },
        new() { OpportunityId = "o3", AccountId = "a2", OwnerId = "r0", Amount = 99_000, Stage = "Closed Won" },
        new() { OpportunityId = "o4", AccountId = "a4", OwnerId = "r2", Amount = 80_000, Stage = "Negotiation" },
    ];

    private static AccountScore Score(string id, double potential, Tier tier, AccountStatus status, int fit) => new()
    {
        AccountId = id, IcpFit = fit, OpportunityScore = fit * 20, PotentialArr = potential, PotentialLow = potential, PotentialHigh = potential,
        Tier = tier, Status = status, Priority = Priority.Medium, Whitespace = false,
    };

    private static readonly AccountScore[] Scores =
    [
        Score("a1", 400_000, Tier.Enterprise, AccountStatus.ActiveCustomer, 4),
        Score("a2", 200_000, Tier.Commercial, AccountStatus.ActiveProspect, 5),
        Score("a3", 50_000, Tier.SMB, AccountStatus.ColdProspect, 2),
        Score("a4", 600_000, Tier.Strategic, AccountStatus.ActiveCustomer, 4),
        Score("a5", 100_000, Tier.SMB, AccountStatus.Unknown, 3),
    ];

    private static readonly DataSet Data = new(Accounts, Reps, Opportunities, IcpProfile.Default);

    private static AccountTable Table(Func<string, string?>? industryMap = null) => AccountTable.Build(Data, Scores, AsOf, industryMap);

    private static QueryAnswer Answer(AccountQuery query, QueryScope? scope = null, AccountTable? table = null) =>
        Assert.IsType<QueryAnswer>(QueryEngine.Run(table ?? Table(), query, scope ?? QueryScope.All));

    private static QueryAnswer Where(params QueryFilter[] filters) => Answer(new AccountQuery { Filters = filters });

    [Theory]
    [InlineData("Texas")]
    [InlineData("TX")]
    [InlineData(" texas ")]
    public void Run_StateByNameOrCode_SameAccountsResolvedToCode(string state)
    {
        var answer = Where(QueryFilter.Is(QueryField.State, state));
        Assert.Equal(["a1", "a2"], answer.AccountIds);
        Assert.Equal(["TX"], answer.Filters[0].Resolved);
        Assert.Empty(answer.Filters[0].Unknown);
    }

    [Fact]
    public void Run_Scopes_RepSeesOwnBookManagerTeamOpsEverything()
    {
        Assert.Equal(2, Answer(new AccountQuery(), QueryScope.Owners(["r0"])).Total.Value);
        Assert.Equal(3, Answer(new AccountQuery(), QueryScope.Owners(["r0", "r1"])).ScopeCount);
        Assert.Equal(5, Answer(new AccountQuery(), QueryScope.All).ScopeCount);
        Assert.Equal(0, Answer(new AccountQuery(), QueryScope.Owners([])).ScopeCount);
    }

    [Fact]
    public void Run_SumOfCurrentArrInIndustry_IgnoresCase()
    {
        var answer = Answer(new AccountQuery { Filters = [QueryFilter.Is(QueryField.Industry, "HEALTHCARE")], Measure = QueryMeasure.Sum(QueryField.CurrentArr) });
        Assert.Equal(["a1", "a2"], answer.AccountIds);
        Assert.Equal(100_000, answer.Total.Value);
    }

    [Fact]
    public void Run_IndustryMap_FiltersOnCanonicalIndustryAndKeepsTheRawLabelField()
    {
        var table = Table(label => label.Contains("health", StringComparison.OrdinalIgnoreCase) ? "Healthcare & Life Sciences" : null);
        var canonical = Answer(new AccountQuery { Filters = [QueryFilter.Is(QueryField.Industry, "Hospital & Health Care")] }, table: table);
        Assert.Equal(["a1", "a2", "a5"], canonical.AccountIds);
        Assert.Equal(["Healthcare & Life Sciences"], canonical.Filters[0].Resolved);
        var raw = Answer(new AccountQuery { Filters = [QueryFilter.Is(QueryField.IndustryLabel, "Hospital & Health Care")] }, table: table);
        Assert.Equal(["a5"], raw.AccountIds);
    }

    [Fact]
    public void Run_PipelineInAStage_CountsOnlyThatStagesDeals()
    {
        var all = Answer(new AccountQuery { Measure = QueryMeasure.Sum(QueryField.OpenPipeline) });
        Assert.Equal(150_000, all.Total.Value);
        var negotiation = Answer(new AccountQuery
        {
            Filters = [QueryFilter.Is(QueryField.OpenStage, "negotiation")],
            Measure = QueryMeasure.Sum(QueryField.OpenPipeline),
        });
        Assert.Equal(["a2", "a4"], negotiation.AccountIds);
        Assert.Equal(130_000, negotiation.Total.Value);
    }

    [Fact]
    public void Run_NotTouchedInSixMonths_IncludesNeverTouched()
    {
        var answer = Where(QueryFilter.AtMost(QueryField.LastActivityDays, 180).Not());
        Assert.Equal(["a2", "a3", "a5"], answer.AccountIds);
    }

    [Fact]
    public void Run_WithoutPipeline_IsTheNegationOfAbove0()
    {
        Assert.Equal(["a1", "a3", "a5"], Where(QueryFilter.Above(QueryField.OpenPipeline, 0).Not()).AccountIds);
    }

    [Fact]
    public void Run_Median_OddAndEvenCounts()
    {
        var measure = QueryMeasure.Median(QueryField.PotentialArr);
        Assert.Equal(200_000, Answer(new AccountQuery { Measure = measure }).Total.Value);
        Assert.Equal(300_000, Answer(new AccountQuery { Measure = measure }, QueryScope.Owners(["r0"])).Total.Value);
    }

    [Fact]
    public void Run_AverageWithUnknownValues_SkipsThemAndSaysHowMany()
    {
        var total = Answer(new AccountQuery { Measure = QueryMeasure.Average(QueryField.Growth) }).Total;
        Assert.Equal(0.1375, total.Value!.Value, 10);
        Assert.Equal(5, total.Accounts);
        Assert.Equal(4, total.ValueCount);
    }

    [Fact]
    public void Run_MinMaxOfNothing_IsUndefined()
    {
        var query = new AccountQuery { Filters = [QueryFilter.Is(QueryField.City, "Nowhere")], Measure = QueryMeasure.Max(QueryField.Revenue) };
        var answer = Answer(query);
        Assert.Null(answer.Total.Value);
        Assert.Equal(["Nowhere"], answer.Filters[0].Unknown);
    }

    [Fact]
    public void Run_PenetrationShareAndCustomerRate_AreTheDocumentedRatios()
    {
        var penetration = Answer(new AccountQuery { Measure = QueryMeasure.Penetration }).Total;
        Assert.Equal(400_000.0 / 1_350_000, penetration.Value!.Value, 10);
        Assert.Equal((400_000.0, 1_350_000.0), (penetration.Numerator!.Value, penetration.Denominator!.Value));
        var share = Answer(new AccountQuery { Filters = [QueryFilter.Is(QueryField.Industry, "Healthcare")], Measure = QueryMeasure.Share(QueryField.PotentialArr) }).Total;
        Assert.Equal(600_000.0 / 1_350_000, share.Value!.Value, 10);
        var countShare = Answer(new AccountQuery { Filters = [QueryFilter.Is(QueryField.Industry, "Healthcare")], Measure = QueryMeasure.Share() }).Total;
        Assert.Equal(0.4, countShare.Value!.Value, 10);
        Assert.Equal(0.4, Answer(new AccountQuery { Measure = QueryMeasure.CustomerRate }).Total.Value!.Value, 10);
    }

    [Fact]
    public void Run_GroupByOwner_HighestFirstTiesByKeyUnassignedLast()
    {
        var groups = Answer(new AccountQuery { GroupBy = QueryField.Owner }).Groups;
        Assert.Equal(["r0", "r1", "r2", null], groups.Select(g => g.Key));
        Assert.Equal([2.0, 1, 1, 1], groups.Select(g => g.Figure.Value!.Value));
    }

    [Fact]
    public void Run_GroupByTeamOfCustomers_ManagersAsKeys()
    {
        var groups = Answer(new AccountQuery { GroupBy = QueryField.Team, Measure = QueryMeasure.Sum(QueryField.CurrentArr) }).Groups;
        Assert.Equal(["m1", "m0", null], groups.Select(g => g.Key));
        Assert.Equal([300_000.0, 100_000, 0], groups.Select(g => g.Figure.Value!.Value));
    }

    [Fact]
    public void Run_RankWithTies_BrokenByAccountId()
    {
        var answer = Answer(new AccountQuery { Rank = new QueryRank(QueryField.IcpFit, Limit: 3) });
        Assert.Equal(["a2", "a1", "a4"], answer.AccountIds);
        Assert.Equal(3, answer.SelectedCount);
        Assert.Equal(5, answer.MatchCount);
    }

    [Fact]
    public void Run_RankAscending_UnknownValuesLast()
    {
        var answer = Answer(new AccountQuery { Rank = new QueryRank(QueryField.Growth, Ascending: true) });
        Assert.Equal(["a3", "a1", "a4", "a2", "a5"], answer.AccountIds);
    }

    [Fact]
    public void Run_TopFilter_AppliesAfterTheOtherFilters()
    {
        var answer = Where(QueryFilter.Top(QueryField.PotentialArr, 1), QueryFilter.Is(QueryField.Industry, "Healthcare"));
        Assert.Equal(["a1"], answer.AccountIds);
        Assert.Equal([1, 2], answer.Filters.Select(f => f.Remaining));
    }

    [Fact]
    public void Run_TechSetFilterAndItsNegation()
    {
        Assert.Equal(["a1", "a3"], Where(QueryFilter.Is(QueryField.Tech, "snowflake")).AccountIds);
        Assert.Equal(["a2", "a4", "a5"], Where(QueryFilter.Is(QueryField.Tech, "snowflake").Not()).AccountIds);
    }

    [Fact]
    public void Run_BetweenIsInclusiveAndMissingFindsUnknowns()
    {
        Assert.Equal(["a1", "a2"], Where(QueryFilter.Between(QueryField.Employees, 100, 1500)).AccountIds);
        Assert.Equal(["a2", "a5"], Where(QueryFilter.Missing(QueryField.Revenue)).AccountIds);
        Assert.Equal(["a5"], Where(QueryFilter.Missing(QueryField.State)).AccountIds);
    }

    [Fact]
    public void Run_NameContainsAndFlags()
    {
        Assert.Equal(["a2", "a4"], Where(QueryFilter.Contains(QueryField.Name, "ta ")).AccountIds);
        Assert.Equal(["a1"], Where(QueryFilter.Flag(QueryField.Named, true)).AccountIds);
        Assert.Equal(["a1", "a4"], Where(QueryFilter.Is(QueryField.Status, "activecustomer")).AccountIds);
        Assert.Equal(["a2", "a3", "a5"], Where(QueryFilter.Flag(QueryField.Customer, true).Not()).AccountIds);
    }

    [Fact]
    public void Run_ListFields_CarryTypedValues()
    {
        var answer = Answer(new AccountQuery
        {
            Filters = [QueryFilter.Is(QueryField.AccountId, "A1")],
            ListFields = [QueryField.State, QueryField.Tech, QueryField.Named, QueryField.CurrentArr, QueryField.Headroom, QueryField.LastActivityDays, QueryField.Revenue],
        });
        var row = Assert.Single(answer.Rows);
        Assert.Equal(("a1", "Alpha Clinic"), (row.AccountId, row.Name));
        Assert.Equal("TX", row.Cells[0].Text);
        Assert.Equal(["Snowflake"], row.Cells[1].Labels!);
        Assert.True(row.Cells[2].Flag);
        Assert.Equal(100_000, row.Cells[3].Number);
        Assert.Equal(300_000, row.Cells[4].Number);
        Assert.Equal(29, row.Cells[5].Number);
        Assert.Equal(10e6, row.Cells[6].Number);
    }

    [Fact]
    public void Run_RowLimit_ListsFewerButKeepsEveryId()
    {
        var answer = Answer(new AccountQuery { RowLimit = 2 });
        Assert.Equal(2, answer.Rows.Count);
        Assert.Equal(5, answer.AccountIds.Count);
    }

    [Theory]
    [InlineData("Cy Two")]
    [InlineData("r2")]
    [InlineData("R2")]
    [InlineData("Nobody At All")]
    [InlineData("m0")]
    public void Run_RepNamingAnotherRep_RefusedWithTheValueOnly(string who)
    {
        var outcome = QueryEngine.Run(Table(), new AccountQuery { Filters = [QueryFilter.Is(QueryField.Owner, who)] }, QueryScope.Owners(["r0"]));
        Assert.Equal(new QueryRefused(QueryField.Owner, who), outcome);
    }

    [Fact]
    public void Run_RepNamingThemselvesByName_Answered()
    {
        var answer = Answer(new AccountQuery { Filters = [QueryFilter.Is(QueryField.Owner, "ada zero")] }, QueryScope.Owners(["r0"]));
        Assert.Equal(["a1", "a2"], answer.AccountIds);
        Assert.Equal(["r0"], answer.Filters[0].Resolved);
    }

    [Fact]
    public void Run_TeamFilter_OwnTeamAnsweredOtherTeamRefused()
    {
        Assert.Equal(["a1", "a2", "a3"], Answer(new AccountQuery { Filters = [QueryFilter.Is(QueryField.Team, "Mo Manager")] }, QueryScope.Owners(["r0", "r1"])).AccountIds);
        Assert.IsType<QueryRefused>(QueryEngine.Run(Table(), new AccountQuery { Filters = [QueryFilter.Is(QueryField.Team, "m1")] }, QueryScope.Owners(["r0", "r1"])));
    }

    [Fact]
    public void Run_OpsNamingNobody_AnsweredEmptyWithTheValueUnknown()
    {
        var answer = Where(QueryFilter.Is(QueryField.Owner, "nobody"));
        Assert.Empty(answer.AccountIds);
        Assert.Equal(["nobody"], answer.Filters[0].Unknown);
    }

    public static TheoryData<AccountQuery, QueryProblem> InvalidQueries => new()
    {
        { new AccountQuery { Filters = [QueryFilter.Above(QueryField.Industry, 3)] }, QueryProblem.OperatorNotValid },
        { new AccountQuery { Filters = [QueryFilter.Is(QueryField.CurrentArr, "big")] }, QueryProblem.OperatorNotValid },
        { new AccountQuery { Filters = [QueryFilter.Is(QueryField.Industry)] }, QueryProblem.MissingValue },
        { new AccountQuery { Filters = [QueryFilter.Is(QueryField.Industry, " ")] }, QueryProblem.MissingValue },
        { new AccountQuery { Filters = [QueryFilter.Missing(QueryField.Named) with { Values = null! }] }, QueryProblem.MissingValue },
        { new AccountQuery { Filters = [null!] }, QueryProblem.MissingValue },
        { new AccountQuery { Filters = [QueryFilter.Is(QueryField.Named, "maybe")] }, QueryProblem.InvalidValue },
        { new AccountQuery { Filters = [QueryFilter.Above(QueryField.CurrentArr, double.NaN)] }, QueryProblem.InvalidNumber },
        { new AccountQuery { Filters = [QueryFilter.Between(QueryField.CurrentArr, 5, 1)] }, QueryProblem.InvalidRange },
        { new AccountQuery { Filters = [QueryFilter.Top(QueryField.CurrentArr, 0)] }, QueryProblem.InvalidCount },
        { new AccountQuery { Filters = [QueryFilter.Top(QueryField.City, 3)] }, QueryProblem.OperatorNotValid },
        { new AccountQuery { Filters = [new QueryFilter { Field = (QueryField)999, Op = FilterOp.Missing }] }, QueryProblem.UnknownField },
        { new AccountQuery { Measure = new QueryMeasure(MeasureKind.Sum) }, QueryProblem.MeasureNeedsNumericField },
        { new AccountQuery { Measure = QueryMeasure.Average(QueryField.City) }, QueryProblem.MeasureNeedsNumericField },
        { new AccountQuery { Measure = new QueryMeasure(MeasureKind.Count, QueryField.CurrentArr) }, QueryProblem.MeasureTakesNoField },
        { new AccountQuery { GroupBy = QueryField.CurrentArr }, QueryProblem.NotGroupable },
        { new AccountQuery { Rank = new QueryRank(QueryField.Industry) }, QueryProblem.NotRankable },
        { new AccountQuery { Rank = new QueryRank(QueryField.CurrentArr, Limit: 0) }, QueryProblem.InvalidCount },
        { new AccountQuery { RowLimit = -1 }, QueryProblem.InvalidCount },
        { new AccountQuery { Filters = [.. Enumerable.Repeat(QueryFilter.Missing(QueryField.City), 33)] }, QueryProblem.TooLarge },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public void Run_InvalidQuery_ProblemNamedNothingComputed(AccountQuery query, QueryProblem problem)
    {
        var invalid = Assert.IsType<QueryInvalid>(QueryEngine.Run(Table(), query, QueryScope.All));
        Assert.Equal(problem, invalid.Problem);
    }

    [Fact]
    public void Build_DuplicateAccountId_Throws()
    {
        var data = Data with { Accounts = [.. Accounts, Accounts[0]] };
        Assert.Throws<ArgumentException>(() => AccountTable.Build(data, Scores, AsOf));
    }

    [Fact]
    public void Build_AccountWithoutScore_Throws()
    {
        Assert.Throws<ArgumentException>(() => AccountTable.Build(Data, Scores[1..], AsOf));
    }

    [Theory]
    [InlineData("tx", "TX")]
    [InlineData("New York", "NY")]
    [InlineData("district of columbia", "DC")]
    public void TryCode_NameOrCode_GivesCode(string text, string code)
    {
        Assert.True(UsStates.TryCode(text, out var found));
        Assert.Equal(code, found);
    }

    [Fact]
    public void TryCode_NotAState_False()
    {
        Assert.False(UsStates.TryCode("Ontario", out _));
        Assert.Equal(51, UsStates.All.Count(s => s.Code != "PR"));
    }
}
