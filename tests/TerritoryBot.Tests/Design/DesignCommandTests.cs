using System.Text.Json;
using TerritoryBot.Cli;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tests.Design;

namespace TerritoryBot.Tests.Design;

public sealed class DesignCommandTests
{
    private static readonly DateOnly AsOf = new(2025, 1, 15);

    private static DataSet Data(int accounts = 120, int reps = 4, int seed = 3)
    {
        var data = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = accounts, Reps = reps, Seed = seed }).Data;
        return data with { Reps = data.Reps.Append(new Rep { RepId = "ops1", Name = "Ops, Person", Role = RepRole.Ops }).ToArray() };
    }

    [Fact]
    public void Run_Json_EveryAccountOncePerScenarioToRoleRep()
    {
        var data = Data();
        var output = new StringWriter();
        int code = DesignCommand.Run(data, new DesignRequest(null, 10, true, true), AsOf, output);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        var accounts = root.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(data.Accounts.Select(a => a.AccountId), accounts.Select(a => a.GetProperty("accountId").GetString()));
        Assert.All(accounts, a =>
        {
            Assert.True(a.GetProperty("potentialArr").GetDouble() >= 0);
            Assert.True(a.GetProperty("workload").GetDouble() > 0);
        });
        var repIds = data.Reps.Where(r => r.Role == RepRole.Rep).Select(r => r.RepId).ToHashSet();
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(ScenarioNames.All, scenarios.Select(s => s.GetProperty("name").GetString()));
        foreach (var s in scenarios)
        {
            var assignments = s.GetProperty("assignments").EnumerateArray().ToList();
            Assert.Equal(data.Accounts.Select(a => a.AccountId).Order(), assignments.Select(a => a.GetProperty("accountId").GetString()).Order());
            Assert.All(assignments, a => Assert.Contains(a.GetProperty("repId").GetString()!, repIds));
            Assert.Equal(JsonValueKind.Object, s.GetProperty("metrics").ValueKind);
            Assert.True(s.GetProperty("metrics").GetProperty("potential").GetProperty("gini").GetDouble() >= 0);
        }

        Assert.Contains(root.GetProperty("recommended").GetString(), ScenarioNames.All);
    }

    [Fact]
    public void Run_QuotaTargets_JsonSaysTargetsAndTargetsFollowQuota()
    {
        var data = Data();
        var output = new StringWriter();
        DesignCommand.Run(data, new DesignRequest("geographic", null, false, true, Targets: TargetMode.Quota), AsOf, output);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Equal("Quota", doc.RootElement.GetProperty("targets").GetString());
        var scenario = Assert.Single(doc.RootElement.GetProperty("scenarios").EnumerateArray());
        Assert.Equal("Quota", scenario.GetProperty("metrics").GetProperty("targets").GetString());
        var reps = data.Reps.Where(r => r.Role == RepRole.Rep).ToDictionary(r => r.RepId);
        double quotaTotal = reps.Values.Sum(r => r.Quota!.Value * (r.Ramping ? 1.0 : 1.0));
        var territories = scenario.GetProperty("territories").EnumerateArray().ToList();
        double targetTotal = territories.Sum(t => t.GetProperty("potentialTarget").GetDouble());
        Assert.All(territories, t => Assert.Equal(reps[t.GetProperty("repId").GetString()!].Quota!.Value / quotaTotal,
            t.GetProperty("potentialTarget").GetDouble() / targetTotal, 9));
    }

    [Theory]
    [InlineData(null, TargetMode.Equal)]
    [InlineData("QUOTA", TargetMode.Quota)]
    [InlineData(" capacity ", TargetMode.Capacity)]
    public void ParseTargets_KnownNames_Parsed(string? text, TargetMode mode) => Assert.Equal(mode, DesignCommand.ParseTargets(text));

    [Fact]
    public void ParseTargets_Unknown_BadInputNamingTheFlag()
    {
        var e = Assert.Throws<BadInputException>(() => DesignCommand.ParseTargets("seniority"));
        Assert.Contains("--targets: 'seniority' is not one of equal, quota, capacity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScenarioOption_OnlyThatScenario()
    {
        var output = new StringWriter();
        DesignCommand.Run(Data(), new DesignRequest("Rebalance", 15, false, true), AsOf, output);
        using var doc = JsonDocument.Parse(output.ToString());
        var scenario = Assert.Single(doc.RootElement.GetProperty("scenarios").EnumerateArray());
        Assert.Equal("rebalance", scenario.GetProperty("name").GetString());
        Assert.Equal("rebalance", doc.RootElement.GetProperty("recommended").GetString());
    }

    [Fact]
    public void Run_Table_ComparesEveryScenarioAndRecommends()
    {
        var output = new StringWriter();
        DesignCommand.Run(Data(), new DesignRequest(null, null, false, false), AsOf, output);
        var text = output.ToString();
        Assert.All(ScenarioNames.All.Append("current"), name => Assert.Contains(name, text));
        Assert.Contains("Recommended:", text);
    }

    [Theory]
    [InlineData("design", "--scenario", "nope")]
    [InlineData("design", "--max-moved-pct", "150")]
    [InlineData("design", "--max-moved-pct", "-1")]
    [InlineData("export", "--scenario", "nope", "--out", "x.csv")]
    public async Task Cli_BadOption_ExitsTwo(params string[] args) =>
        Assert.Equal(2, await CliApp.RunAsync(args));

    [Fact]
    public void Validate_CurrentOnlyForExport_BadInput()
    {
        Assert.Throws<BadInputException>(() => DesignCommand.Validate(new DesignRequest("current", null, false, false), allowCurrent: false));
        DesignCommand.Validate(new DesignRequest("current", null, false, false), allowCurrent: true);
    }

    [Theory]
    [InlineData("opportunity")]
    [InlineData("current")]
    public void Export_Scenario_WritesOneRowPerAccountAtomically(string scenario)
    {
        var data = Data(60, 3);
        data = data with { Accounts = data.Accounts.Select((a, i) => i == 0 ? a with { Name = "=Acme, \"Inc\"" } : a).ToArray() };
        var dir = Directory.CreateTempSubdirectory("tb-export");
        try
        {
            var file = new FileInfo(Path.Combine(dir.FullName, "owners.csv"));
            File.WriteAllText(file.FullName, "old content");
            int code = ExportCommand.Run(data, new DesignRequest(scenario, null, false, false), file, AsOf, new StringWriter());
            Assert.Equal(0, code);
            var lines = File.ReadAllLines(file.FullName);
            Assert.Equal("account_id,account_name,rep_id,rep_name", lines[0]);
            Assert.Equal(data.Accounts.Count + 1, lines.Length);
            Assert.StartsWith($"{data.Accounts[0].AccountId},\"'=Acme, \"\"Inc\"\"\",", lines[1]);
            Assert.Single(dir.GetFiles()); // no temp file left behind
            if (scenario == "current")
            {
                Assert.Equal(data.Accounts[1].OwnerId ?? "", lines[2].Split(',')[2]);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

public sealed class DesignStorageTests
{
    [Fact]
    public async Task ToStored_SavedAndLoaded_ExportUsesStoredAssignments()
    {
        var data = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 50, Reps = 3, Seed = 2 }).Data;
        await using var db = await TerritoryBot.Tests.Data.TestDatabases.NewSqliteAsync();
        await TerritoryBot.Data.TerritoryStore.ImportDataSetAsync(db, data);
        var result = DesignCommand.Design(data, new DesignRequest(null, null, false, false), new DateOnly(2025, 1, 15));
        await TerritoryBot.Data.TerritoryStore.SaveScenariosAsync(db, DesignCommand.ToStored(result, DateTime.UtcNow));

        var stored = await TerritoryBot.Data.TerritoryStore.LoadScenarioAsync(db, "geographic");
        Assert.NotNull(stored);
        Assert.Equal(result.Recommended == "geographic", stored.Recommended);
        Assert.Equal(result.Scenario("geographic")!.Assignments.OrderBy(a => a.AccountId, StringComparer.Ordinal), stored.Assignments);
        Assert.Contains("\"potential\"", stored.MetricsJson);

        var dir = Directory.CreateTempSubdirectory("tb-export");
        try
        {
            var file = new FileInfo(Path.Combine(dir.FullName, "geo.csv"));
            ExportCommand.Run(data, new DesignRequest("geographic", null, false, false), file, new DateOnly(2025, 1, 15), new StringWriter(), stored.Assignments);
            var owners = File.ReadAllLines(file.FullName).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[2]);
            Assert.All(stored.Assignments, a => Assert.Equal(a.RepId, owners[a.AccountId]));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
