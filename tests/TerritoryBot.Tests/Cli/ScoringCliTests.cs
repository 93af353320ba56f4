using System.CommandLine;
using System.Text.Json;
using TerritoryBot.Cli;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Tests.Cli;

public sealed class ScoringCliTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    internal static DataSet Universe(int accounts = 200, int seed = 3)
    {
        var random = new Random(seed);
        string[] industries = ["Software", "Financial Services", "Healthcare", "Retail", "Mining"];
        var reps = new List<Rep>
        {
            new() { RepId = "R1", Name = "Ann", Region = "CA", Home = new GeoPoint(37.7, -122.4) },
            new() { RepId = "R2", Name = "Bob", Region = "NY", Home = new GeoPoint(40.7, -74.0) },
            new() { RepId = "M1", Name = "Meg", Role = RepRole.Manager },
        };
        var list = Enumerable.Range(0, accounts).Select(i =>
        {
            int employees = (int)Math.Exp(3 + random.NextDouble() * 7);
            bool customer = i % 5 == 0;
            return new Account
            {
                AccountId = $"A{i}",
                Name = $"Company {i}",
                Industry = industries[i % industries.Length],
                Employees = employees,
                Region = i % 2 == 0 ? "CA" : "NY",
                Location = i % 2 == 0 ? new GeoPoint(34 + random.NextDouble(), -118 - random.NextDouble()) : new GeoPoint(41, -73),
                TechStack = random.NextDouble() < 0.5 ? ["Snowflake"] : ["Salesforce", "AWS"],
                GrowthRate = random.NextDouble() * 0.4,
                IntentScore = random.Next(0, 100),
                IsCustomer = customer,
                CurrentArr = customer ? 30 * employees : 0,
                CurrentTier = (Tier)(i % 4),
                OwnerId = i % 3 == 0 ? null : i % 3 == 1 ? "R1" : "R2",
            };
        }).ToList();
        var opps = new List<Opportunity> { new() { OpportunityId = "O1", AccountId = "A1", OwnerId = "R1", Amount = 50_000, Stage = "Proposal" } };
        return new DataSet(list, reps, opps, IcpProfile.Default);
    }

    [Fact]
    public void Score_Json_HasContractFields()
    {
        var data = Universe();
        var output = new StringWriter();
        Assert.Equal(0, ScoreCommand.Run(data, AsOf, json: true, output));
        using var doc = JsonDocument.Parse(output.ToString());
        var accounts = doc.RootElement.GetProperty("accounts");
        Assert.Equal(data.Accounts.Count, accounts.GetArrayLength());
        string[] tiers = ["Strategic", "Enterprise", "Commercial", "SMB"];
        string[] statuses = ["ActiveCustomer", "ActiveProspect", "ColdProspect", "Unknown"];
        string[] priorities = ["High", "Medium", "Low"];
        int i = 0;
        foreach (var a in accounts.EnumerateArray())
        {
            Assert.Equal(data.Accounts[i++].AccountId, a.GetProperty("accountId").GetString());
            Assert.InRange(a.GetProperty("icpFit").GetInt32(), 1, 5);
            Assert.InRange(a.GetProperty("opportunityScore").GetDouble(), 0, 100);
            Assert.True(a.GetProperty("potentialArr").GetDouble() >= 0);
            Assert.Contains(a.GetProperty("tier").GetString(), tiers);
            Assert.Contains(a.GetProperty("status").GetString(), statuses);
            Assert.Contains(a.GetProperty("priority").GetString(), priorities);
            Assert.True(a.GetProperty("whitespace").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.Equal(4, a.GetProperty("fit").GetArrayLength());
            var location = data.Accounts[i - 1].Location!.Value;
            Assert.Equal(location.Latitude, a.GetProperty("latitude").GetDouble());
            Assert.Equal(location.Longitude, a.GetProperty("longitude").GetDouble());
            Assert.Equal("given", a.GetProperty("locationSource").GetString());
        }

        Assert.Equal("ActiveProspect", accounts[1].GetProperty("status").GetString());
        var summary = doc.RootElement.GetProperty("summary");
        Assert.True(summary.GetProperty("totalPotentialArr").GetDouble() > 0);
        Assert.Equal(4, summary.GetProperty("byTier").GetArrayLength());
        Assert.Equal(20, summary.GetProperty("topAccounts").GetArrayLength());
        Assert.Contains("of potential", summary.GetProperty("concentration").GetProperty("sentence").GetString());
        Assert.True(summary.GetProperty("misclassifiedCount").GetInt32() > 0);
    }

    [Fact]
    public void Score_Json_LocationAsUsedWithItsSource()
    {
        var data = Universe(accounts: 4);
        data = data with
        {
            Accounts =
            [
                data.Accounts[0] with { Location = null },
                data.Accounts[1] with { Location = new GeoPoint(30.27, -97.74), LocationSource = LocationSource.City },
                data.Accounts[2] with { Location = new GeoPoint(40.75, -73.99), LocationSource = LocationSource.Postal },
                data.Accounts[3] with { Location = new GeoPoint(39, -105.5), LocationSource = LocationSource.Region },
            ],
        };
        var output = new StringWriter();
        Assert.Equal(0, ScoreCommand.Run(data, AsOf, json: true, output));
        using var doc = JsonDocument.Parse(output.ToString());
        var accounts = doc.RootElement.GetProperty("accounts");

        Assert.Equal(JsonValueKind.Null, accounts[0].GetProperty("latitude").ValueKind);
        Assert.Equal(JsonValueKind.Null, accounts[0].GetProperty("longitude").ValueKind);
        Assert.Equal(["none", "city", "postal", "region"], accounts.EnumerateArray().Select(a => a.GetProperty("locationSource").GetString()));
        Assert.Equal(30.27, accounts[1].GetProperty("latitude").GetDouble());
        Assert.Equal(-97.74, accounts[1].GetProperty("longitude").GetDouble());
    }

    [Fact]
    public void Score_Human_PrintsTables()
    {
        var output = new StringWriter();
        Assert.Equal(0, ScoreCommand.Run(Universe(), AsOf, json: false, output));
        var text = output.ToString();
        Assert.Contains("Scored 200 accounts", text);
        Assert.Contains("Top 20 accounts by potential", text);
        Assert.Contains("Misclassified:", text);
    }

    [Fact]
    public void Whitespace_Json_TopFifteenWithHypotheses()
    {
        var output = new StringWriter();
        Assert.Equal(0, WhitespaceCommand.Run(Universe(400), AsOf, "R1", json: true, output));
        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        Assert.Equal("R1", root.GetProperty("repId").GetString());
        var top = root.GetProperty("top");
        Assert.InRange(top.GetArrayLength(), 1, 15);
        foreach (var c in top.EnumerateArray())
        {
            Assert.InRange(c.GetProperty("icpFit").GetInt32(), 4, 5);
            Assert.False(string.IsNullOrEmpty(c.GetProperty("outreachHypothesis").GetString()));
            Assert.True(c.GetProperty("estimatedArr").GetDouble() > 0);
        }

        Assert.True(root.GetProperty("highFitAlreadyWorked").GetInt32() >= 0);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("M1")]
    [InlineData("r1")]
    public async Task Whitespace_NotATerritoryRep_ExitTwo(string repId)
    {
        var (code, stdout, stderr) = await Invoke(o => WhitespaceCommand.Run(Universe(), AsOf, repId, json: true, o));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("--rep", stderr);
    }

    [Fact]
    public async Task Score_ThroughExitCodeWrapper_ExitZeroOneJsonDocument()
    {
        var (code, stdout, stderr) = await Invoke(o => ScoreCommand.Run(Universe(50), AsOf, json: true, o));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(50, doc.RootElement.GetProperty("accounts").GetArrayLength());
    }

    // Runs a command body through the same exit-code wrapper the real commands use.
    private static async Task<(int Code, string Stdout, string Stderr)> Invoke(Func<TextWriter, int> body)
    {
        var command = new RootCommand();
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, (o, _) => Task.FromResult(body(o)), ct));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await command.Parse([]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
