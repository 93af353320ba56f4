using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Core.Tests.Planning;

public sealed class TerritoryPlannerTests
{
    [Fact]
    public void Build_CraftedTarget_ListsExactlyTheAccountsChangingHands()
    {
        var plan = TerritoryPlanner.Build(PlanFixture.Input("r1", PlanFixture.Target(), "scenario rebalance"));

        var incoming = plan.Transitions.Where(t => t.Direction == TransitionDirection.Incoming).Select(t => t.Account.AccountId).Order().ToArray();
        var outgoing = plan.Transitions.Where(t => t.Direction == TransitionDirection.Outgoing).Select(t => t.Account.AccountId).ToArray();
        Assert.Equal(["a06", "a11"], incoming);
        Assert.Equal(["a04"], outgoing); // a09 moves r3→r2 and does not concern r1

        var woodgrove = plan.Transitions.Single(t => t.Account.AccountId == "a06");
        Assert.Equal("r2", woodgrove.FromRepId);
        Assert.Equal("r1", woodgrove.ToRepId);
        Assert.Equal(1, woodgrove.OpenOpportunities);
        Assert.Equal(60_000, woodgrove.OpenPipeline);
        Assert.Equal(new DateOnly(2024, 12, 28), woodgrove.LastActivity); // the open deal's activity is later than the account's
        Assert.Equal(PlanFixture.HostileNotes, woodgrove.RelationshipNotes);
        Assert.Equal("r2", woodgrove.TransitionOwnerId);

        var coho = plan.Transitions.Single(t => t.Account.AccountId == "a11");
        Assert.Null(coho.FromRepId);
        Assert.Equal("r1", coho.TransitionOwnerId); // unassigned: the receiving rep runs the take-over

        var fabrikam = plan.Transitions.Single(t => t.Account.AccountId == "a04");
        Assert.Equal("r3", fabrikam.ToRepId);
        Assert.Equal("r1", fabrikam.TransitionOwnerId);

        var book = plan.Portfolio.Select(p => p.Account.AccountId).Order().ToArray();
        Assert.Equal(["a01", "a02", "a03", "a05", "a06", "a11"], book);
        Assert.Equal(["a06", "a11"], plan.Portfolio.Where(p => p.Incoming).Select(p => p.Account.AccountId).Order().ToArray());
    }

    [Fact]
    public void Build_CompleteTarget_AccountsItOmitsBecomeUnassigned()
    {
        // The complete target lists only a01 and a02 for r1: a03, a04 and a05 leave r1 for nobody.
        var input = PlanFixture.Input("r1", [new("a01", "r1"), new("a02", "r1"), new("a06", "r1")], "assignment file") with { TargetIsComplete = true };
        var plan = TerritoryPlanner.Build(input);
        Assert.Equal(["a01", "a02", "a06"], plan.Portfolio.Select(p => p.Account.AccountId).Order().ToArray());
        var outgoing = plan.Transitions.Where(t => t.Direction == TransitionDirection.Outgoing).ToArray();
        Assert.Equal(["a03", "a04", "a05"], outgoing.Select(t => t.Account.AccountId).Order().ToArray());
        Assert.All(outgoing, t => Assert.Null(t.ToRepId));
        Assert.All(outgoing, t => Assert.Equal("r1", t.TransitionOwnerId));
    }

    [Fact]
    public void Build_NoTarget_NoTransitionsAndTheDocumentSaysSo()
    {
        var plan = TerritoryPlanner.Build(PlanFixture.Input("r1"));
        Assert.False(plan.HasTarget);
        Assert.Empty(plan.Transitions);
        Assert.Equal(["a01", "a02", "a03", "a04", "a05"], plan.Portfolio.Select(p => p.Account.AccountId).Order().ToArray());
        var section = PlanDocumentBuilder.Build(plan).Sections.Single(s => s.Id == "transitions");
        var text = Assert.IsType<ParagraphBlock>(Assert.Single(section.Blocks)).Text;
        Assert.Contains("No target assignment was given", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TargetEqualToCurrentOwners_NoAccountChangesHands()
    {
        var data = PlanFixture.Data();
        var same = data.Accounts.Where(a => a.OwnerId is not null).Select(a => new Assignment(a.AccountId, a.OwnerId!)).ToArray();
        var plan = TerritoryPlanner.Build(PlanFixture.Input("r1", same, "current copy"));
        Assert.True(plan.HasTarget);
        Assert.Empty(plan.Transitions);
    }

    [Fact]
    public void Build_CraftedTerritory_TotalsPenetrationAndBandMatchHandComputation()
    {
        var plan = TerritoryPlanner.Build(PlanFixture.Input("r1"));
        // a01 900k + a02 620k + a03 260k + a04 210k + a05 40k; ARR 220k + 90k.
        Assert.Equal(2_030_000, plan.Totals.Potential);
        Assert.Equal(310_000, plan.Totals.CurrentArr);
        Assert.Equal(310_000 / 2_030_000.0, plan.Totals.Penetration, 12);
        Assert.Equal(2, plan.Totals.Customers);
        Assert.Equal(230_000, plan.Totals.OpenPipeline);
        // Territories: r1 2.03M, r2 815k, r3 860k (a11 unassigned is in nobody's).
        Assert.Equal(815_000, plan.Band.Min);
        Assert.Equal(860_000, plan.Band.Median);
        Assert.Equal(2_030_000, plan.Band.Max);
        Assert.Equal(1, plan.Band.Rank);
    }

    [Fact]
    public void Build_Sequence_Tier1FirstThenTier2ByIntentWithinThirteenWeeks()
    {
        var plan = TerritoryPlanner.Build(PlanFixture.Input("r1"));
        Assert.Equal(["a01", "a02", "a04", "a03"], plan.Sequence.Select(s => s.AccountId).ToArray());
        Assert.All(plan.Sequence, s => Assert.InRange(s.Week, 1, 13));
        Assert.Equal(plan.Sequence.Select(s => s.Week).Order(), plan.Sequence.Select(s => s.Week));
    }

    [Fact]
    public void Build_ManyAccounts_SequenceCapsTouchesPerWeekAndReportsOverflow()
    {
        var data = RandomData.Create(5, accounts: 400, reps: 1, opportunities: 50);
        var scores = ScoringEngine.Score(data, PlanFixture.AsOf).Accounts.Select(s => s with { Tier = Tier.Enterprise }).ToArray();
        var plan = TerritoryPlanner.Build(new PlanInput { Data = data, Scores = scores, Fit = FitEngine.Analyze(data, scores), RepId = "r0", AsOf = PlanFixture.AsOf });
        int accounts = plan.Portfolio.Count;
        Assert.Equal(8, plan.SequencePerWeek);
        Assert.Equal(8 * 13, plan.Sequence.Count);
        Assert.Equal(accounts - 8 * 13, plan.SequenceOverflow);
        Assert.All(plan.Sequence.GroupBy(s => s.Week), g => Assert.True(g.Count() <= 8));
        var intents = plan.Sequence.Select(s => s.Intent ?? -1).ToArray();
        Assert.Equal(intents.OrderDescending(), intents);
    }

    [Fact]
    public void Build_RandomData_QuotaDecompositionSumsToQuotaAndMilestonesToo()
    {
        var random = new Random(99);
        int checkedPlans = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            var data = RandomData.Create(random.Next(), accounts: random.Next(0, 60), reps: random.Next(1, 5), opportunities: random.Next(0, 120));
            var scores = ScoringEngine.Score(data, PlanFixture.AsOf).Accounts;
            var fit = FitEngine.Analyze(data, scores);
            foreach (var rep in data.TerritoryReps)
            {
                var plan = TerritoryPlanner.Build(new PlanInput { Data = data, Scores = scores, Fit = fit, RepId = rep.RepId, AsOf = PlanFixture.AsOf });
                var q = plan.BusinessPlan.Quota;
                if (q is null)
                {
                    Assert.DoesNotContain(data.TerritoryReps, r => r.Quota is > 0);
                    continue;
                }

                checkedPlans++;
                Assert.Equal(q.Quota, q.Expansion + q.NewLogo, 6);
                Assert.True(q.Expansion >= -1e-6 && q.NewLogo >= -1e-6, $"negative share: {q.Expansion} / {q.NewLogo}");
                Assert.True(q.Gap >= 0);
                Assert.Equal(q.Gap, q.ExpansionGap + q.NewLogoGap, 6);
                Assert.Equal(q.Quota, plan.BusinessPlan.Milestones.Sum(m => m.Bookings), 6);
                Assert.Equal(q.Quota, plan.BusinessPlan.Milestones[^1].Cumulative, 6);
                Assert.InRange(plan.Totals.Penetration, 0, double.MaxValue);
                Assert.True(plan.BusinessPlan.Risks.Count <= 3);
                Assert.Equal(plan.BusinessPlan.Risks.Select(r => r.Severity).OrderDescending(), plan.BusinessPlan.Risks.Select(r => r.Severity));
                Assert.True(plan.BusinessPlan.TopAccounts.Count <= 10);
            }
        }

        Assert.True(checkedPlans > 20);
    }

    [Fact]
    public void Build_CraftedRep_QuotaDecompositionMatchesHandComputation()
    {
        var input = PlanFixture.Input("r2");
        var plan = TerritoryPlanner.Build(input);
        var q = plan.BusinessPlan.Quota!;
        var grace = input.Fit.Find("r2")!;
        // Open pipeline: a06 60k (Financial Services) and a08 95k (Healthcare), both prospects.
        double expected = 60_000 * grace.ByIndustry["Financial Services"].Smoothed + 95_000 * grace.ByIndustry["Healthcare"].Smoothed;
        Assert.Equal(0, q.ExpansionPipeline);
        Assert.Equal(155_000, q.NewLogoPipeline);
        Assert.Equal(expected, q.ExpectedNewLogoPipeline, 6);
        Assert.Equal(800_000 - expected, q.Gap, 6);
        // The gap exceeds the potential left (50k headroom + 565k), so customers take their full 50k headroom.
        Assert.Equal(50_000, q.ExpansionGap, 6);
        Assert.Equal(50_000, q.Expansion, 6);
        Assert.Equal(750_000, q.NewLogo, 6);
        Assert.Equal(q.Gap / grace.Overall.Smoothed, q.PipelineToCreate, 6);
    }

    [Fact]
    public void Build_RampingRepWithThinPipeline_RisksNameThemWithMitigations()
    {
        var plan = TerritoryPlanner.Build(PlanFixture.Input("r2"));
        var titles = plan.BusinessPlan.Risks.Select(r => r.Title).ToArray();
        Assert.Equal(3, titles.Length);
        Assert.Contains("Thin pipeline", titles);
        Assert.True(plan.BusinessPlan.RisksFound >= 4); // ramping fired too but ranked fourth
        Assert.All(plan.BusinessPlan.Risks, r => Assert.False(string.IsNullOrWhiteSpace(r.Mitigation)));
    }

    [Fact]
    public void BuildMany_EveryRep_SameDocumentsAsOneAtATime()
    {
        var input = PlanFixture.Input("r1", PlanFixture.Target(), "scenario rebalance");
        string[] reps = ["r1", "r2", "r3"];
        var many = TerritoryPlanner.BuildMany(input, reps);
        for (int i = 0; i < reps.Length; i++)
        {
            var single = TerritoryPlanner.Build(input with { RepId = reps[i] });
            Assert.Equal(MarkdownRenderer.Render(PlanDocumentBuilder.Build(single)), MarkdownRenderer.Render(PlanDocumentBuilder.Build(many[i])));
        }

        // Every assigned account lands in exactly one plan.
        Assert.Equal(12, many.Sum(p => p.Portfolio.Count));
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("m1")]
    public void Build_UnknownRepOrManager_Throws(string repId) =>
        Assert.Throws<ArgumentException>(() => TerritoryPlanner.Build(PlanFixture.Input(repId)));
}
