using System.Text.Json;
using TerritoryBot.Cli;
using TerritoryBot.Core.Coverage;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Tests.Cli;

public sealed class FairnessCliTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>Four reps, one of them far richer, plenty of small movable accounts, two unassigned ones.</summary>
    private static DataSet Team()
    {
        var reps = Enumerable.Range(0, 4).Select(r => new Rep
        {
            RepId = $"R{r}",
            Name = $"Rep {r}",
            Quota = 1_000_000,
            Capacity = 40,
            IndustryStrengths = [r % 2 == 0 ? "Software" : "Retail"],
            Home = new GeoPoint(39 + r, -105 + r),
        }).Append(new Rep { RepId = "M", Name = "Manager", Role = RepRole.Manager }).ToArray();
        var accounts = new List<Account>();
        int[] perRep = [30, 12, 12, 10];
        for (int r = 0; r < perRep.Length; r++)
        {
            for (int k = 0; k < perRep[r]; k++)
            {
                accounts.Add(new Account
                {
                    AccountId = $"A{r}-{k}",
                    Name = $"Company {r}-{k}",
                    Industry = k % 2 == 0 ? "Software" : "Retail",
                    Employees = 300 + 40 * k,
                    OwnerId = $"R{r}",
                    City = "Denver",
                    Region = "CO",
                    Location = new GeoPoint(39.7 + k * 0.01, -105),
                });
            }
        }

        accounts.Add(new Account { AccountId = "U1", Name = "Loose One", Industry = "Retail", Employees = 800 });
        accounts.Add(new Account { AccountId = "U2", Name = "Loose Two", Industry = "Software", Employees = 900 });
        return new DataSet(accounts, reps, [], IcpProfile.Default);
    }

    private static JsonElement Json(DataSet data, IReadOnlyList<Assignment>? assignments = null, double tolerance = 10)
    {
        var output = new StringWriter();
        FairnessCommand.Write(data, assignments, null, new FairnessOptions { TolerancePct = tolerance }, AsOf, json: true, output);
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    [Fact]
    public void Write_Json_HasTheContractShapeAndNumbers()
    {
        var data = Team();

        var root = Json(data);

        var scores = ScoringEngine.Score(data, AsOf).Accounts.ToDictionary(s => s.AccountId, s => s.PotentialArr);
        var expected = data.Reps.Where(r => r.Role == RepRole.Rep)
            .ToDictionary(r => r.RepId, r => data.Accounts.Where(a => a.OwnerId == r.RepId).Sum(a => scores[a.AccountId]));
        double mean = expected.Values.Average();
        var territories = root.GetProperty("territories").EnumerateArray().ToArray();
        Assert.Equal(["R0", "R1", "R2", "R3"], territories.Select(t => t.GetProperty("repId").GetString()));
        foreach (var t in territories)
        {
            string rep = t.GetProperty("repId").GetString()!;
            Assert.Equal(expected[rep], t.GetProperty("potentialArr").GetDouble(), 6);
            Assert.True(t.GetProperty("workload").GetDouble() > 0);
            Assert.Equal(data.Accounts.Count(a => a.OwnerId == rep), t.GetProperty("accountCount").GetInt32());
            Assert.Equal((expected[rep] - mean) * 100 / mean, t.GetProperty("deviationPct").GetDouble(), 6);
        }

        var outliers = root.GetProperty("outliers").EnumerateArray().Select(o => o.GetString()).ToArray();
        Assert.Equal(territories.Where(t => Math.Abs(t.GetProperty("deviationPct").GetDouble()) > 10).Select(t => t.GetProperty("repId").GetString()), outliers);
        Assert.Contains("R0", outliers);

        // Apply the adjustments from the JSON and recompute: every territory lands inside ±10%.
        var owner = data.Accounts.ToDictionary(a => a.AccountId, a => a.OwnerId);
        var adjustments = root.GetProperty("adjustments").EnumerateArray().ToArray();
        Assert.NotEmpty(adjustments);
        foreach (var a in adjustments)
        {
            string account = a.GetProperty("accountId").GetString()!;
            Assert.Equal(owner[account] ?? "", a.GetProperty("fromRepId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("rationale").GetString()));
            owner[account] = a.GetProperty("toRepId").GetString();
        }

        var after = expected.Keys.ToDictionary(r => r, r => owner.Where(kv => kv.Value == r).Sum(kv => scores[kv.Key]));
        double meanAfter = after.Values.Average();
        Assert.All(after.Values, p => Assert.True(Math.Abs(p - meanAfter) <= meanAfter * 0.1 + 1e-6));
        Assert.True(root.GetProperty("adjustmentResult").GetProperty("withinTolerance").GetBoolean());
    }

    [Fact]
    public void Write_AssignmentFromFile_AssessesThatAssignment()
    {
        var data = Team();
        var csv = "account_id,rep_id\n" + string.Join("\n", data.Accounts.Where(a => a.OwnerId is not null).Select(a => $"{a.AccountId},R1"));
        var list = AssignmentsFile.Parse(new StringReader(csv), "plan.csv", data);

        var root = Json(data, list, tolerance: 5);

        var territories = root.GetProperty("territories").EnumerateArray().ToArray();
        Assert.Equal(0, territories[0].GetProperty("accountCount").GetInt32());
        Assert.Equal(64, territories[1].GetProperty("accountCount").GetInt32());
        Assert.Equal(5, root.GetProperty("tolerancePct").GetDouble());
        Assert.Contains(root.GetProperty("adjustments").EnumerateArray(), a => a.GetProperty("fromRepId").GetString() == "R1");
    }

    [Fact]
    public void Write_UnassignedAccountMoves_FromRepIdIsEmptyString()
    {
        var data = Team();
        // R0 gets nothing in this plan: its 30 accounts sit unassigned, and handing some of them over is the obvious fix.
        var list = data.Accounts.Where(a => a.OwnerId is "R1" or "R2" or "R3").Select(a => new Assignment(a.AccountId, a.OwnerId!)).ToList();

        var root = Json(data, list);

        var fromUnassigned = root.GetProperty("adjustments").EnumerateArray().Where(a => a.GetProperty("toRepId").GetString() == "R0").ToArray();
        Assert.Contains(fromUnassigned, a => a.GetProperty("fromRepId").GetString() == "");
        var planned = list.ToDictionary(a => a.AccountId, a => a.RepId);
        Assert.All(root.GetProperty("adjustments").EnumerateArray(), a =>
            Assert.Equal(planned.GetValueOrDefault(a.GetProperty("accountId").GetString()!, ""), a.GetProperty("fromRepId").GetString()));
    }

    [Fact]
    public void Write_Text_PrintsTableOutliersAndMoves()
    {
        var output = new StringWriter();

        FairnessCommand.Write(Team(), null, null, FairnessOptions.Default, AsOf, json: false, output);

        string text = output.ToString();
        Assert.Contains("Fairness of current owners: tolerance ±10% of the team mean", text);
        Assert.Contains("Outliers: R0", text);
        Assert.Contains("1. Move Company 0-", text);
        Assert.Contains("Most likely to feel short-changed", text);
    }

    [Fact]
    public void Write_Text_MoveRationaleNamesTheDistanceChangeAndTheHandOver()
    {
        var output = new StringWriter();

        FairnessCommand.Write(Team(), null, null, FairnessOptions.Default, AsOf, json: false, output);

        string text = output.ToString();
        Assert.Matches(@"It is \d+ km from Rep \d's home, \d+ km (closer than to|farther than from) Rep 0 \(\d+ km\)", text);
        Assert.Contains("Nothing to hand over.", text);
        Assert.Contains("Workload was not balanced, only reported", text);
    }

    [Fact]
    public void Write_BalanceWorkload_ReportsWorkloadBeforeAndAfterAndNeverWider()
    {
        var output = new StringWriter();

        FairnessCommand.Write(Team(), null, null, new FairnessOptions { BalanceWorkload = true }, AsOf, json: true, output);

        var result = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("adjustmentResult");
        Assert.True(result.GetProperty("balancedWorkload").GetBoolean());
        Assert.True(result.GetProperty("maxAbsWorkloadDeviationAfterPct").GetDouble() <= result.GetProperty("maxAbsWorkloadDeviationBeforePct").GetDouble() + 1e-9);
        Assert.True(result.GetProperty("referenceKm").GetDouble() > 0);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("potential", false)]
    [InlineData("potential,workload", true)]
    [InlineData(" Workload , potential ", true)]
    public void ParseBalance_Valid_SaysWhetherWorkloadIsBalanced(string? text, bool expected) =>
        Assert.Equal(expected, FairnessCommand.ParseBalance(text));

    [Theory]
    [InlineData("workload", "must include potential")]
    [InlineData("potential,revenue", "'revenue' is not potential or workload")]
    [InlineData(" , ", "must include potential")]
    public void ParseBalance_Invalid_IsBadInputNamingThePart(string text, string message)
    {
        var e = Assert.Throws<BadInputException>(() => FairnessCommand.ParseBalance(text));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Write_NoReps_IsBadInput()
    {
        var data = new DataSet([], [new Rep { RepId = "M", Name = "M", Role = RepRole.Manager }], [], IcpProfile.Default);

        var e = Assert.Throws<BadInputException>(() => FairnessCommand.Write(data, null, null, FairnessOptions.Default, AsOf, true, new StringWriter()));
        Assert.Contains("no rep has role rep", e.Message);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("15", 15)]
    [InlineData("7.5%", 7.5)]
    [InlineData("0", 0)]
    public void ParseTolerance_Valid_Parses(string? text, double expected)
    {
        Assert.Equal(expected, FairnessCommand.ParseTolerance(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("101")]
    [InlineData("NaN")]
    public void ParseTolerance_Invalid_IsBadInput(string text)
    {
        var e = Assert.Throws<BadInputException>(() => FairnessCommand.ParseTolerance(text));
        Assert.StartsWith("--tolerance:", e.Message);
    }

    [Fact]
    public void GapsWrite_Json_IsOneDocumentWithTheSections()
    {
        var output = new StringWriter();

        GapsCommand.Write(Team(), CoverageOptions.Default, AsOf, json: true, output);

        var root = JsonDocument.Parse(output.ToString()).RootElement;
        foreach (var name in new[] { "summary", "bySegment", "byRegion", "reps", "clusters", "addRep", "findings" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }

        Assert.Equal(2, root.GetProperty("summary").GetProperty("unassignedAccounts").GetInt32());
        Assert.True(root.GetProperty("summary").GetProperty("opportunityCost").GetDouble() > 0);
    }

    [Fact]
    public void GapsWrite_Text_NamesTheRecommendation()
    {
        var output = new StringWriter();

        GapsCommand.Write(Team(), CoverageOptions.Default, AsOf, json: false, output);

        string text = output.ToString();
        Assert.Contains("By segment:", text);
        Assert.Contains("Where one more rep pays most:", text);
        Assert.Contains("One more rep", text);
    }
}
