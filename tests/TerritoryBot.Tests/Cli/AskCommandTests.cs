using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Cli;
using TerritoryBot.Conversation;
using TerritoryBot.Data;
using TerritoryBot.Import;
using TerritoryBot.Tests.Data;
using TerritoryBot.Tests.Import;

namespace TerritoryBot.Tests.Cli;

/// <summary>`territorybot ask`, in process (the command's body) and as the real executable.</summary>
public sealed class AskCommandTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly CliSandbox _cli = new("tb-ask-");

    public void Dispose()
    {
        _folder.Dispose();
        _cli.Dispose();
    }

    private async Task<(int Exit, string Output)> AskInProcessAsync(string user, string question, bool json, IConfiguration? database = null)
    {
        using var output = new StringWriter();
        var dataDir = database is null ? new DirectoryInfo(_folder.Path) : null;
        int exit = await AskCommand.RunAsync(user, question, dataDir, json, output, database, CancellationToken.None);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Run_DataFolderText_PrintsTextThenTheCardAsPlainText()
    {
        var (exit, output) = await AskInProcessAsync("R1", "what can you do?", json: false);

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Equal("Hi Ravi, here is what I can do for you.", lines[0]);
        // The card follows the text: its heading underlined, its facts aligned.
        Assert.Contains("You are signed in as Ravi Rep (rep). Try asking:", output);
        Assert.Matches(@"\nYour territory: +“show my territory”\n", output);
    }

    [Fact]
    public async Task Run_Json_PrintsExactlyIntentTextAndCard()
    {
        var (exit, output) = await AskInProcessAsync("R1", "help", json: true);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["intent", "text", "card"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("help", root.GetProperty("intent").GetString());
        Assert.StartsWith("Hi Ravi", root.GetProperty("text").GetString());
        Assert.Equal("AdaptiveCard", root.GetProperty("card").GetProperty("type").GetString());
        Assert.Equal("1.5", root.GetProperty("card").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Run_TextOnlyAnswer_JsonCardIsNull()
    {
        // A message over the core's length limit is answered with text only.
        var (exit, output) = await AskInProcessAsync("R1", new string('x', ConversationCore.MaxTextLength + 1), json: true);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("card").ValueKind);
        Assert.Contains("too long", doc.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("R9")]
    [InlineData("nobody")]
    [InlineData(" ")]
    public async Task Run_UnknownIdentity_IsBadInput(string user)
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => AskInProcessAsync(user, "show my territory", json: false));

        Assert.Contains("--as: nobody with rep_id", error.Message);
    }

    [Fact]
    public async Task Run_EmptyQuestion_IsBadInput()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => AskInProcessAsync("R1", "  ", json: false));

        Assert.Contains("the question is empty", error.Message);
    }

    [Fact]
    public async Task Run_Database_AnswersFromTheImportedData()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tb-ask-db-").FullName, "t.db");
        await using (var db = TestDatabases.SqliteAt(file))
        {
            await db.MigrateAsync();
            await db.ImportDataSetAsync(DataFolderLoader.Load(_folder.Path, CancellationToken.None).Data!);
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Territory"] = $"Data Source={file};Pooling=False" })
            .Build();
        var (exit, output) = await AskInProcessAsync("M1", "help", json: true, configuration);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.StartsWith("Hi Maria", doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Run_EmptyDatabase_IsBadInputSayingHowToImport()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tb-ask-db-").FullName, "empty.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Territory"] = $"Data Source={file};Pooling=False" })
            .Build();

        var error = await Assert.ThrowsAsync<BadInputException>(() => AskInProcessAsync("R1", "help", json: false, configuration));

        Assert.Contains(DataSource.NoDataMessage, error.Message);
    }

    [Fact]
    public async Task BuildServices_DataFolder_PluginNeedingTheDatabaseGetsTheNeedsDatabaseAnswer()
    {
        await using var services = await AskCommand.BuildServicesAsync(new DirectoryInfo(_folder.Path), new ConfigurationBuilder().Build(), CancellationToken.None);
        await using var scope = services.CreateAsyncScope();

        // As TurnContext.Plugin<T>() builds a plugin; the core answers a TurnInputException with its message.
        var error = Assert.Throws<TurnInputException>(() => ActivatorUtilities.CreateInstance<NeedsDatabase>(scope.ServiceProvider));
        Assert.Equal(AskCommand.NeedsDatabaseText, error.Message);
    }

    [Theory]
    [InlineData("list proposals")]
    [InlineData("approve 1")]
    public async Task Run_DataFolderProposals_AnswersThatTheDatabaseIsNeeded(string question)
    {
        var (exit, output) = await AskInProcessAsync("M1", question, json: true);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(AskCommand.NeedsDatabaseText, doc.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:9/v1", true)]
    public async Task BuildServices_LlmEndpoint_RegistersTheAssistantLikeTheWebHost(string? endpoint, bool registered)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Endpoint"] = endpoint, ["Llm:Model"] = "test-model" })
            .Build();

        await using var services = await AskCommand.BuildServicesAsync(new DirectoryInfo(_folder.Path), configuration, CancellationToken.None);

        Assert.Equal(registered, services.GetService<IConversationAssistant>() is not null);
    }

    private sealed class NeedsDatabase(TerritoryDbContext db)
    {
        public TerritoryDbContext Db { get; } = db;
    }

    [Fact]
    public async Task Executable_DataFolderJson_OneDocumentOnStdout()
    {
        var (exit, stdout, stderr) = await _cli.RunAsync("ask", "--as", "R1", "--data", _folder.Path, "--json", "what can you do?");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("help", doc.RootElement.GetProperty("intent").GetString());
        Assert.False(File.Exists(_cli.DbFile));
    }

    [Fact]
    public async Task Executable_QuestionAsSeparateWords_IsOneQuestion()
    {
        var (exit, stdout, stderr) = await _cli.RunAsync("ask", "--as", "R1", "--data", _folder.Path, "what", "can", "you", "do");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("Hi Ravi, here is what I can do for you.", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Executable_UnknownIdentity_ExitTwoReasonOnStderr()
    {
        var (exit, stdout, stderr) = await _cli.RunAsync("ask", "--as", "R404", "--data", _folder.Path, "show my territory");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--as: nobody with rep_id 'R404'", stderr);
    }

    [Fact]
    public async Task Executable_Database_AnswersAfterImport()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "--data", _folder.Path)).Exit);

        var (exit, stdout, stderr) = await _cli.RunAsync("ask", "--as", "R2", "help");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("Hi Rosa", stdout);
    }

    [Theory]
    [InlineData("scroe")]
    [InlineData("--bogus")]
    public async Task Executable_UnknownCommandOrOption_StillExitTwo(string token)
    {
        // serve accepts --key=value host settings; anything else stays a usage error rather than starting a server.
        var (exit, _, stderr) = await _cli.RunAsync(token);

        Assert.Equal(2, exit);
        Assert.Contains(token, stderr);
    }
}
