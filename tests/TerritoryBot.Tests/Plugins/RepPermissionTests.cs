using System.Text.Json.Nodes;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Plugins;

/// <summary>
/// Tries hard to make the rep plugins show someone else's territory or accounts: many phrasings per intent (ids,
/// first, last and full names, lower case, typos, possessives, "for", "of", "as R00x"), forged card buttons, and
/// cross-team managers. Every refusal must be the plain refusal, and nothing shown may name another rep's account.
/// </summary>
public sealed class RepPermissionTests : IClassFixture<RepPermissionTests.Fixture>
{
    private readonly Fixture fixture;

    public RepPermissionTests(Fixture fixture) => this.fixture = fixture;

    public sealed class Fixture : IAsyncDisposable
    {
        internal ConversationHarness Harness { get; } = new(RepPluginData.TwoTeams());

        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }

    private static readonly string[] RefusalTexts =
    [
        Refusal.NotYours("territories").Text,
        Refusal.NotYours("accounts").Text,
    ];

    // {id} R002-style id, {lid} lower-case id, {first}/{last}/{full} names, {lfull} lower case, {typo} a misspelt first name.
    [Theory]
    [InlineData("show {id}'s territory")]
    [InlineData("show {first}'s territory")]
    [InlineData("what does {lfirst}'s book look like")]
    [InlineData("territory for {id}")]
    [InlineData("territory of {full}")]
    [InlineData("accounts owned by {full}")]
    [InlineData("show my territory as {id}")]
    [InlineData("{lid} territory")]
    [InlineData("show {typo}'s territory")]
    [InlineData("pull up {last}'s book")]
    [InlineData("my territory and {first}'s territory")]
    [InlineData("top 10 accounts for {first}")]
    [InlineData("{full}'s top accounts")]
    [InlineData("top accounts of {lid}")]
    [InlineData("biggest accounts for {typo}")]
    [InlineData("whitespace for {first}")]
    [InlineData("whitespace for {id}")]
    [InlineData("{lfull} whitespace")]
    [InlineData("prospecting targets for {typo}")]
    [InlineData("business plan for {id}")]
    [InlineData("build {first}'s business plan")]
    [InlineData("{lfirst} business plan")]
    [InlineData("business plan of {full} please")]
    [InlineData("territory doc for {id}")]
    [InlineData("{first}'s territory document")]
    [InlineData("one pager for {full}")]
    [InlineData("transition package for {id}")]
    [InlineData("{first}'s handover package")]
    [InlineData("score summary for {id}")]
    [InlineData("scoring summary of {lfull}")]
    [InlineData("tier review for {first}")]
    [InlineData("tier review of {id} as {id}")]
    public async Task Ask_RepNamesAnotherRep_RefusedWithoutData(string template)
    {
        var harness = fixture.Harness;
        // Reps, a rep of the other team, a manager; first names unique in the data (R002 and R003 are both "Priya").
        foreach (var (caller, other) in new[] { ("R001", "R006"), ("R001", "R005"), ("R002", "R004"), ("R004", "R001"), ("R003", "R007") })
        {
            string text = Fill(template, harness.Workspace.Reps[other]);
            var result = await harness.AskAsync(caller, text);
            AssertRefused(result, $"{caller} asked \"{text}\"");
        }
    }

    [Theory]
    [InlineData("tell me about {acct}")]
    [InlineData("{lacct}")]
    [InlineData("details on {acct} please")]
    [InlineData("what's the status of {name}")]
    [InlineData("who owns {name}")]
    [InlineData("{lname} potential")]
    [InlineData("account.show")]
    public async Task Ask_RepNamesAnotherRepsAccount_RefusedWithoutData(string template)
    {
        var harness = fixture.Harness;
        foreach (var (caller, owner) in new[] { ("R001", "R002"), ("R004", "R003"), ("R007", "R005"), (RepPluginData.SecondManager, "R001") })
        {
            var account = DistinctlyNamedAccount(harness.Workspace, owner);
            var result = template == "account.show"
                ? await harness.PressAsync(caller, AccountsPlugin.ShowVerb, new JsonObject { ["accountId"] = account.AccountId })
                : await harness.AskAsync(caller, template.Replace("{acct}", account.AccountId).Replace("{lacct}", account.AccountId.ToLowerInvariant())
                    .Replace("{name}", account.Name).Replace("{lname}", account.Name.ToLowerInvariant()));
            AssertRefused(result, $"{caller} asked about {account.AccountId} ({account.Name}) owned by {owner} with \"{template}\"");
        }
    }

    [Theory]
    [InlineData("territory.show", "R002")]
    [InlineData("territory.show", "r002")]
    [InlineData("territory.show", "R007")]
    [InlineData("territory.show", "R008")]
    [InlineData("territory.doc", "R002")]
    [InlineData("transition.show", "R004")]
    [InlineData("whitespace.show", "R002")]
    [InlineData("whitespace.show", "R009")]
    [InlineData("plan.show", "R006")]
    [InlineData("accounts.top", "R002")]
    [InlineData("scores.show", "R003")]
    [InlineData("tiers.review", "R005")]
    public async Task Press_ForgedRepIdOfAnotherRep_RefusedWithoutData(string verb, string repId)
    {
        var result = await fixture.Harness.PressAsync("R001", verb, new JsonObject { ["repId"] = repId, ["top"] = 25 });
        AssertRefused(result, $"R001 pressed {verb} with repId {repId}");
    }

    [Theory]
    [InlineData("R007", "R004")]
    [InlineData("R007", "R009")]
    [InlineData(RepPluginData.SecondManager, "R001")]
    [InlineData(RepPluginData.SecondManager, "R007")]
    public async Task AskAndPress_ManagerNamesRepOfAnotherTeam_Refused(string manager, string other)
    {
        var harness = fixture.Harness;
        var rep = harness.Workspace.Reps[other];
        foreach (var text in new[] { $"show {rep.RepId}'s territory", $"whitespace for {rep.Name}", $"business plan for {rep.RepId}", $"top accounts for {rep.Name.ToLowerInvariant()}" })
        {
            AssertRefused(await harness.AskAsync(manager, text), $"{manager} asked \"{text}\"");
        }

        foreach (var verb in new[] { TerritoryPlugin.ShowVerb, WhitespacePlugin.ShowVerb, PlansPlugin.ShowVerb, TerritoryPlugin.TransitionVerb, AccountsPlugin.TopVerb })
        {
            AssertRefused(await harness.PressAsync(manager, verb, new JsonObject { ["repId"] = other }), $"{manager} pressed {verb} for {other}");
        }
    }

    [Theory]
    [InlineData("R001", "show my territory", "TerritoryView")]
    [InlineData("R001", "my top 10 accounts", "TopAccountsView")]
    [InlineData("R001", "whitespace I should prospect", "WhitespaceView")]
    [InlineData("R001", "build my business plan", "BusinessPlanView")]
    [InlineData("R001", "territory doc", "TerritoryDocView")]
    [InlineData("R001", "transition package", "TransitionView")]
    [InlineData("R001", "score summary", "ScoreSummaryView")]
    [InlineData("R001", "tier review", "TierReviewView")]
    [InlineData("R004", "show my territory", "TerritoryView")]
    [InlineData("R004", "whitespace I should prospect", "WhitespaceView")]
    [InlineData("R004", "transition package", "TransitionView")]
    [InlineData("R007", "show my territory", "TeamOverviewView")]
    [InlineData("R007", "top 25 accounts", "TopAccountsView")]
    [InlineData("R007", "tier review", "TierReviewView")]
    [InlineData("R007", "score summary", "ScoreSummaryView")]
    [InlineData("R007", "transition package for R002", "TransitionView")]
    [InlineData("R009", "show my territory", "TeamOverviewView")]
    [InlineData("R009", "whitespace for R005", "WhitespaceView")]
    public async Task Ask_OwnScope_AnswersWithoutAnotherRepsAccounts(string caller, string text, string view)
    {
        var harness = fixture.Harness;
        var result = await harness.AskAsync(caller, text);
        Assert.Equal(view, result.View.GetType().Name);
        RepPluginData.AssertNoOtherRepsAccounts(harness.Workspace, caller, result);
    }

    [Fact]
    public async Task Ask_AmbiguousFirstNameOfAnotherRep_AnswersOnlyForTheCaller()
    {
        // "Priya" names two reps, so the router names nobody: the caller gets their own territory, never a guess.
        var harness = fixture.Harness;
        var result = await harness.AskAsync("R001", "show Priya's territory");
        Assert.Equal("R001", Assert.IsType<TerritoryView>(result.View).RepId);
        RepPluginData.AssertNoOtherRepsAccounts(harness.Workspace, "R001", result);
    }

    [Fact]
    public async Task Press_OwnTopAccountRows_EveryAccountDrillDownAnswersWithoutLeaks()
    {
        var harness = fixture.Harness;
        var top = await harness.PressAsync("R001", AccountsPlugin.TopVerb, new JsonObject { ["top"] = 100 });
        var ids = Assert.IsType<TopAccountsView>(top.View).Accounts.Select(a => a.AccountId).ToList();
        Assert.Equal(harness.Data.Accounts.Count(a => a.OwnerId == "R001"), ids.Count);
        foreach (var id in ids)
        {
            var result = await harness.PressAsync("R001", AccountsPlugin.ShowVerb, new JsonObject { ["accountId"] = id });
            var account = Assert.IsType<AccountView>(result.View);
            Assert.Equal(id, account.AccountId);
            // Comparable customers of other reps are described, never named or priced.
            Assert.All(account.Comparables.Where(c => c.AccountId is not null), c => Assert.Equal("R001", harness.Workspace.Accounts[c.AccountId!].OwnerId));
            RepPluginData.AssertNoOtherRepsAccounts(harness.Workspace, "R001", result);
        }
    }

    [Fact]
    public void AccountLookup_UnknownAndOtherRepsAccount_ReadTheSame()
    {
        var harness = fixture.Harness;
        var other = harness.Data.Accounts.First(a => a.OwnerId == "R002");
        var plugin = new AccountsPlugin();
        var context = new PluginContext(Caller.For(harness.Workspace.Reps["R001"], harness.Workspace), harness.Workspace);
        var unknown = Assert.IsType<Refusal>(plugin.AccountLookup(context, "A999999"));
        var notYours = Assert.IsType<Refusal>(plugin.AccountLookup(context, other.AccountId));
        Assert.Equal(unknown.Text, notYours.Text);
        Assert.IsType<Refusal>(plugin.AccountLookup(context, $"{harness.Data.Accounts.First(a => a.OwnerId == "R001").AccountId},{other.AccountId}"));
    }

    [Fact]
    public async Task Ask_BusinessPlanAndDoc_LeaveOutTheTeamComparison()
    {
        var harness = fixture.Harness;
        foreach (var text in new[] { "build my business plan", "territory doc" })
        {
            string all = RepPluginData.Everything(await harness.AskAsync("R001", text));
            Assert.DoesNotContain(PlansPlugin.TeamComparisonPrefix, all, StringComparison.Ordinal);
            Assert.DoesNotContain("team median", all, StringComparison.Ordinal);
            Assert.DoesNotContain("territories range", all, StringComparison.Ordinal);
        }
    }

    private static void AssertRefused(TurnResult result, string what)
    {
        Assert.True(result.View is Refusal, $"{what}: got {result.IntentName} {result.View.GetType().Name}: {result.Text}");
        Assert.True(RefusalTexts.Contains(result.Text), $"{what}: unexpected refusal text {result.Text}");
        Assert.Null(result.Card);
        Assert.DoesNotContain("$", result.Text, StringComparison.Ordinal);
    }

    private static Account DistinctlyNamedAccount(Workspace workspace, string owner) =>
        workspace.Data.Accounts.Where(a => a.OwnerId == owner && a.Name != RepPluginData.HostileName)
            .First(a => workspace.Data.Accounts.Count(b => b.Name.Split(' ')[0] == a.Name.Split(' ')[0]) == 1);

    private static string Fill(string template, Rep rep)
    {
        var parts = rep.Name.Split(' ');
        string first = parts[0], last = parts[^1];
        // The last two letters of the longer name word swapped ("marcsu"): a typo the router forgives from six letters.
        string word = first.Length >= last.Length ? first : last;
        string typo = word.Length >= 6 ? word[..^2] + word[^1] + word[^2] : rep.Name;
        return template.Replace("{lid}", rep.RepId.ToLowerInvariant()).Replace("{id}", rep.RepId)
            .Replace("{lfirst}", first.ToLowerInvariant()).Replace("{first}", first).Replace("{last}", last)
            .Replace("{lfull}", rep.Name.ToLowerInvariant()).Replace("{full}", rep.Name).Replace("{typo}", typo.ToLowerInvariant());
    }
}
