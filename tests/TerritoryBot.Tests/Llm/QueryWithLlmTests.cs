using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;
using TerritoryBot.Llm;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

/// <summary>
/// Issue 14 with a model configured (the real OpenAI SDK against the loopback stub): exact questions stay with the
/// router, a question it reads only in part reaches the model with the query tool, a grounded answer reaches the
/// person, an ungrounded one falls back to the honest deterministic answer.
/// </summary>
public sealed class QueryWithLlmTests
{
    private static readonly DataSet Data = ConversationHarness.Demo(240, 4, 11);

    private static ConversationHarness Start(OpenAiStubServer stub)
    {
        var options = LlmTestKit.Settings(o => o.Endpoint = stub.Endpoint);
        return LlmTestKit.Harness(LlmSetup.OpenAiModel(options), Data, o => o.Endpoint = stub.Endpoint, probes: false);
    }

    /// <summary>R001's most common state, its name and how many of R001's accounts are there (LINQ over the data).</summary>
    private static (string Code, string Name, int Count) BusiestState()
    {
        var top = Data.Accounts.Where(a => a.OwnerId == "R001" && a.Region is not null).GroupBy(a => a.Region!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        return (top.Key, UsStates.Name(top.Key)!, top.Count());
    }

    [Fact]
    public async Task HandleAsync_PartlyUnderstoodQuestion_ModelUsesQueryToolAndGroundedAnswerReachesUser()
    {
        var (code, name, count) = BusiestState();
        var question = $"how many of my accounts in {name} renewed with a discount?";
        var answer = $"You have {count} accounts in {name}; the data has no renewal or discount records, so I can't say which renewed with a discount.";
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "query_accounts", $"{{\"filters\":[{{\"field\":\"state\",\"op\":\"is\",\"values\":[\"{code}\"]}}]}}")).ThenText(answer);
        await using var harness = Start(stub);

        var result = await harness.AskAsync("R001", question);

        Assert.Equal("account_query", result.IntentName);
        Assert.Equal(answer, result.Text);
        var offered = stub.Requests[0].Body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("query_accounts", offered);
        var toolResult = OpenAiWireTests.ToolContent(stub.Messages(1).Last(m => m!["role"]!.GetValue<string>() == "tool")!);
        Assert.Contains($"\"matchCount\":{count}", toolResult, StringComparison.Ordinal);
        Assert.IsType<QueryAnswerView>(((AssistantAnswer)result.View).Source);
    }

    [Fact]
    public async Task HandleAsync_ModelAnswerWithNumbersNotInAnyToolResult_FallsBackToTheHonestAnswer()
    {
        var (code, name, _) = BusiestState();
        var question = $"how many of my accounts in {name} renewed with a discount?";
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "query_accounts", $"{{\"filters\":[{{\"field\":\"state\",\"op\":\"is\",\"values\":[\"{code}\"]}}]}}"))
            .ThenText($"17,431 of your accounts in {name} renewed with a 12% discount.");
        await using var harness = Start(stub);

        var result = await harness.AskAsync("R001", question);

        var honest = Assert.IsType<QueryNotUnderstoodView>(result.View);
        Assert.Contains("renewed", honest.NotUnderstood);
        Assert.DoesNotContain("17,431", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ExactQuestion_RouterAnswersWithoutTheModel()
    {
        var (_, name, count) = BusiestState();
        await using var stub = await OpenAiStubServer.StartAsync();
        await using var harness = Start(stub);

        var result = await harness.AskAsync("R001", $"how many of my accounts are in {name}?");

        Assert.Equal(count, Assert.IsType<QueryAnswerView>(result.View).MatchCount);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task HandleAsync_ModelSendsMalformedQueryArguments_ToolErrorAndNoCrash()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "query_accounts", "{\"filters\":[{\"field\":\"shoe_size\",\"op\":\"is\",\"values\":[\"9\"]}],\"measure\":\"explode\"}"))
            .ThenText("I could not run that query.");
        await using var harness = Start(stub);

        var result = await harness.AskAsync("R001", "how many of my accounts in Texas renewed with a discount?");

        var toolResult = OpenAiWireTests.ToolContent(stub.Messages(1).Last(m => m!["role"]!.GetValue<string>() == "tool")!);
        Assert.Contains("not a field", toolResult, StringComparison.Ordinal);
        Assert.Equal("I could not run that query.", result.Text);
    }

    [Fact]
    public async Task HandleAsync_RepAsksAboutAnotherRepWithModel_RefusedWithoutAskingTheModel()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        await using var harness = Start(stub);
        var other = Data.Reps.First(r => r.RepId == "R002").Name;

        var result = await harness.AskAsync("R001", $"how many of {other}'s accounts renewed with a discount?");

        Assert.IsType<Refusal>(result.View);
        Assert.Empty(stub.Requests);
    }
}
