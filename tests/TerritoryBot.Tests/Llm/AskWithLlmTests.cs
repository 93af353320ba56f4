using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TerritoryBot.Cli;
using TerritoryBot.Tests.Cli;
using TerritoryBot.Tests.Import;

namespace TerritoryBot.Tests.Llm;

/// <summary>`territorybot ask` with Llm:Endpoint configured: free-form questions go to the model (the loopback stub).</summary>
public sealed class AskWithLlmTests : IDisposable
{
    private const string WhoFirst = "who should I ring first this week?";
    private const string Answer = "Start with Acme Analytics (A1): it is the only account on your list.";

    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static IConfiguration Llm(string? endpoint) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Endpoint"] = endpoint, ["Llm:Model"] = "stub", ["Llm:TimeoutSeconds"] = "5" })
        .Build();

    private async Task<JsonElement> AskAsync(IConfiguration configuration, string question)
    {
        using var output = new StringWriter();
        var exit = await AskCommand.RunAsync("R1", question, new DirectoryInfo(folder.Path), json: true, output, configuration, CancellationToken.None);
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    [Fact]
    public async Task Run_EndpointConfigured_FreeFormQuestionAnsweredByTheModelWithTheToolsCard()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "accounts_top_accounts", "{\"count\":5}")).ThenText(Answer);

        var reply = await AskAsync(Llm(stub.Endpoint), WhoFirst);

        Assert.Equal("unknown", reply.GetProperty("intent").GetString());
        Assert.Equal(Answer, reply.GetProperty("text").GetString());
        Assert.Contains("Acme Analytics", reply.GetProperty("card").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Contains("A1", OpenAiWireTests.ToolContent(stub.Messages(1)[3]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DataFolderModelCallsProposals_ThatCallGetsTheNeedsDatabaseTextAndOtherToolsStillWork()
    {
        // ask --data has no database: the proposals plugin cannot be constructed, which must not take the other tools down.
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "proposals_list_proposals", "{}"), ("call_2", "accounts_top_accounts", "{}")).ThenText(Answer);

        var reply = await AskAsync(Llm(stub.Endpoint), WhoFirst);

        Assert.Equal(Answer, reply.GetProperty("text").GetString());
        Assert.Contains("Acme Analytics", reply.GetProperty("card").GetRawText(), StringComparison.Ordinal);
        var results = stub.Messages(1).Where(m => m!["role"]!.GetValue<string>() == "tool")
            .ToDictionary(m => m!["tool_call_id"]!.GetValue<string>(), m => OpenAiWireTests.ToolContent(m!));
        Assert.Contains(JsonEncodedText.Encode(AskCommand.NeedsDatabaseText).ToString(), results["call_1"], StringComparison.Ordinal);
        Assert.Contains("A1", results["call_2"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelFailing_AnswersLikeWithoutAModel()
    {
        var without = await AskAsync(Llm(null), WhoFirst);
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenStatus(500);

        var with = await AskAsync(Llm(stub.Endpoint), WhoFirst);

        Assert.StartsWith("Sorry, I didn't understand", without.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(without.GetRawText(), with.GetRawText());
        Assert.NotEmpty(stub.Requests);
    }

    [Fact]
    public async Task Executable_EndpointFromEnvironment_UsesTheModel()
    {
        await using var stub = await OpenAiStubServer.StartAsync();
        stub.ThenToolCalls(("call_1", "accounts_top_accounts", "{}")).ThenText(Answer);
        var (exit, stdout, stderr) = await CliProcess.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["Llm__Endpoint"] = stub.Endpoint, ["Llm__Model"] = "stub" },
            "ask", "--as", "R1", "--data", folder.Path, "--json", WhoFirst);

        Assert.True(exit == 0, stderr);
        using var reply = JsonDocument.Parse(stdout);
        Assert.Equal(Answer, reply.RootElement.GetProperty("text").GetString());
        Assert.Equal(2, stub.Requests.Count);
    }
}
