using System.Text.RegularExpressions;
using TerritoryBot.Conversation;
using TerritoryBot.Plugins;

namespace TerritoryBot.Tests.Plugins;

/// <summary>
/// Reps never get team-level analysis nor another rep's fit; managers never see the other team. Checked on what
/// the person receives (text and card JSON), for many phrasings and for forged button data.
/// </summary>
public sealed class TeamPermissionTests(TeamFixture fixture) : IClassFixture<TeamFixture>
{
    [Theory]
    [InlineData("compare scenarios")]
    [InlineData("rebalance with at most 10% of accounts moved")]
    [InlineData("show me the geographic scenario")]
    [InlineData("what would the workload split look like for R004")]
    [InlineData("fairness check before I announce")]
    [InlineData("is my territory fair compared to R004?")]
    [InlineData("am I the most disadvantaged rep")]
    [InlineData("where are our coverage gaps")]
    [InlineData("where should we add headcount")]
    [InlineData("which reps are overloaded")]
    public async Task Ask_RepAsksForTeamAnalysis_RefusedWithoutData(string text)
    {
        var result = await fixture.AskAsync("R002", text);

        Assert.IsType<Refusal>(result.View);
        Assert.Null(result.Card);
        AssertNothingOfOthers(result, "R002");
    }

    [Theory]
    [InlineData("scenarios.compare", "{}")]
    [InlineData("scenarios.compare", """{"percent":5}""")]
    [InlineData("scenario.show", """{"scenario":"geographic"}""")]
    [InlineData("scenario.show", """{"scenario":"current","repId":"R004"}""")]
    [InlineData("fairness.show", "{}")]
    [InlineData("fairness.show", """{"scenario":"rebalance","percent":10}""")]
    [InlineData("gaps.show", """{"repId":"R001"}""")]
    [InlineData("fit.show", """{"repId":"R004"}""")]
    [InlineData("fit.show", """{"repId":"r001"}""")]
    public async Task Press_RepForgesTeamButtons_RefusedWithoutData(string verb, string data)
    {
        var result = await fixture.PressAsync("R002", verb, data);

        Assert.IsType<Refusal>(result.View);
        Assert.Null(result.Card);
        AssertNothingOfOthers(result, "R002");
    }

    [Theory]
    [InlineData("how does R004 fit")]
    [InlineData("what's Harper Jackson's win rate")]
    [InlineData("compare my fit with R001")]
    [InlineData("who fits healthcare best, me or R003?")]
    public async Task Ask_RepAsksAboutAnotherRepsFit_Refused(string text)
    {
        var result = await fixture.AskAsync("R002", text);

        Assert.IsType<Refusal>(result.View);
        AssertNothingOfOthers(result, "R002");
    }

    [Theory]
    [InlineData("R001", "how do I fit my accounts")]
    [InlineData("R002", "who fits the fintech accounts best")]
    [InlineData("R005", "which rep is best for healthcare")]
    [InlineData("R006", "what's my win rate by industry")]
    [InlineData("R003", "fit.show")]
    public async Task Ask_RepOwnFit_MentionsNobodyElse(string rep, string text)
    {
        var result = text == "fit.show" ? await fixture.PressAsync(rep, text, "{}") : await fixture.AskAsync(rep, text);

        var view = Assert.IsType<FitView>(result.View);
        Assert.Equal([rep], view.Reps.Select(r => r.RepId));
        AssertNothingOfOthers(result, rep);
    }

    [Theory]
    [InlineData("compare scenarios", "")]
    [InlineData("rebalance with at most 10% of accounts moved", "")]
    [InlineData("show the workload scenario", "")]
    [InlineData("fairness check", "")]
    [InlineData("is the hybrid scenario fair", "")]
    [InlineData("where are our coverage gaps", "")]
    [InlineData("who fits the fintech accounts best", "")]
    [InlineData("rep fit table", "")]
    [InlineData("scenario.show", """{"scenario":"rebalance"}""")]
    [InlineData("scenario.show", """{"scenario":"current"}""")]
    [InlineData("scenarios.compare", """{"percent":20}""")]
    [InlineData("fairness.show", """{"scenario":"geographic"}""")]
    [InlineData("gaps.show", "{}")]
    [InlineData("fit.show", "{}")]
    public async Task Ask_Manager_SeesNothingOfTheOtherTeam(string textOrVerb, string data)
    {
        foreach (var (manager, team, others) in new[]
                 {
                     (TeamData.ManagerA, TeamData.TeamA, TeamData.TeamB),
                     (TeamData.ManagerB, TeamData.TeamB, TeamData.TeamA),
                 })
        {
            var result = data.Length > 0 ? await fixture.PressAsync(manager, textOrVerb, data) : await fixture.AskAsync(manager, textOrVerb);

            Assert.NotNull(result.Card);
            Assert.Contains("your team only", result.Text, StringComparison.Ordinal);
            var everything = TeamFixture.Everything(result);
            AssertAbsent(everything, others, unassignedToo: true);
            Assert.Contains(team, id => Regex.IsMatch(everything, $@"\b{id}\b"));
        }
    }

    [Theory]
    [InlineData("how does R004 fit")]
    [InlineData("fit.show")]
    public async Task Ask_ManagerNamesARepOfTheOtherTeam_Refused(string text)
    {
        var result = text == "fit.show"
            ? await fixture.PressAsync(TeamData.ManagerA, text, """{"repId":"R005"}""")
            : await fixture.AskAsync(TeamData.ManagerA, text);

        Assert.IsType<Refusal>(result.View);
        AssertAbsent(TeamFixture.Everything(result), TeamData.TeamB, unassignedToo: true);
    }

    /// <summary>No other rep's id or full name, and no account the rep does not own, in the text or card.</summary>
    private void AssertNothingOfOthers(TurnResult result, string self) =>
        AssertAbsent(TeamFixture.Everything(result), [.. fixture.Harness.Data.Reps.Where(r => r.CarriesTerritory && r.RepId != self).Select(r => r.RepId)],
            unassignedToo: true);

    private void AssertAbsent(string everything, IReadOnlyList<string> repIds, bool unassignedToo)
    {
        var data = fixture.Harness.Data;
        foreach (var rep in data.Reps.Where(r => repIds.Contains(r.RepId)))
        {
            Assert.DoesNotMatch($@"\b{rep.RepId}\b", everything);
            Assert.DoesNotContain(rep.Name, everything, StringComparison.Ordinal);
        }

        var hidden = data.Accounts.Where(a => a.OwnerId is null ? unassignedToo : repIds.Contains(a.OwnerId)).ToList();
        foreach (var account in hidden)
        {
            Assert.DoesNotContain(account.AccountId, everything, StringComparison.Ordinal);
        }
    }
}
