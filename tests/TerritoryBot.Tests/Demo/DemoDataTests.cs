using System.Globalization;
using System.Text.Json;
using CsvHelper;
using TerritoryBot.Cli;
using TerritoryBot.Core.Demo;
using TerritoryBot.Demo;
using TerritoryBot.Import;

namespace TerritoryBot.Tests.Demo;

public sealed class DemoDataTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 1, 15);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tb-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    // Copied from DATA.md on purpose (not from the writer): the files must match the public contract.
    [Theory]
    [InlineData("accounts.csv", "account_id,name,industry,employees,annual_revenue,country,region,city,postal_code,latitude,longitude,tech_stack,growth_rate,funding_stage,intent_score,is_customer,current_arr,current_tier,owner_id,named_account,last_activity_date,relationship_notes")]
    [InlineData("reps.csv", "rep_id,name,email,role,manager_id,seniority,quota,capacity,ramping,home_latitude,home_longitude,region,industry_strengths,slack_user_id,teams_aad_object_id")]
    [InlineData("opportunities.csv", "opportunity_id,account_id,owner_id,amount,stage,created_date,close_date,last_activity_date,notes")]
    public async Task WriteAsync_DemoUniverse_HeadersMatchDataMd(string file, string header)
    {
        await WriteDemoAsync(300, 5);

        Assert.Equal(header, File.ReadLines(Path.Combine(_dir, file)).First());
    }

    [Fact]
    public async Task WriteAsync_DemoUniverse_ValuesInContractFormats()
    {
        var data = await WriteDemoAsync(600, 6);

        var accounts = ReadCsv("accounts.csv");
        Assert.Equal(data.Accounts.Count, accounts.Count);
        foreach (var row in accounts)
        {
            Assert.Matches("^A[0-9]{6}$", row["account_id"]);
            Assert.True(int.TryParse(row["employees"], NumberStyles.None, CultureInfo.InvariantCulture, out _));
            AssertNumberOrEmpty(row["annual_revenue"], row["latitude"], row["longitude"], row["growth_rate"], row["intent_score"], row["current_arr"]);
            Assert.Contains(row["is_customer"], new[] { "true", "false" });
            Assert.Contains(row["named_account"], new[] { "true", "false" });
            Assert.Contains(row["current_tier"], new[] { "", "Strategic", "Enterprise", "Commercial", "SMB" });
            AssertDateOrEmpty(row["last_activity_date"]);
        }

        // Lists round-trip through `;`, and text with commas survives quoting.
        var first = data.Accounts.First(a => a.TechStack.Count > 1);
        Assert.Equal(string.Join(';', first.TechStack), accounts.Single(r => r["account_id"] == first.AccountId)["tech_stack"]);
        var noted = data.Accounts.First(a => a.RelationshipNotes is not null);
        Assert.Equal(noted.RelationshipNotes, accounts.Single(r => r["account_id"] == noted.AccountId)["relationship_notes"]);

        var reps = ReadCsv("reps.csv");
        Assert.Equal(data.Reps.Count, reps.Count);
        Assert.All(reps, r => Assert.Contains(r["role"], new[] { "rep", "manager", "ops" }));
        Assert.All(reps, r => Assert.Contains(r["seniority"], new[] { "junior", "mid", "senior" }));
        Assert.All(reps, r => Assert.Contains(r["ramping"], new[] { "true", "false" }));
        Assert.All(reps, r => AssertNumberOrEmpty(r["quota"], r["capacity"], r["home_latitude"], r["home_longitude"]));
        Assert.Equal(string.Join(';', data.Reps[0].IndustryStrengths), reps[0]["industry_strengths"]);

        var opportunities = ReadCsv("opportunities.csv");
        Assert.Equal(data.Opportunities.Count, opportunities.Count);
        Assert.All(opportunities, o =>
        {
            AssertNumberOrEmpty(o["amount"]);
            AssertDateOrEmpty(o["created_date"]);
            AssertDateOrEmpty(o["close_date"]);
            AssertDateOrEmpty(o["last_activity_date"]);
        });
        var note = data.Opportunities.First(o => o.Notes is not null);
        Assert.Equal(note.Notes, opportunities.Single(o => o["opportunity_id"] == note.OpportunityId)["notes"]);
    }

    [Fact]
    public async Task WriteAsync_DemoUniverse_IcpJsonHasDataMdFields()
    {
        await WriteDemoAsync(50, 2);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "icp.json")));
        var root = json.RootElement;
        Assert.Equal(["product", "averageAcv", "targetIndustries", "employeeRange", "techAffinity", "competitors", "sizeBands", "industrySynonyms"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(60_000, root.GetProperty("averageAcv").GetDouble());
        Assert.Equal(1.0, root.GetProperty("targetIndustries").GetProperty("Software").GetDouble());
        Assert.Equal(200, root.GetProperty("employeeRange").GetProperty("min").GetInt32());
        Assert.Equal(10_000, root.GetProperty("employeeRange").GetProperty("max").GetInt32());
        Assert.Equal(1.0, root.GetProperty("techAffinity").GetProperty("Snowflake").GetDouble());
        Assert.Equal("Vantora", Assert.Single(root.GetProperty("competitors").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task WriteAsync_ExistingFolder_ReplacesFilesAndLeavesNoTemporaries()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "accounts.csv"), "old");
        await File.WriteAllTextAsync(Path.Combine(_dir, "keep.txt"), "unrelated");

        await WriteDemoAsync(40, 2);

        Assert.Equal(["accounts.csv", "icp.json", "keep.txt", "opportunities.csv", "reps.csv"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("account_id,", await File.ReadAllTextAsync(Path.Combine(_dir, "accounts.csv")));
    }

    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(1500, 7, 11)]
    public async Task WriteAsync_ThenLoad_NoValidationErrorsAndSameData(int accounts, int reps, int seed)
    {
        var data = DemoGenerator.Generate(new DemoOptions(AsOf, accounts, reps, seed)).Data;
        await DemoDataWriter.WriteAsync(data, _dir, CancellationToken.None);

        var loaded = DataFolderLoader.Load(_dir);

        Assert.Empty(loaded.Errors);
        var back = Assert.IsType<Core.Model.DataSet>(loaded.Data);
        Assert.Equal(data.Accounts.Count, back.Accounts.Count);
        Assert.Equal(data.Reps.Count, back.Reps.Count);
        Assert.Equal(data.Opportunities.Count, back.Opportunities.Count);
        Assert.Equal(data.Accounts.Select(Describe), back.Accounts.Select(Describe));
        Assert.Equal(data.Reps.Select(Describe), back.Reps.Select(Describe));
        Assert.Equal(data.Opportunities, back.Opportunities);
        Assert.Equal(data.Icp.AverageAcv, back.Icp.AverageAcv);
        Assert.Equal(data.Icp.TargetIndustries.OrderBy(p => p.Key, StringComparer.Ordinal), back.Icp.TargetIndustries.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(data.Icp.TechAffinity.OrderBy(p => p.Key, StringComparer.Ordinal), back.Icp.TechAffinity.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(data.Icp.EmployeeRange, back.Icp.EmployeeRange);
        Assert.Equal(data.Icp.Competitors, back.Icp.Competitors);
    }

    [Fact]
    public async Task RunAsync_ValidOptions_WritesFolderAndSaysWhat()
    {
        var output = new StringWriter();

        int code = await DemoDataCommand.RunAsync(_dir, new DemoOptions(AsOf, 120, 3, 9), output, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_dir, "icp.json")));
        string text = output.ToString();
        Assert.Matches(@"(?m)^accounts\.csv +120  accounts \(", text);
        Assert.Matches(@"(?m)^reps\.csv +5  people \(3 reps", text);
        Assert.Contains("seed 9, as of 2025-01-15", text);
    }

    [Fact]
    public async Task RunAsync_OutIsAFile_BadInput()
    {
        Directory.CreateDirectory(_dir);
        string file = Path.Combine(_dir, "a-file");
        await File.WriteAllTextAsync(file, "x");

        var e = await Assert.ThrowsAsync<BadInputException>(() => DemoDataCommand.RunAsync(file, new DemoOptions(AsOf, 10, 1), TextWriter.Null, CancellationToken.None));

        Assert.Contains("is a file", e.Message);
    }

    [Theory]
    [InlineData(null, null, null, null, 4200, 8, 42)]
    [InlineData("10", "2", "-7", "2024-02-29", 10, 2, -7)]
    [InlineData(" 1 ", "1", "0", null, 1, 1, 0)]
    public void ParseOptions_ValidText_Options(string? accounts, string? reps, string? seed, string? asOf, int n, int k, int s)
    {
        var today = new DateOnly(2030, 6, 1);

        var options = DemoDataCommand.ParseOptions(accounts, reps, seed, asOf, today);

        Assert.Equal(new DemoOptions(asOf is null ? today : DateOnly.Parse(asOf, CultureInfo.InvariantCulture), n, k, s), options);
    }

    [Theory]
    [InlineData("0", null, null, null, "--accounts: 0 is out of range")]
    [InlineData("-3", null, null, null, "--accounts: -3 is out of range")]
    [InlineData("lots", null, null, null, "--accounts: 'lots' is not a whole number")]
    [InlineData("1.5", null, null, null, "--accounts: '1.5' is not a whole number")]
    [InlineData(null, "0", null, null, "--reps: 0 is out of range")]
    [InlineData(null, "x", null, null, "--reps: 'x' is not a whole number")]
    [InlineData(null, null, "99999999999", null, "--seed: '99999999999' is not a whole number")]
    [InlineData(null, null, null, "15/01/2025", "--as-of: '15/01/2025' is not a date")]
    [InlineData(null, null, null, "1900-01-01", "--as-of: '1900-01-01' is before 1950-01-01")]
    public void ParseOptions_BadText_BadInputNamingTheOption(string? accounts, string? reps, string? seed, string? asOf, string message)
    {
        var e = Assert.Throws<BadInputException>(() => DemoDataCommand.ParseOptions(accounts, reps, seed, asOf, AsOf));

        Assert.Contains(e.Errors, line => line.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseOptions_SeveralBadValues_ReportsAll()
    {
        var e = Assert.Throws<BadInputException>(() => DemoDataCommand.ParseOptions("0", "none", null, null, AsOf));

        Assert.Equal(2, e.Errors.Count);
    }

    [Theory]
    [InlineData("--accounts", "0")]
    [InlineData("--reps", "many")]
    public async Task Cli_BadValue_ExitCode2AndNothingWritten(string option, string value)
    {
        int code = await CliApp.RunAsync(["demo-data", "--out", _dir, option, value]);

        Assert.Equal(2, code);
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public async Task Cli_MissingOut_ExitCode2()
    {
        Assert.Equal(2, await CliApp.RunAsync(["demo-data", "--accounts", "10"]));
    }

    [Fact]
    public async Task Cli_ValidArguments_ExitCode0AndSameFilesForSameSeed()
    {
        string other = _dir + "-again";
        try
        {
            Assert.Equal(0, await CliApp.RunAsync(["demo-data", "--out", _dir, "--accounts", "80", "--reps", "3", "--seed", "5", "--as-of", "2025-01-15"]));
            Assert.Equal(0, await CliApp.RunAsync(["demo-data", "--out", other, "--accounts", "80", "--reps", "3", "--seed", "5", "--as-of", "2025-01-15"]));

            foreach (var file in new[] { "accounts.csv", "reps.csv", "opportunities.csv", "icp.json" })
            {
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_dir, file)), await File.ReadAllBytesAsync(Path.Combine(other, file)));
            }
        }
        finally
        {
            if (Directory.Exists(other))
            {
                Directory.Delete(other, recursive: true);
            }
        }
    }

    // Records with list members compare lists by reference; this flattens everything for value comparison.
    private static string Describe(Core.Model.Account a) => string.Join('|', a with { TechStack = [] }, string.Join(';', a.TechStack));

    private static string Describe(Core.Model.Rep r) => string.Join('|', r with { IndustryStrengths = [] }, string.Join(';', r.IndustryStrengths));

    private async Task<Core.Model.DataSet> WriteDemoAsync(int accounts, int reps)
    {
        var data = DemoGenerator.Generate(new DemoOptions(AsOf, accounts, reps)).Data;
        await DemoDataWriter.WriteAsync(data, _dir, CancellationToken.None);
        return data;
    }

    private List<Dictionary<string, string>> ReadCsv(string file)
    {
        using var csv = CsvReader.FromFile(Path.Combine(_dir, file));
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < csv.Headers.Count; i++)
            {
                row[csv.Headers[i]] = csv.GetString(i) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void AssertNumberOrEmpty(params string[] values)
    {
        foreach (var value in values)
        {
            Assert.True(value.Length == 0 || double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), $"'{value}' is not a plain number");
        }
    }

    private static void AssertDateOrEmpty(string value) =>
        Assert.True(value.Length == 0 || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"'{value}' is not an ISO date");
}
