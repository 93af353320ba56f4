using Microsoft.Extensions.Configuration;
using TerritoryBot.Data;
using TerritoryBot.Tests.Data;
using TerritoryBot.Tests.Import;

namespace TerritoryBot.Tests.Cli;

/// <summary>The real executable, as a user runs it: exit codes, stdout, stderr, and what lands in the database.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly CliSandbox _cli = new("tb-cli-");

    private string DbFile => _cli.DbFile;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_ValidFolder_ExitsZeroAndPrintsCounts()
    {
        using var folder = new TestFolder();

        var (exit, stdout, stderr) = await RunAsync("import", "--data", folder.Path);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Matches(@"(?m)^Table +Rows +Inserted +Updated$", stdout);
        Assert.Matches(@"(?m)^accounts +3 +3 +0$", stdout);
        Assert.Matches(@"(?m)^opportunities +2 +2 +0$", stdout);

        (exit, stdout, _) = await RunAsync("import", "--data", folder.Path);
        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^reps +3 +0 +3$", stdout);
    }

    [Fact]
    public async Task Import_BadFolder_ExitsTwoListsErrorsAndWritesNothing()
    {
        using var good = new TestFolder();
        Assert.Equal(0, (await RunAsync("import", "--data", good.Path)).Exit);
        string before;
        await using (var db = TestDatabases.SqliteAt(DbFile))
        {
            before = System.Text.Json.JsonSerializer.Serialize(await db.LoadDataSetAsync());
        }

        using var bad = new TestFolder();
        bad.Set("accounts.csv", 0, "name", "Renamed").Set("accounts.csv", 2, "employees", "lots").Set("reps.csv", 1, "role", "boss");
        var (exit, stdout, stderr) = await RunAsync("import", "--data", bad.Path);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
            "accounts.csv:4: employees: 'lots' is not a whole number\nreps.csv:3: role: 'boss' is not one of rep, manager, ops\n",
            stderr.Replace("\r\n", "\n"));
        await using (var db = TestDatabases.SqliteAt(DbFile))
        {
            Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await db.LoadDataSetAsync()));
        }
    }

    [Fact]
    public async Task Import_BadFolderAndNoDatabase_DoesNotCreateTheDatabase()
    {
        using var bad = new TestFolder();
        bad.WriteText("accounts.csv", "");

        var (exit, _, stderr) = await RunAsync("import", "--data", bad.Path);

        Assert.Equal(2, exit);
        Assert.StartsWith("accounts.csv: the file is empty", stderr);
        Assert.False(File.Exists(DbFile));
    }

    [Fact]
    public async Task DataSource_EmptyDatabase_SaysToImport()
    {
        var error = await Assert.ThrowsAsync<TerritoryBot.Cli.BadInputException>(
            () => TerritoryBot.Cli.DataSource.LoadAsync(null, Configuration(), CancellationToken.None));

        Assert.Equal("no data loaded; run `territorybot import --data DIR`", error.Message);
    }

    [Fact]
    public async Task DataSource_NoFolder_ReadsTheImportedDatabase()
    {
        using var folder = new TestFolder();
        Assert.Equal(0, (await RunAsync("import", "--data", folder.Path)).Exit);

        var data = await TerritoryBot.Cli.DataSource.LoadAsync(null, Configuration(), CancellationToken.None);

        Assert.Equal(["A1", "A2", "A3"], data.Accounts.Select(a => a.AccountId));
    }

    [Fact]
    public async Task Import_FolderWithoutCoordinates_ReportsGeocodingAndStoresTheSource()
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "latitude", "").Set("accounts.csv", 0, "longitude", "")
            .Set("accounts.csv", 1, "latitude", "").Set("accounts.csv", 1, "longitude", "").Set("accounts.csv", 1, "postal_code", "");

        var (exit, stdout, stderr) = await RunAsync("import", "--data", folder.Path);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("Account locations: 0 given, 1 from the postal code, 1 from the city, 0 at their state's or province's centre, 1 without a location.", stdout);
        Assert.Contains("Rep home bases: 2 given,", stdout);

        (exit, stdout, _) = await RunAsync("score", "--json");
        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var sources = doc.RootElement.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("accountId").GetString()!, a => a.GetProperty("locationSource").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["A1"] = "postal", ["A2"] = "city", ["A3"] = "none" }, sources);
    }

    [Fact]
    public async Task DataSource_DataFolder_LoadsWithoutDatabase()
    {
        using var folder = new TestFolder();
        var data = await TerritoryBot.Cli.DataSource.LoadAsync(new DirectoryInfo(folder.Path), CancellationToken.None);
        Assert.Equal(3, data.Accounts.Count);
    }

    [Fact]
    public async Task DataSource_BadFolder_ThrowsBadInputWithEveryError()
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "employees", "x").Set("accounts.csv", 1, "employees", "y");

        var error = await Assert.ThrowsAsync<TerritoryBot.Cli.BadInputException>(
            () => TerritoryBot.Cli.DataSource.LoadAsync(new DirectoryInfo(folder.Path), CancellationToken.None));

        Assert.Equal(2, error.Errors.Count);
    }

    private IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Territory"] = $"Data Source={DbFile};Pooling=False",
            ["Database:Provider"] = "Sqlite",
        })
        .Build();

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => _cli.RunAsync(args);
}
