using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Statistics;
using TerritoryBot.Plugins;

namespace TerritoryBot.Tests.Plugins;

/// <summary>The four team plugins through the conversation core, by text and by card verb.</summary>
public sealed class TeamPluginsTests(TeamFixture fixture) : IClassFixture<TeamFixture>
{
    private Workspace Workspace => fixture.Harness.Workspace;

    [Theory]
    [InlineData("compare scenarios")]
    [InlineData("show me the territory design options side by side")]
    [InlineData("compare the hybrid and industry scenarios")]
    public async Task Scenarios_CompareText_OpsGetEveryScenarioAndTheCurrentPlan(string text)
    {
        var result = await fixture.AskAsync(TeamData.Ops, text);

        var view = Assert.IsType<ScenarioComparisonView>(result.View);
        var design = EngineResults.Design(Workspace);
        Assert.Equal([ScenarioNames.Current, .. ScenarioNames.All], view.Rows.Select(r => r.Name));
        Assert.Equal(design.Recommended, view.Recommended);
        Assert.Equal(design.Recommendation, view.Recommendation);
        var geo = design.Scenario(ScenarioNames.Geographic)!.Metrics;
        var row = view.Rows.Single(r => r.Name == ScenarioNames.Geographic);
        Assert.Equal(geo.Potential.Gini, row.PotentialGini);
        Assert.Equal(geo.AccountsMoved, row.AccountsMoved);
        Assert.Equal(geo.ContinuityArr, row.ContinuityArr);
        Assert.Equal(6, view.RecommendedTerritories.Count);
        Assert.NotNull(result.Card);
    }

    [Fact]
    public async Task Scenarios_BalanceByQuota_ComparesQuotaTargetsAndSaysSo()
    {
        var result = await fixture.AskAsync(TeamData.Ops, "balance by quota");

        var view = Assert.IsType<ScenarioComparisonView>(result.View);
        Assert.Equal(TargetMode.Quota, view.Targets);
        Assert.Contains("targets: each rep's share follows their quota", view.Text, StringComparison.Ordinal);
        var design = ScenariosPlugin.Run(Workspace, null, TargetMode.Quota);
        Assert.Equal(TargetMode.Quota, design.Current.Metrics.Targets);
        Assert.Equal(design.Recommended, view.Recommended);
    }

    [Fact]
    public async Task Scenarios_RebalanceWeightedByQuota_ShowsRebalanceAgainstQuotaTargets()
    {
        var result = await fixture.AskAsync(TeamData.Ops, "rebalance weighted by quota");

        var view = Assert.IsType<ScenarioDetailView>(result.View);
        Assert.Equal(ScenarioNames.Rebalance, view.Scenario.Name);
        Assert.Equal(TargetMode.Quota, view.Targets);
        Assert.Contains("Targets: each rep's share follows their quota.", view.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rebalance with at most 10% of accounts moved", 10)]
    [InlineData("rebalance but move no more than 4 percent", 4)]
    public async Task Scenarios_MoveCapText_ShowsRebalanceWithinTheCap(string text, int cap)
    {
        var result = await fixture.AskAsync(TeamData.Ops, text);

        var view = Assert.IsType<ScenarioDetailView>(result.View);
        Assert.Equal(ScenarioNames.Rebalance, view.Scenario.Name);
        Assert.Equal(cap, view.MaxMovedPct);
        int owned = fixture.Harness.Data.Accounts.Count(a => a.OwnerId is not null);
        Assert.InRange(view.Scenario.AccountsMoved, 0, Math.Ceiling(owned * cap / 100.0));
        Assert.Same(ScenariosPlugin.Run(Workspace, cap), ScenariosPlugin.Run(Workspace, cap));
        Assert.NotSame(EngineResults.Design(Workspace), ScenariosPlugin.Run(Workspace, cap));
    }

    [Fact]
    public async Task Scenarios_CompareVerbWithPercent_RebalanceRowRespectsTheCap()
    {
        var result = await fixture.PressAsync(TeamData.Ops, ScenariosPlugin.CompareVerb, """{"percent":3}""");

        var view = Assert.IsType<ScenarioComparisonView>(result.View);
        Assert.Equal(3, view.MaxMovedPct);
        int owned = fixture.Harness.Data.Accounts.Count(a => a.OwnerId is not null);
        Assert.InRange(view.Rows.Single(r => r.Name == ScenarioNames.Rebalance).AccountsMoved, 0, Math.Ceiling(owned * 0.03));
    }

    [Theory]
    [InlineData("geographic")]
    [InlineData("workload")]
    [InlineData("current")]
    public async Task Scenarios_ShowVerb_ShowsThatScenario(string scenario)
    {
        var result = await fixture.PressAsync(TeamData.Ops, ScenariosPlugin.ShowVerb, $$"""{"scenario":"{{scenario}}"}""");

        var view = Assert.IsType<ScenarioDetailView>(result.View);
        Assert.Equal(scenario, view.Scenario.Name);
        Assert.Equal(6, view.Territories.Count);
        var card = CardJson.Serialize(result.Card!);
        Assert.Equal(scenario != ScenarioNames.Current, card.Contains(ScenariosPlugin.ProposeVerb, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scenarios_ShowText_NamedScenarioIsShownInDetail()
    {
        var result = await fixture.AskAsync(TeamData.ManagerA, "show me the geo scenario");
        Assert.Equal(ScenarioNames.Geographic, Assert.IsType<ScenarioDetailView>(result.View).Scenario.Name);
    }

    [Fact]
    public void Run_OneScenarioFromTheFullRun_EqualsRunningItAlone()
    {
        // The detail view reads a scenario from the shared full run instead of running it alone: seeds are per scenario.
        var alone = DesignEngine.Run(new DesignInput(Workspace.Data, Workspace.Scores.Accounts),
            new DesignOptions { Scenarios = [ScenarioNames.Size], Affinity = Core.Fit.FitEngine.Affinity(EngineResults.Fit(Workspace)) });
        var shared = EngineResults.Design(Workspace).Scenario(ScenarioNames.Size)!;
        Assert.Equal(alone.Scenarios.Single().Assignments, shared.Assignments);
    }

    [Fact]
    public async Task Scenarios_Manager_RowsAreRecomputedOverTheTeam()
    {
        var result = await fixture.AskAsync(TeamData.ManagerA, "compare scenarios");

        var view = Assert.IsType<ScenarioComparisonView>(result.View);
        Assert.False(view.WholeOrganisation);
        Assert.Contains("your team only (3 territories)", result.Text, StringComparison.Ordinal);
        Assert.Equal(TeamData.TeamA, view.RecommendedTerritories.Select(t => t.RepId));
        var current = EngineResults.Design(Workspace).Current.Territories.Where(t => TeamData.TeamA.Contains(t.RepId)).Select(t => t.Potential).ToArray();
        var row = view.Rows[0];
        Assert.Equal(Distribution.Gini(current), row.PotentialGini, 12);
        Assert.Null(row.ContinuityArr);
        Assert.Equal(1, row.ContinuityAccounts);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public async Task Scenarios_PercentOutOfRange_ExplainsWithoutData(string percent)
    {
        var result = await fixture.PressAsync(TeamData.Ops, ScenariosPlugin.CompareVerb, $$"""{"percent":{{percent}}}""");
        Assert.IsType<TextReply>(result.View);
        Assert.Contains("'percent' must be a number from 0 to 100", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fairness check before I announce")]
    [InlineData("is the current split fair?")]
    [InlineData("any outliers in potential")]
    public async Task Fairness_Text_OpsGetTheEngineReport(string text)
    {
        var result = await fixture.AskAsync(TeamData.Ops, text);

        var view = Assert.IsType<FairnessView>(result.View);
        var report = FairnessEngine.Assess(Workspace.Data, Workspace.Scores.Accounts, null, Workspace.AsOf);
        Assert.Null(view.Scenario);
        Assert.Equal(report.Outliers, view.Outliers.Select(o => o.RepId));
        Assert.Equal(report.Adjustments.Moves.Select(m => m.AccountId), view.Moves.Select(m => m.AccountId));
        Assert.Equal(report.MostDisadvantaged?.RepId, view.MostDisadvantaged?.RepId);
        Assert.Equal(0, view.HiddenMoves);
        Assert.NotNull(view.Plan);
        Assert.Contains(FairnessPlugin.ProposeVerb, CardJson.Serialize(result.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fairness_ShowVerbWithScenario_AssessesThatScenario()
    {
        var result = await fixture.PressAsync(TeamData.Ops, FairnessPlugin.ShowVerb, """{"scenario":"opportunity"}""");

        var view = Assert.IsType<FairnessView>(result.View);
        Assert.Equal(ScenarioNames.Opportunity, view.Scenario);
        var assignments = EngineResults.Design(Workspace).Scenario(ScenarioNames.Opportunity)!.Assignments;
        var report = FairnessEngine.Assess(Workspace.Data, Workspace.Scores.Accounts, assignments, Workspace.AsOf);
        Assert.Equal(report.Territories.Select(t => t.PotentialArr), view.Territories.Select(t => t.Potential));
    }

    [Fact]
    public async Task Fairness_Manager_SeesTeamRowsOnlyAndCountsOtherMoves()
    {
        var result = await fixture.AskAsync(TeamData.ManagerB, "fairness check");

        var view = Assert.IsType<FairnessView>(result.View);
        var report = FairnessEngine.Assess(Workspace.Data, Workspace.Scores.Accounts, null, Workspace.AsOf);
        Assert.Equal(TeamData.TeamB, view.Territories.Select(t => t.RepId));
        Assert.All(view.Moves, m => Assert.Contains(m.ToRepId, TeamData.TeamB));
        Assert.All(view.Moves, m => Assert.Contains(m.FromRepId, TeamData.TeamB));
        Assert.Equal(report.Adjustments.Moves.Count, view.Moves.Count + view.HiddenMoves);
        Assert.Null(view.Plan);
        Assert.Equal(view.Territories.Min(t => t.Potential), view.Figures.MinPotential);
        Assert.Equal(view.Territories.Max(t => t.Potential), view.Figures.MaxPotential);
    }

    [Theory]
    [InlineData("where are our coverage gaps", "")]
    [InlineData("where should we add headcount", "")]
    [InlineData("", "gaps.show")]
    public async Task Coverage_TextOrVerb_OpsGetTheWholeOrganisation(string text, string verb)
    {
        var result = verb.Length > 0 ? await fixture.PressAsync(TeamData.Ops, verb, "{}") : await fixture.AskAsync(TeamData.Ops, text);

        var view = Assert.IsType<CoverageView>(result.View);
        Assert.Equal(fixture.Harness.Data.Accounts.Count, view.Summary.Accounts);
        Assert.Equal(6, view.Reps.Count);
        Assert.NotNull(view.AddRep);
        Assert.NotNull(result.Card);
    }

    [Fact]
    public async Task Coverage_Manager_AnalysesTheTeamsAccountsOnly()
    {
        var result = await fixture.AskAsync(TeamData.ManagerA, "coverage gaps");

        var view = Assert.IsType<CoverageView>(result.View);
        Assert.Equal(fixture.Harness.Data.Accounts.Count(a => TeamData.TeamA.Contains(a.OwnerId)), view.Summary.Accounts);
        Assert.Equal(0, view.Summary.UnassignedAccounts);
        Assert.Equal(TeamData.TeamA, view.Reps.Select(r => r.RepId));
        var teamAccounts = fixture.Harness.Data.Accounts.Where(a => TeamData.TeamA.Contains(a.OwnerId)).Select(a => a.AccountId).ToHashSet();
        Assert.All(view.Clusters.SelectMany(c => c.AccountIds), id => Assert.Contains(id, teamAccounts));
    }

    [Theory]
    [InlineData("who fits the fintech accounts best", "Financial Services")]
    [InlineData("which rep is best for healthcare", "Healthcare")]
    [InlineData("who wins the most in software", "Software")]
    public async Task Fit_IndustryQuestion_AnsweredFirstWithTheEnginesBestFit(string text, string industry)
    {
        var result = await fixture.AskAsync(TeamData.Ops, text);

        var view = Assert.IsType<FitView>(result.View);
        Assert.Equal(industry, view.Question?.Industry);
        var engine = EngineResults.Fit(Workspace).BestFit.Single(b => b.Industry == industry);
        Assert.Equal(engine.BestRepId, view.Question!.Best?.RepId);
        Assert.StartsWith(view.Question.Best is null ? "Nobody" : view.Question.Best.Name, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_OpsBestFitTable_EqualsTheEngines()
    {
        var result = await fixture.PressAsync(TeamData.Ops, FitPlugin.ShowVerb, "{}");

        var view = Assert.IsType<FitView>(result.View);
        var engine = EngineResults.Fit(Workspace).BestFit.Where(b => b.BestRepId is not null).ToList();
        Assert.Equal(engine.Select(b => (b.Industry, b.BestRepId, b.RunnerUpRepId)), view.BestFit.Select(b => (b.Industry, (string?)b.RepId, b.RunnerUpId)));
        Assert.Equal(6, view.Reps.Count);
    }

    [Theory]
    [InlineData("how do I fit my accounts")]
    [InlineData("what's my win rate")]
    [InlineData("who fits the fintech accounts best")]
    public async Task Fit_Rep_SeesOwnRowOnly(string text)
    {
        var result = await fixture.AskAsync("R002", text);

        var view = Assert.IsType<FitView>(result.View);
        Assert.True(view.Self);
        Assert.Equal(["R002"], view.Reps.Select(r => r.RepId));
        Assert.Empty(view.BestFit);
        Assert.True(view.Question is null || view.Question.Ranking.Select(r => r.RepId).SequenceEqual(["R002"]));
    }

    [Fact]
    public async Task Fit_ManagerNamingATeamRep_ShowsThatRep()
    {
        var result = await fixture.PressAsync(TeamData.ManagerA, FitPlugin.ShowVerb, """{"repId":"r003"}""");
        Assert.Equal(["R003"], Assert.IsType<FitView>(result.View).Reps.Select(r => r.RepId));
    }
}
