using TerritoryBot.Conversation;
using TerritoryBot.Core.Query;
using TerritoryBot.Features.Query;
using TerritoryBot.Tests.Plugins;

namespace TerritoryBot.Tests.Features.Query;

/// <summary>The app-level query service over the two-team demo: R001–R003 under R007, R004–R006 under R009, ops R008.</summary>
public sealed class QueryServiceTests
{
    private static readonly Workspace Workspace = new(RepPluginData.TwoTeams(), new DateOnly(2026, 6, 30));

    private static Caller As(string id) => Caller.For(Workspace.FindRep(id)!, Workspace);

    private static QueryAnswer Run(string id, AccountQuery query) => Assert.IsType<QueryAnswer>(QueryService.Run(As(id), Workspace, query));

    [Theory]
    [InlineData("R001")]
    [InlineData("R007")]
    [InlineData(RepPluginData.SecondManager)]
    [InlineData("R008")]
    public void Run_EveryRole_ScopeIsExactlyTheAccountsTheCallerMaySee(string id)
    {
        var caller = As(id);
        var expected = Workspace.Data.Accounts.Where(caller.CanSeeAccount).Select(a => a.AccountId).Order(StringComparer.Ordinal).ToList();
        var answer = Run(id, new AccountQuery { RowLimit = 0 });
        Assert.Equal(expected, answer.AccountIds);
        Assert.Equal(expected.Count, answer.ScopeCount);
    }

    [Fact]
    public void Run_Ops_SeesUnassignedAccounts()
    {
        var answer = Run("R008", new AccountQuery { Filters = [QueryFilter.Missing(QueryField.Owner)] });
        Assert.Equal(Workspace.Data.Accounts.Count(a => a.OwnerId is null), answer.MatchCount);
        Assert.Equal(0, Run("R007", new AccountQuery { Filters = [QueryFilter.Missing(QueryField.Owner)] }).MatchCount);
    }

    [Fact]
    public void Run_ManagerNamingTheOtherTeamsRep_RefusedLikeANonexistentOne()
    {
        var other = QueryService.Run(As("R007"), Workspace, new QueryRequest { Where = ["owner=R004"] });
        var none = QueryService.Run(As("R007"), Workspace, new QueryRequest { Where = ["owner=R404"] });
        Assert.Equal(("refused", "refused"), (other.Status, none.Status));
        Assert.Equal(other.Errors.Single().Replace("R004", "X"), none.Errors.Single().Replace("R404", "X"));
        Assert.Equal("answered", QueryService.Run(As("R007"), Workspace, new QueryRequest { Where = ["owner=R002"] }).Status);
    }

    [Fact]
    public void Run_Request_FiguresMatchAnIndependentCount()
    {
        var view = QueryService.Run(As("R001"), Workspace, new QueryRequest { Where = ["customer"], Measure = "sum:current_arr" });
        var mine = Workspace.Data.Accounts.Where(a => a.OwnerId == "R001" && (a.IsCustomer || a.CurrentArr > 0)).ToList();
        Assert.Equal("answered", view.Status);
        Assert.Equal(mine.Count, view.Selected);
        Assert.Equal(mine.Sum(a => a.CurrentArr), view.Total!.Value!.Value, 6);
        Assert.Equal("rep", view.Scope!.Kind);
    }

    [Fact]
    public void Run_BadRequest_InvalidWithEveryProblem()
    {
        var view = QueryService.Run(As("R001"), Workspace, new QueryRequest { Where = ["industry>5", "zzz=1"] });
        Assert.Equal("invalid", view.Status);
        Assert.Equal(2, view.Errors.Count);
        Assert.Null(view.Total);
    }

    [Fact]
    public void Table_SameWorkspace_BuiltOnce()
    {
        Assert.Same(QueryService.Table(Workspace), QueryService.Table(Workspace));
    }
}
