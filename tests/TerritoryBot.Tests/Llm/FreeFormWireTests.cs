using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Llm;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

/// <summary>
/// Free-form questions end to end over the production tool catalog: the real OpenAI SDK against the loopback stub,
/// the Polly pipeline, the tool loop over the real plugins and the conversation core.
/// </summary>
public sealed class FreeFormWireTests
{
    // The brief's "which of my accounts should I call first this week?" is routed to my_territory by the
    // deterministic router, so it never reaches the model; this wording is not routed.
    private const string WhoFirst = "who should I ring first this week?";
    private const string AboutColleague = "is my colleague R002 doing better than me?";

    private static ConversationHarness Start(OpenAiStubServer stub, DataSet data)
    {
        var options = LlmTestKit.Settings(o => o.Endpoint = stub.Endpoint);
        return LlmTestKit.Harness(LlmSetup.OpenAiModel(options), data, o => o.Endpoint = stub.Endpoint, probes: false);
    }

    private static string CardBody(AdaptiveCard card)
    {
        var fallback = card.FallbackText;
        card.FallbackText = null;
        var json = CardJson.Serialize(card);
        card.FallbackText = fallback;
        return json;
    }

    private static IEnumerable<string> OfferedTools(OpenAiStubServer stub, int request) =>
        stub.Requests[request].Body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>());

    private static string ToolResults(OpenAiStubServer stub, int request) =>
        string.Join("\n", stub.Messages(request).Where(m => m!["role"]!.GetValue<string>() == "tool").Select(m => OpenAiWireTests.ToolContent(m!)));

    [Fact]
    public async Task HandleAsync_RepAsksWhoToCallFirst_ModelCallsTopAccountsAndTheAnswerCarriesItsCard()
    {
        var data = ConversationHarness.Demo(240, 4, 11);
        await using var plain = new ConversationHarness(data);
        var deterministic = await plain.AskAsync("R001", "my top 5 accounts");
        var top = Assert.IsType<TopAccountsView>(deterministic.View).Accounts[0];
        var answer = $"Start with {top.Name} ({top.AccountId}): {Format.Money(top.PotentialArr)} of potential, the largest on your list.";
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "accounts_top_accounts", "{\"count\":5}")).ThenText(answer);
        await using var harness = Start(stub, data);

        var result = await harness.AskAsync("R001", WhoFirst);

        Assert.Equal("unknown", result.IntentName);
        Assert.Equal(answer, result.Text);
        Assert.Equal(CardBody(deterministic.Card!), CardBody(result.Card!));
        Assert.Equal(2, stub.Requests.Count);
        var offered = OfferedTools(stub, 0).ToList();
        Assert.Contains("accounts_top_accounts", offered);
        Assert.DoesNotContain(offered, n => n.StartsWith("scenarios_", StringComparison.Ordinal) || n.StartsWith("fairness_", StringComparison.Ordinal)
            || n.StartsWith("coverage_", StringComparison.Ordinal) || n.Contains("propose", StringComparison.Ordinal)
            || n.Contains("approve", StringComparison.Ordinal) || n.Contains("reject", StringComparison.Ordinal));
        var results = ToolResults(stub, 1);
        Assert.Contains(top.AccountId, results, StringComparison.Ordinal);
        Assert.DoesNotContain(data.Accounts.Where(a => a.OwnerId != "R001"), a => results.Contains(a.AccountId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("territory_my_territory", "{\"repId\":\"R002\"}")]
    [InlineData("territory_territory_document", "{\"repId\":\"R002\"}")]
    [InlineData("territory_transition_package", "{\"repId\":\"R002\"}")]
    [InlineData("accounts_top_accounts", "{\"count\":5,\"repId\":\"R002\"}")]
    [InlineData("accounts_score_summary", "{\"repId\":\"R002\"}")]
    [InlineData("accounts_tier_review", "{\"repId\":\"R002\"}")]
    [InlineData("accounts_account_lookup", "{\"accountId\":\"{R002-account}\"}")]
    [InlineData("whitespace_whitespace", "{\"repId\":\"R002\"}")]
    [InlineData("plans_business_plan", "{\"repId\":\"R002\"}")]
    [InlineData("fit_fit", "{\"repIds\":[\"R002\"]}")]
    public async Task HandleAsync_ModelAsksForAnotherRepsData_ThePluginsRefusalAnswers(string tool, string arguments)
    {
        var data = ConversationHarness.Demo(240, 4, 11);
        var theirs = LlmTestKit.OwnedAccount(data, "R002");
        var colleague = data.Reps.Single(r => r.RepId == "R002");
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", tool, arguments.Replace("{R002-account}", theirs.AccountId, StringComparison.Ordinal)))
            // No figures, so the grounding check alone would let it through: the refusal must win on its own.
            .ThenText($"{colleague.Name} is doing much better than you; {theirs.Name} is their best account.");
        await using var harness = Start(stub, data);

        var result = await harness.AskAsync("R001", AboutColleague);

        Assert.Equal("unknown", result.IntentName);
        var refusal = Assert.IsType<Refusal>(result.View);
        Assert.StartsWith("Sorry, I can only show you", refusal.Text, StringComparison.Ordinal);
        Assert.Null(result.Card);
        var results = ToolResults(stub, 1);
        Assert.Contains(refusal.Text, results, StringComparison.Ordinal);
        Assert.DoesNotContain(colleague.Name, results, StringComparison.Ordinal);
        Assert.DoesNotContain(data.Accounts.Where(a => a.OwnerId == "R002"), a => results.Contains(a.AccountId, StringComparison.Ordinal)
            || results.Contains(a.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_DraftANoteToMyManager_ModelGetsTheCallersToolsTheToolResultAndTheGroundedAnswerReachesTheUser()
    {
        const string Draft = "draft a short note to my manager about how my territory compares with the team";
        var data = ConversationHarness.Demo(240, 4, 11);
        await using var plain = new ConversationHarness(data);
        var deterministic = await plain.AskAsync("R001", Draft);
        var mine = Assert.IsType<TerritoryView>((await plain.AskAsync("R001", "show my territory")).View);
        var note = $"Hi, a quick note on my territory: {Format.Plural(mine.Totals.Accounts, "account")} with {Format.Money(mine.Totals.Potential)} of potential.";
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "territory_my_territory", "{}")).ThenText(note);
        await using var harness = Start(stub, data);

        var result = await harness.AskAsync("R001", Draft);

        // Without a model the router answers the territory card; with one the request reaches the model first.
        Assert.NotEqual(note, deterministic.Text);
        Assert.Equal(note, result.Text);
        Assert.Equal(2, stub.Requests.Count);
        var offered = OfferedTools(stub, 0).ToList();
        Assert.Contains("territory_my_territory", offered);
        Assert.DoesNotContain(offered, n => n.StartsWith("fairness_", StringComparison.Ordinal) || n.Contains("propose", StringComparison.Ordinal));
        Assert.Contains(Draft, stub.Messages(0).Select(m => m!["content"]?.ToString() ?? ""));
        var results = ToolResults(stub, 1);
        Assert.StartsWith("<data>", results, StringComparison.Ordinal);
        Assert.Contains(mine.Totals.Accounts.ToString(System.Globalization.CultureInfo.InvariantCulture), results, StringComparison.Ordinal);
        Assert.NotNull(result.Card);
    }

    [Fact]
    public async Task HandleAsync_DraftANoteButTheModelMakesUpFigures_AnswersTheDeterministicCard()
    {
        const string Draft = "draft a short note to my manager about how my territory compares with the team";
        var data = ConversationHarness.Demo(240, 4, 11);
        await using var plain = new ConversationHarness(data);
        var deterministic = await plain.AskAsync("R001", Draft);
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "territory_my_territory", "{}")).ThenText("My territory is worth $987,654,321 and leads the team by 47%.");
        await using var harness = Start(stub, data);

        var result = await harness.AskAsync("R001", Draft);

        // The answer without a model (since issue 14 the draft_message intent's, not the territory card).
        Assert.DoesNotContain("987", result.Text, StringComparison.Ordinal);
        Assert.IsType(deterministic.View!.GetType(), result.View);
        Assert.Equal(deterministic.Text, result.Text);
    }
}
