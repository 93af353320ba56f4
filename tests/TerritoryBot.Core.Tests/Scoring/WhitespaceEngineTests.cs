using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Whitespace;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class WhitespaceEngineTests
{
    public static TheoryData<int> Seeds => new() { 21, 22, 23, 24, 25 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ForRep_RandomUniverse_OnlyWhitespaceInScopeRanked(int seed)
    {
        var data = RandomUniverse.Create(seed, accounts: 1500);
        var scoring = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var open = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
        var byId = data.Accounts.ToDictionary(a => a.AccountId);
        foreach (var rep in data.TerritoryReps)
        {
            var report = WhitespaceEngine.ForRep(scoring, rep.RepId);
            Assert.True(report.Top.Count <= 15);
            Assert.Equal(Math.Min(15, report.WhitespaceAccounts), report.Top.Count);
            Assert.Equal(report.WhitespaceAccounts, report.OwnedWhitespace + report.UnassignedWhitespace);
            foreach (var c in report.Top)
            {
                var a = byId[c.AccountId];
                Assert.False(a.IsCustomer);
                Assert.Equal(0, a.CurrentArr);
                Assert.DoesNotContain(a.AccountId, open);
                Assert.False(a.LastActivityDate > RandomUniverse.AsOf.AddMonths(-6));
                Assert.InRange(c.IcpFit, 4, 5);
                Assert.True(a.OwnerId == rep.RepId || a.OwnerId is null);
                Assert.Equal(a.OwnerId == rep.RepId, c.Owned);
                Assert.NotEmpty(c.Pains);
                Assert.NotEmpty(c.TriggerSignals);
                Assert.Contains(a.Name, c.OutreachHypothesis);
                Assert.Equal(4, c.FitRationale.Count);
            }

            var value = report.Top.Select(c => c.EstimatedArr * c.OpportunityScore / 100).ToList();
            Assert.True(value.Zip(value.Skip(1)).All(p => p.First >= p.Second));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ForRep_UnassignedWithLocation_BelongsToExactlyOneRep(int seed)
    {
        var data = RandomUniverse.Create(seed, accounts: 800);
        var scoring = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var reports = data.TerritoryReps.Select(r => WhitespaceEngine.ForRep(scoring, r.RepId, new WhitespaceOptions { Top = 10_000 })).ToList();
        var located = data.Accounts.Where((a, i) => scoring.Accounts[i].Whitespace && a.OwnerId is null && a.Location is not null).Select(a => a.AccountId);
        foreach (var id in located)
        {
            Assert.Equal(1, reports.Count(r => r.Top.Any(c => c.AccountId == id)));
        }

        // Owned whitespace is never shown to another rep.
        var ownedElsewhere = reports.SelectMany(r => r.Top.Where(c => c.Owned).Select(c => (r.RepId, c.AccountId)));
        Assert.All(ownedElsewhere, p => Assert.Equal(p.RepId, data.Accounts.Single(a => a.AccountId == p.AccountId).OwnerId));
    }

    [Fact]
    public void ForRep_Counts_HighFitWorkedAndIncrease()
    {
        var icp = IcpProfile.Default;
        Account Good(string id, string? owner, bool customer = false, DateOnly? activity = null) => new()
        {
            AccountId = id, Name = id, Industry = "Software", Employees = 2_000, TechStack = ["Snowflake", "Salesforce"], GrowthRate = 0.4,
            OwnerId = owner, IsCustomer = customer, CurrentArr = customer ? 100_000 : 0, LastActivityDate = activity, IntentScore = 80,
            FundingStage = "Series B",
        };
        var asOf = new DateOnly(2025, 6, 1);
        var data = new DataSet(
            [Good("W1", "R1"), Good("W2", "R1", activity: asOf.AddMonths(-7)), Good("C1", "R1", customer: true), Good("A1", "R1", activity: asOf.AddDays(-10)), Good("O1", "R1"), Good("X1", "R2")],
            [new Rep { RepId = "R1", Name = "Ann" }, new Rep { RepId = "R2", Name = "Bob" }, new Rep { RepId = "OPS", Name = "Ops", Role = RepRole.Ops }],
            [new Opportunity { OpportunityId = "P", AccountId = "O1", OwnerId = "R1", Amount = 5, Stage = "Proposal", CreatedDate = asOf.AddMonths(-12) }],
            icp);
        var report = WhitespaceEngine.ForRep(ScoringEngine.Score(data, asOf), "R1");
        Assert.Equal(["W1", "W2"], report.Top.Select(c => c.AccountId).Order());
        Assert.Equal(3, report.HighFitAlreadyWorked);
        Assert.Equal(2, report.WhitespaceAccounts);
        Assert.Equal(200.0 / 3, report.IncreaseOverWorkedPct!.Value, 9);
        Assert.Contains("2 more high-fit accounts", report.Sentence);
        var first = report.Top[0];
        Assert.Contains("buying intent 80/100", first.TriggerSignals);
        Assert.Contains("Series B funded", first.TriggerSignals);
        Assert.Equal("VP Engineering", first.EntryPersona);
    }

    [Fact]
    public void ForRep_UnknownRep_KeyNotFound()
    {
        var scoring = ScoringEngine.Score(RandomUniverse.Create(1, accounts: 50), RandomUniverse.AsOf);
        Assert.Throws<KeyNotFoundException>(() => WhitespaceEngine.ForRep(scoring, "nobody"));
    }

    [Fact]
    public void ForRep_Manager_Rejected()
    {
        var scoring = ScoringEngine.Score(RandomUniverse.Create(1, accounts: 50), RandomUniverse.AsOf);
        var ex = Assert.Throws<ArgumentException>(() => WhitespaceEngine.ForRep(scoring, "M1"));
        Assert.Contains("manager", ex.Message);
    }

    [Theory]
    [InlineData("Software", 300, "Head of Revenue Operations")]
    [InlineData("Financial Services", 5_000, "Chief Data Officer")]
    [InlineData("Regional Banking", 5_000, "Chief Data Officer")]
    [InlineData("Underwater Basket Weaving", 50, "Head of Operations")]
    public void Persona_Industry_FromPlaybook(string industry, int employees, string persona) =>
        Assert.Equal(persona, IndustryPlaybook.Persona(industry, employees));
}
