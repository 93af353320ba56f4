using System.Text.Json;
using Microsoft.Extensions.AI;
using Moq;
using TerritoryBot.Conversation;
using TerritoryBot.Llm;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

/// <summary>The function-invocation loop through the conversation core, with the model mocked (Moq over IChatClient).</summary>
public sealed class LlmAssistantLoopTests
{
    private const string Gibberish = "hmm so what's the deal with that one big customer of mine";

    private static ChatResponse Calls(params FunctionCallContent[] calls) =>
        new(new ChatMessage(ChatRole.Assistant, [.. calls])) { FinishReason = ChatFinishReason.ToolCalls };

    private static ChatResponse Says(string text) => new(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = ChatFinishReason.Stop };

    private static FunctionCallContent Call(string id, string name, object? args = null) =>
        new(id, name, args is null ? null : JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value));

    /// <summary>A mock that answers the scripted responses in order and records every message list it was sent.</summary>
    private static (Mock<IChatClient> Mock, List<List<ChatMessage>> Sent) Script(params Func<ChatResponse>[] responses)
    {
        var sent = new List<List<ChatMessage>>();
        var mock = new Mock<IChatClient>(MockBehavior.Strict);
        var queue = new Queue<Func<ChatResponse>>(responses);
        mock.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<ChatMessage> m, ChatOptions? _, CancellationToken _) =>
            {
                sent.Add([.. m]);
                return Task.FromResult(queue.Count > 1 ? queue.Dequeue()() : queue.Peek()());
            });
        return (mock, sent);
    }

    private static string ToolResultText(List<ChatMessage> messages) =>
        string.Join("\n", messages.Where(m => m.Role == ChatRole.Tool).SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString()));

    [Fact]
    public async Task AnswerAsync_ToolThenGroundedText_ReturnsModelTextAndTheToolsCard()
    {
        var data = ConversationHarness.Demo(240, 4, 11);
        var account = LlmTestKit.OwnedAccount(data, "R001");
        await using var probe = new ConversationHarness(data);
        var potential = Math.Round(probe.Workspace.Scores.Accounts.First(s => s.AccountId == account.AccountId).PotentialArr);
        var (mock, sent) = Script(
            () => Calls(Call("c1", "account_probe_account", new { accountId = account.AccountId })),
            () => Says($"{account.AccountId} has a potential of {potential:#,0}."));
        await using var harness = LlmTestKit.Harness(mock.Object, data);

        var result = await harness.AskAsync("R001", Gibberish);

        Assert.Equal($"{account.AccountId} has a potential of {potential:#,0}.", result.Text);
        Assert.Equal("unknown", result.IntentName);
        Assert.NotNull(result.Card);
        Assert.Contains(account.Name, CardJsonText(result));
        Assert.Equal(2, sent.Count);
        Assert.Contains("<data>", ToolResultText(sent[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_ModelAlwaysCallsTools_StopsAtRoundCapWithLastToolView()
    {
        var data = ConversationHarness.Demo(240, 4, 11);
        var account = LlmTestKit.OwnedAccount(data, "R001");
        var (mock, sent) = Script(() => Calls(Call(Guid.NewGuid().ToString("N"), "account_probe_account", new { accountId = account.AccountId })));
        await using var harness = LlmTestKit.Harness(mock.Object, data, o => o.MaxToolRounds = 3);

        var result = await harness.AskAsync("R001", Gibberish);

        Assert.Equal(3, sent.Count);
        Assert.StartsWith(account.Name, result.Text, StringComparison.Ordinal);
        Assert.NotNull(result.Card);
    }

    [Theory]
    [InlineData("malformed-json")]
    [InlineData("wrong-type")]
    [InlineData("unknown-id")]
    [InlineData("extra-argument")]
    [InlineData("missing-argument")]
    [InlineData("other-reps-account")]
    public async Task AnswerAsync_BadToolCall_ModelSeesAnErrorResultAndTheTurnStillAnswers(string badCall)
    {
        var data = ConversationHarness.Demo(240, 4, 11);
        var foreign = LlmTestKit.OwnedAccount(data, "R002");
        FunctionCallContent call = badCall switch
        {
            "malformed-json" => FunctionCallContent.CreateFromParsedArguments("{not json", "c1", "account_probe_account",
                json => JsonSerializer.Deserialize<Dictionary<string, object?>>(json)),
            "wrong-type" => Call("c1", "account_probe_account", new { accountId = new[] { 1, 2 } }),
            "unknown-id" => Call("c1", "account_probe_account", new { accountId = "A999999" }),
            "extra-argument" => Call("c1", "account_probe_account", new { accountId = foreign.AccountId, repId = "R002" }),
            "missing-argument" => Call("c1", "account_probe_account", new { }),
            _ => Call("c1", "account_probe_account", new { accountId = foreign.AccountId }),
        };
        var (mock, sent) = Script(() => Calls(call), () => Says("I could not look that up."));
        await using var harness = LlmTestKit.Harness(mock.Object, data);

        var result = await harness.AskAsync("R001", Gibberish);

        Assert.Equal(2, sent.Count);
        var toolResult = ToolResultText(sent[1]);
        Assert.Contains("\"error\"", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Name, toolResult, StringComparison.Ordinal);
        Assert.Equal("I could not look that up.", result.Text);
        Assert.Null(result.Card);
    }

    [Theory]
    [InlineData("proposals_approve")]
    [InlineData("proposals_approve_async")]
    [InlineData("account_probe_settle")]
    public async Task AnswerAsync_CallToAToolNotOffered_EndsTheLoopAndAnswersLikeWithoutModel(string name)
    {
        var (mock, sent) = Script(() => Calls(Call("c1", name, new { number = 1 })), () => Says("Approved."));
        await using var plain = new ConversationHarness();
        await using var harness = LlmTestKit.Harness(mock.Object);

        var expected = await plain.AskAsync("R001", Gibberish);
        var result = await harness.AskAsync("R001", Gibberish);

        Assert.Single(sent);
        Assert.Equal(expected.Text, result.Text);
    }

    [Fact]
    public async Task AnswerAsync_ArgumentTheToolDoesNotTake_ModelSeesThatNameInAnErrorResult()
    {
        var data = ConversationHarness.Demo(240, 4, 11);
        var account = LlmTestKit.OwnedAccount(data, "R001");
        var (mock, sent) = Script(
            () => Calls(Call("c1", "account_probe_account", new { accountId = account.AccountId, asRep = "R002" })), () => Says("Sorry."));
        await using var harness = LlmTestKit.Harness(mock.Object, data);

        await harness.AskAsync("R001", Gibberish);

        var toolResult = ToolResultText(sent[1]);
        Assert.Contains("no parameter", toolResult, StringComparison.Ordinal);
        Assert.Contains("asRep", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Name, toolResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_UngroundedFinalText_AnswersWithTheToolViewText()
    {
        var data = ConversationHarness.Demo(240, 4, 11);
        var account = LlmTestKit.OwnedAccount(data, "R001");
        var (mock, _) = Script(
            () => Calls(Call("c1", "account_probe_account", new { accountId = account.AccountId })),
            () => Says($"{account.AccountId} is worth 987,654,321 and closes in 3 weeks."));
        await using var harness = LlmTestKit.Harness(mock.Object, data);

        var result = await harness.AskAsync("R001", Gibberish);

        Assert.StartsWith(account.Name, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("987", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throws")]
    [InlineData("empty")]
    [InlineData("cancelled-by-budget")]
    public async Task AnswerAsync_ModelFailsBeforeAnyTool_AnswersWithHelpLikeWithoutModel(string failure)
    {
        var mock = new Mock<IChatClient>(MockBehavior.Strict);
        var setup = mock.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()));
        _ = failure switch
        {
            "throws" => setup.ThrowsAsync(new HttpRequestException("connection refused")),
            "empty" => setup.ReturnsAsync(Says("")),
            _ => setup.Returns(async (IEnumerable<ChatMessage> _, ChatOptions? _, CancellationToken ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return Says("late");
            }),
        };
        await using var plain = new ConversationHarness();
        await using var harness = LlmTestKit.Harness(mock.Object, configure: o => o.TimeoutSeconds = 1);

        var expected = await plain.AskAsync("R001", Gibberish);
        var result = await harness.AskAsync("R001", Gibberish);

        Assert.Equal(expected.Text, result.Text);
        Assert.Equal("unknown", result.IntentName);
    }

    [Fact]
    public async Task HandleAsync_UnderstoodIntent_NeverCallsTheModel()
    {
        var mock = new Mock<IChatClient>(MockBehavior.Strict);
        await using var harness = LlmTestKit.Harness(mock.Object);

        var result = await harness.AskAsync("R001", "help");

        Assert.Equal("help", result.IntentName);
        mock.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AnswerAsync_RepAsks_ModelIsOfferedNoTeamToolsAndNoApproval()
    {
        var (mock, _) = Script(() => Says("I can help with your territory."));
        ChatOptions? offered = null;
        mock.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((IEnumerable<ChatMessage> _, ChatOptions? o, CancellationToken _) => offered = o)
            .ReturnsAsync(Says("I can help with your territory."));
        await using var harness = LlmTestKit.Harness(mock.Object);

        await harness.AskAsync("R001", Gibberish);

        var names = offered!.Tools!.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("account_probe_account", names);
        Assert.Contains("accounts_top_accounts", names);
        Assert.DoesNotContain(names, n => n.StartsWith("team_probe", StringComparison.Ordinal) || n.StartsWith("scenarios_", StringComparison.Ordinal)
            || n.StartsWith("fairness_", StringComparison.Ordinal) || n.StartsWith("coverage_", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("propose", StringComparison.Ordinal) || n.Contains("approve", StringComparison.Ordinal)
            || n.Contains("reject", StringComparison.Ordinal) || n.Contains("revert", StringComparison.Ordinal));
    }

    private static string CardJsonText(TurnResult result) => TerritoryBot.Cards.CardJson.Serialize(result.Card!);
}
