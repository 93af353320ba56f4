using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Whitespace;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Plugins;

/// <summary>Each rep intent through the conversation core, by text and by card verb, checked against the engines.</summary>
public sealed class RepPluginExampleTests : IClassFixture<RepPluginExampleTests.Fixture>
{
    private readonly Fixture fixture;

    public RepPluginExampleTests(Fixture fixture) => this.fixture = fixture;

    public sealed class Fixture : IAsyncDisposable
    {
        internal ConversationHarness Harness { get; } = new();

        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }

    private ConversationHarness Harness => fixture.Harness;

    private IEnumerable<Account> Book(string repId) => Harness.Data.Accounts.Where(a => a.OwnerId == repId);

    [Theory]
    [InlineData("show my territory")]
    [InlineData("what's in my patch")]
    [InlineData("show my terirtory")]
    public async Task MyTerritory_Rep_TotalsOfOwnBook(string text)
    {
        var result = await Harness.AskAsync("R001", text);
        Assert.Equal(Intent.MyTerritory, result.Intent);
        var view = Assert.IsType<TerritoryView>(result.View);
        var scores = Harness.Workspace.Scores.Accounts.ToDictionary(s => s.AccountId);
        Assert.Equal(Book("R001").Count(), view.Totals.Accounts);
        Assert.Equal(Book("R001").Sum(a => scores[a.AccountId].PotentialArr), view.Totals.Potential, 3);
        Assert.Equal(Book("R001").Sum(a => a.CurrentArr), view.Totals.CurrentArr, 3);
        var largest = Book("R001").OrderByDescending(a => scores[a.AccountId].PotentialArr).First();
        Assert.Equal(largest.AccountId, view.TopAccounts[0].AccountId);
        Assert.Contains(largest.AccountId, result.Text, StringComparison.Ordinal);
        Assert.NotNull(result.Card);
    }

    [Theory]
    [InlineData("R005", "your team", 4)]
    [InlineData("R006", "all territories", 4)]
    public async Task MyTerritory_ManagerOrOpsNamingNoRep_TeamOverview(string caller, string label, int territories)
    {
        var result = await Harness.AskAsync(caller, "show my territory");
        var view = Assert.IsType<TeamOverviewView>(result.View);
        Assert.Equal(label, view.ScopeLabel);
        Assert.Equal(territories, view.Territories.Count);
        Assert.Equal(Harness.Data.Accounts.Count(a => a.OwnerId is "R001" or "R002" or "R003" or "R004"), view.Territories.Sum(t => t.Accounts));
        Assert.Equal(["R001", "R002", "R003", "R004"], view.Territories.Select(t => t.RepId));
        var buttons = CardJson.Serialize(result.Card!);
        Assert.Contains($"\"verb\":\"{TerritoryPlugin.ShowVerb}\",\"data\":{{\"repId\":\"R003\"}}", buttons, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("R005")]
    [InlineData("R006")]
    public async Task TerritoryShowVerb_ManagerOrOps_OpensTheRepsTerritory(string caller)
    {
        var result = await Harness.PressAsync(caller, TerritoryPlugin.ShowVerb, new JsonObject { ["repId"] = "R003" });
        Assert.Equal(Intent.MyTerritory, result.Intent);
        Assert.Equal("R003", Assert.IsType<TerritoryView>(result.View).RepId);
    }

    [Fact]
    public async Task MyTerritory_OpsNamesManager_ThatManagersTeam()
    {
        var manager = Harness.Workspace.Reps["R005"];
        var result = await Harness.AskAsync("R006", $"show {manager.Name}'s territory");
        var view = Assert.IsType<TeamOverviewView>(result.View);
        Assert.Equal($"{manager.Name}'s team", view.ScopeLabel);
    }

    [Theory]
    [InlineData("my top 10 accounts", 10)]
    [InlineData("show me my top five opportunities", 5)]
    [InlineData("top accounts", AccountsPlugin.DefaultTop)]
    public async Task TopAccounts_Rep_LargestOwnAccountsByPotential(string text, int expected)
    {
        var result = await Harness.AskAsync("R001", text);
        Assert.Equal(Intent.TopAccounts, result.Intent);
        var view = Assert.IsType<TopAccountsView>(result.View);
        var scores = Harness.Workspace.Scores.Accounts.ToDictionary(s => s.AccountId);
        var want = Book("R001").OrderByDescending(a => scores[a.AccountId].PotentialArr).ThenBy(a => a.AccountId, StringComparer.Ordinal)
            .Take(expected).Select(a => a.AccountId);
        Assert.Equal(want, view.Accounts.Select(a => a.AccountId));
        Assert.All(view.Accounts, a => Assert.Null(a.Owner));
    }

    [Fact]
    public async Task TopAccountsVerb_ScoreCardDrillDown_ScopedToTheCaller()
    {
        var result = await Harness.PressAsync("R002", ScoreCard.TopAccountsVerb, new JsonObject { ["top"] = ScoreCard.DrillTop });
        var view = Assert.IsType<TopAccountsView>(result.View);
        Assert.Equal(Math.Min(ScoreCard.DrillTop, Book("R002").Count()), view.Accounts.Count);
        Assert.All(view.Accounts, a => Assert.Equal("R002", Harness.Workspace.Accounts[a.AccountId].OwnerId));
    }

    [Fact]
    public async Task AccountLookup_OwnAccountByTextAndVerb_ExplainsFitPotentialAndTier()
    {
        var account = Book("R001").First(a => a.CurrentTier is not null);
        var byText = await Harness.AskAsync("R001", $"tell me about {account.AccountId.ToLowerInvariant()}");
        var byVerb = await Harness.PressAsync("R001", AccountsPlugin.ShowVerb, new JsonObject { ["accountId"] = account.AccountId });
        Assert.Equal(Intent.AccountLookup, byText.Intent);
        Assert.Equal(byText.Text, byVerb.Text);
        var view = Assert.IsType<AccountView>(byVerb.View);
        var score = Harness.Workspace.Scores.Accounts.Single(s => s.AccountId == account.AccountId);
        Assert.Equal(4, view.Fit.Count);
        Assert.All(view.Fit, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal(score.IcpFit, view.IcpFit);
        Assert.Equal(score.PotentialArr, view.PotentialArr);
        Assert.True(view.PotentialLow <= view.PotentialArr && view.PotentialArr <= view.PotentialHigh);
        Assert.Equal(score.Tier, view.Tier);
        Assert.Equal(account.CurrentTier != score.Tier, view.TierMove is not null);
        Assert.Equal(Harness.Data.Opportunities.Count(o => o.AccountId == account.AccountId && o.IsOpen), view.OpenOpportunities.Count);
    }

    [Fact]
    public async Task AccountLookup_OpsUnknownId_SaysSo()
    {
        var plugin = new AccountsPlugin();
        var context = new PluginContext(Caller.For(Harness.Workspace.Reps["R006"], Harness.Workspace), Harness.Workspace);
        var e = Assert.Throws<TurnInputException>(() => plugin.AccountLookup(context, "A999999"));
        Assert.Contains("no account 'A999999'", e.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("R001", "your accounts")]
    [InlineData("R005", "your team's accounts")]
    [InlineData("R006", "all accounts")]
    public async Task ScoreSummary_ByRole_SummarisesVisibleAccounts(string caller, string label)
    {
        var result = await Harness.AskAsync(caller, "score summary");
        Assert.Equal(Intent.ScoreSummary, result.Intent);
        var view = Assert.IsType<ScoreSummaryView>(result.View);
        Assert.Equal(label, view.ScopeLabel);
        int expected = caller switch
        {
            "R001" => Book("R001").Count(),
            "R005" => Harness.Data.Accounts.Count(a => a.OwnerId is "R001" or "R002" or "R003" or "R004"),
            _ => Harness.Data.Accounts.Count,
        };
        Assert.Equal(expected, view.Summary.Accounts);
        Assert.Contains("accounts.top", CardJson.Serialize(result.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TierReview_Rep_OwnMisclassifiedAccountsWithMoves()
    {
        var result = await Harness.AskAsync("R001", "tier review");
        Assert.Equal(Intent.TierReview, result.Intent);
        var view = Assert.IsType<TierReviewView>(result.View);
        var scores = Harness.Workspace.Scores.Accounts.ToDictionary(s => s.AccountId);
        var wrong = Book("R001").Where(a => a.CurrentTier is { } t && t != scores[a.AccountId].Tier).Select(a => a.AccountId).Order().ToList();
        Assert.Equal(wrong.Count, view.MisclassifiedCount);
        Assert.Equal(wrong, view.Accounts.Select(a => a.AccountId).Order());
        Assert.All(view.Accounts, a => Assert.False(string.IsNullOrWhiteSpace(a.Rationale)));
    }

    [Theory]
    [InlineData("whitespace I should prospect")]
    [InlineData("any greenfield accounts for me?")]
    public async Task Whitespace_Rep_EngineReportWithOutreach(string text)
    {
        var result = await Harness.AskAsync("R001", text);
        Assert.Equal(Intent.Whitespace, result.Intent);
        var view = Assert.IsType<WhitespaceView>(result.View);
        var engine = WhitespaceEngine.ForRep(Harness.Workspace.Scores, "R001");
        Assert.Equal(engine.WhitespaceAccounts, view.Report.WhitespaceAccounts);
        Assert.Equal(engine.Top.Select(c => c.AccountId), view.Report.Top.Select(c => c.AccountId));
        Assert.Contains(engine.Sentence, result.Text, StringComparison.Ordinal);
        Assert.All(view.Report.Top, c => Assert.False(string.IsNullOrWhiteSpace(c.OutreachHypothesis)));
    }

    [Fact]
    public async Task WhitespaceVerb_Manager_ForAReport()
    {
        var result = await Harness.PressAsync("R005", WhitespacePlugin.ShowVerb, new JsonObject { ["repId"] = "R002" });
        Assert.Equal("R002", Assert.IsType<WhitespaceView>(result.View).Report.RepId);
    }

    [Theory]
    [InlineData("build my business plan")]
    [InlineData("my territory plan for next year")]
    public async Task BusinessPlan_Rep_AllSections(string text)
    {
        var result = await Harness.AskAsync("R001", text);
        Assert.Equal(Intent.BusinessPlan, result.Intent);
        var view = Assert.IsType<BusinessPlanView>(result.View);
        Assert.Equal(Math.Min(10, Book("R001").Count()), view.TopAccounts.Count);
        Assert.All(view.TopAccounts, a => Assert.NotEmpty(a.Reasons));
        Assert.NotNull(view.Quota);
        Assert.Equal(view.Quota!.Quota, view.Quota.Expansion + view.Quota.NewLogo, 3);
        Assert.Equal(4, view.Milestones.Count);
        Assert.NotEmpty(view.Resources);
        Assert.InRange(view.Risks.Count, 1, 3);
        Assert.NotEmpty(view.CoverageStrategy);
    }

    [Fact]
    public async Task BusinessPlan_ManagerNamingNoRep_OffersTheTeam()
    {
        var result = await Harness.AskAsync("R005", "build my business plan");
        var view = Assert.IsType<RepChoiceView>(result.View);
        Assert.Equal(["R001", "R002", "R003", "R004"], view.Reps.Select(r => r.RepId));
        var pressed = await Harness.PressAsync("R005", PlansPlugin.ShowVerb, new JsonObject { ["repId"] = "R004" });
        Assert.Equal("R004", Assert.IsType<BusinessPlanView>(pressed.View).RepId);
    }

    [Fact]
    public async Task TerritoryDoc_Rep_HypothesisCoverageAndSequence()
    {
        var result = await Harness.AskAsync("R001", "territory doc");
        Assert.Equal(Intent.TerritoryDoc, result.Intent);
        var view = Assert.IsType<TerritoryDocView>(result.View);
        Assert.NotEmpty(view.Hypothesis);
        Assert.Contains(view.Hypothesis, h => h.StartsWith("Hypothesis:", StringComparison.Ordinal));
        Assert.Equal(Book("R001").Count(), view.Coverage.Sum(c => c.Accounts));
        Assert.NotEmpty(view.Sequence);
        Assert.Contains("territorybot plan --rep R001", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransitionPackage_Ops_EveryChangeAgainstTheRecommendedScenario()
    {
        var result = await Harness.AskAsync("R006", "transition package for R001");
        Assert.Equal(Intent.TransitionPackage, result.Intent);
        var view = Assert.IsType<TransitionView>(result.View);
        var design = EngineResults.Design(Harness.Workspace);
        Assert.Equal(design.Recommended, view.Scenario);
        var target = design.Scenario(design.Recommended)!.Assignments.ToDictionary(a => a.AccountId, a => a.RepId);
        var outgoing = Book("R001").Where(a => target[a.AccountId] != "R001").Select(a => a.AccountId).Order();
        var incoming = Harness.Data.Accounts.Where(a => a.OwnerId != "R001" && target[a.AccountId] == "R001").Select(a => a.AccountId).Order();
        Assert.Equal(outgoing, view.Outgoing.Select(t => t.AccountId).Order());
        Assert.Equal(incoming, view.Incoming.Select(t => t.AccountId).Order());
        Assert.Equal(0, view.NotShown);
    }

    [Fact]
    public async Task TransitionPackage_Rep_IncomingFromColleaguesOnlyCounted()
    {
        var asOps = Assert.IsType<TransitionView>((await Harness.AskAsync("R006", "transition package for R001")).View);
        var asRep = Assert.IsType<TransitionView>((await Harness.AskAsync("R001", "handover package")).View);
        Assert.Equal(asOps.Outgoing.Select(t => t.AccountId), asRep.Outgoing.Select(t => t.AccountId));
        Assert.Empty(asRep.Incoming);
        Assert.Equal(asOps.Incoming.Count, asRep.NotShown);
    }
}
