using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TerritoryBot.Tests.Data;
using TerritoryBot.Tests.Import;

namespace TerritoryBot.Tests.Cli;

/// <summary>`score` and `whitespace` through the real executable: data folder, database, persistence, exit codes.</summary>
public sealed class ScoringCliEndToEndTests : IDisposable
{
    private readonly CliSandbox _cli = new("tb-score-");

    private string DbFile => _cli.DbFile;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Score_DataFolderJson_OneDocumentNothingPersisted()
    {
        using var folder = new TestFolder();
        var (exit, stdout, stderr) = await RunAsync("score", "--data", folder.Path, "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(["A1", "A2", "A3"], doc.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()));
        Assert.False(File.Exists(DbFile));
    }

    [Fact]
    public async Task Score_Database_ScoresEveryAccountAndStoresNothing()
    {
        using var folder = new TestFolder();
        Assert.Equal(0, (await RunAsync("import", "--data", folder.Path)).Exit);
        var (exit, stdout, _) = await RunAsync("score");
        Assert.Equal(0, exit);
        Assert.Contains("Scored 3 accounts", stdout);
        await using var db = TestDatabases.SqliteAt(DbFile);
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.Contains("accounts", tables);
        Assert.DoesNotContain("account_scores", tables);
    }

    [Fact]
    public async Task Whitespace_UnknownRep_ExitTwoOnStderr()
    {
        using var folder = new TestFolder();
        var (exit, stdout, stderr) = await RunAsync("whitespace", "--rep", "nobody", "--data", folder.Path, "--json");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no rep 'nobody'", stderr);
    }

    [Fact]
    public async Task Whitespace_MissingRepOption_ExitsNonZero()
    {
        using var folder = new TestFolder();
        var (exit, _, _) = await RunAsync("whitespace", "--data", folder.Path);
        Assert.NotEqual(0, exit);
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => _cli.RunAsync(args);
}
