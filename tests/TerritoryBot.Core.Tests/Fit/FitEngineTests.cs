using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tests.Planning;

namespace TerritoryBot.Core.Tests.Fit;

public sealed class FitEngineTests
{
    private static FitReport Report() => FitEngine.Analyze(PlanFixture.Data(), PlanFixture.Scores(PlanFixture.Data()));

    [Fact]
    public void Analyze_CraftedTeam_TeamRateIsRawRateOfAllClosedDeals()
    {
        var report = Report();
        Assert.Equal(13, report.Team.Wins);
        Assert.Equal(27, report.Team.Deals);
        Assert.Equal(13.0 / 27, report.Team.Smoothed, 12);
    }

    [Fact]
    public void Analyze_SixOfSixInSoftware_ShrunkTowardTeamSoftwareRate()
    {
        var report = Report();
        var team = report.TeamByIndustry["software"]; // case-insensitive lookup
        Assert.Equal(9, team.Wins);
        Assert.Equal(12, team.Deals);
        double teamSoftware = (9 + 10 * 13.0 / 27) / 22;
        Assert.Equal(teamSoftware, team.Smoothed, 12);

        var ada = report.Find("r1")!.ByIndustry["Software"];
        Assert.Equal(6, ada.Wins);
        Assert.Equal(6, ada.Deals);
        Assert.Equal((6 + 10 * teamSoftware) / 16, ada.Smoothed, 12);
        Assert.InRange(ada.Smoothed, teamSoftware, 0.8);
    }

    [Fact]
    public void Analyze_RepWithoutDealsInIndustry_EqualsTeamIndustryRate()
    {
        var report = Report();
        var ada = report.Find("r1")!;
        Assert.Equal(0, ada.ByIndustry["Manufacturing"].Deals);
        Assert.Equal(report.TeamByIndustry["Manufacturing"].Smoothed, ada.ByIndustry["Manufacturing"].Smoothed, 12);
    }

    [Fact]
    public void Analyze_SampleSizes_MatchClosedDealsPerRepIndustryAndTier()
    {
        var report = Report();
        var grace = report.Find("r2")!;
        Assert.Equal(8, grace.Overall.Deals);
        Assert.Equal(2, grace.Overall.Wins);
        Assert.Equal(3, grace.ByIndustry["Financial Services"].Deals);
        Assert.Equal(1, grace.ByIndustry["Financial Services"].Wins);
        Assert.Equal(3, grace.ByIndustry["Healthcare"].Deals);
        Assert.Equal(2, grace.ByIndustry["Software"].Deals);
        // a06 Enterprise (3 deals), a08 Strategic (3), a07 Commercial (2).
        Assert.Equal(3, grace.BySegment[Tier.Strategic].Deals);
        Assert.Equal(3, grace.BySegment[Tier.Enterprise].Deals);
        Assert.Equal(2, grace.BySegment[Tier.Commercial].Deals);
        Assert.Equal(0, grace.BySegment[Tier.SMB].Deals);
        Assert.Equal(report.TeamBySegment[Tier.SMB].Smoothed, grace.BySegment[Tier.SMB].Smoothed, 12);
        Assert.Equal(27, report.Reps.Sum(r => r.Overall.Deals));
    }

    [Fact]
    public void Analyze_PipelineAndRamp_CoverageIsOpenPipelineOverQuota()
    {
        var report = Report();
        var grace = report.Find("r2")!;
        Assert.True(grace.Ramping);
        Assert.Equal(2, grace.OpenOpportunities);
        Assert.Equal(155_000, grace.OpenPipeline);
        Assert.Equal(155_000 / 800_000.0, grace.PipelineCoverage!.Value, 12);
        Assert.True(grace.ThinPipeline);
        Assert.False(report.Find("r1")!.Ramping);
        Assert.Null(report.Find("m1")); // managers carry no territory
    }

    [Fact]
    public void Analyze_BestFitPerIndustry_PicksHighestSmoothedRateWithMargin()
    {
        var report = Report();
        var software = report.BestFit.Single(b => b.Industry == "Software");
        Assert.Equal("r1", software.BestRepId);
        var rates = report.Reps.Select(r => r.ByIndustry["Software"].Smoothed).OrderDescending().ToArray();
        Assert.Equal(rates[0] - rates[1], software.Margin!.Value, 12);
        Assert.Equal(report.Industries, report.BestFit.Select(b => b.Industry));
    }

    [Fact]
    public void Analyze_IndustryWithoutClosedDeals_HasNoBestFit()
    {
        var data = PlanFixture.Data();
        var accounts = data.Accounts.Append(new Model.Account { AccountId = "x1", Name = "Quiet Co", Industry = "Energy", Employees = 10 }).ToArray();
        var energy = FitEngine.Analyze(data with { Accounts = accounts }).BestFit.Single(b => b.Industry == "Energy");
        Assert.Null(energy.BestRepId);
        Assert.Null(energy.Margin);
        Assert.Equal(0, energy.Team.Deals);
    }

    [Fact]
    public void Affinity_DeclaredStrengthAndRecord_RaiseAffinity()
    {
        var report = Report();
        var affinity = FitEngine.Affinity(report);
        // Ada: strong record and declared strength in Software; no record in Healthcare, not declared.
        Assert.True(affinity["r1"]["Software"] > 0.65);
        // No Healthcare deals: the record term is exactly neutral (0.5), so affinity = 0.7 · 0.5.
        Assert.Equal(0.35, affinity["r1"]["Healthcare"], 10);
        Assert.True(affinity["r2"]["Healthcare"] > affinity["r1"]["Healthcare"]);
        Assert.Equal(affinity["r1"]["software"], affinity["r1"]["Software"]);
    }

    [Fact]
    public void Analyze_NoClosedDeals_TeamRateIsNeutralAndAllRatesEqualIt()
    {
        var data = PlanFixture.Data() with { Opportunities = [] };
        var report = FitEngine.Analyze(data);
        Assert.Equal(0.5, report.Team.Smoothed);
        Assert.All(report.Reps, r => Assert.All(r.ByIndustry.Values, w => Assert.Equal(0.5, w.Smoothed)));
        Assert.All(FitEngine.Affinity(report).Values, row => Assert.All(row.Values, a => Assert.InRange(a, 0.35 - 1e-12, 0.65 + 1e-12)));
    }

    [Fact]
    public void Analyze_RandomDataSets_RatesAndAffinityInUnitIntervalAndDeterministic()
    {
        var random = new Random(2024);
        for (int trial = 0; trial < 60; trial++)
        {
            var data = RandomData.Create(random.Next(), accounts: random.Next(1, 80), reps: random.Next(1, 8), opportunities: random.Next(0, 200));
            var a = FitEngine.Analyze(data);
            var b = FitEngine.Analyze(data);
            foreach (var rep in a.Reps)
            {
                Assert.InRange(rep.Overall.Smoothed, 0, 1);
                Assert.All(rep.ByIndustry.Values, w => Assert.InRange(w.Smoothed, 0, 1));
                Assert.All(rep.BySegment.Values, w => Assert.InRange(w.Smoothed, 0, 1));
                Assert.Equal(rep.Overall.Deals, rep.ByIndustry.Values.Sum(w => w.Deals));
            }

            Assert.Equal(a.Team.Deals, data.Opportunities.Count(o => o.IsClosed));
            var affinityA = FitEngine.Affinity(a);
            var affinityB = FitEngine.Affinity(b);
            Assert.Equal(a.Reps.Count, affinityA.Count);
            foreach (var (rep, row) in affinityA)
            {
                Assert.Equal(a.Industries.Count, row.Count);
                Assert.All(row.Values, v => Assert.InRange(v, 0, 1));
                Assert.Equal(row.OrderBy(kv => kv.Key), affinityB[rep].OrderBy(kv => kv.Key));
            }

            Assert.Equal(a.BestFit, b.BestFit);
        }
    }

    [Fact]
    public void Analyze_MoreWinsForOneRep_NeverLowersTheirSmoothedRate()
    {
        var data = PlanFixture.Data();
        var before = FitEngine.Analyze(data).Find("r2")!.ByIndustry["Healthcare"].Smoothed;
        // Turn one of Grace's Healthcare losses into a win.
        var opps = data.Opportunities.Select(o => o.OpportunityId == "o12" ? o with { Stage = "Closed Won" } : o).ToArray();
        var after = FitEngine.Analyze(data with { Opportunities = opps }).Find("r2")!.ByIndustry["Healthcare"].Smoothed;
        Assert.True(after > before);
    }

    [Fact]
    public void Analyze_NegativePriorStrength_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FitEngine.Analyze(PlanFixture.Data(), options: new FitOptions { PriorStrength = -1 }));
}
