using CsCheck;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Fit;

/// <summary>The one ranking rule (<see cref="FitEngine.RankIn"/>) and the best fit built on it.</summary>
public sealed class FitRankingTests
{
    private const string Industry = "Software";

    private static RepFit Rep(string id, int wins, int deals)
    {
        var rate = WinRate.Smooth(wins, deals, 0.4, 10);
        return new RepFit
        {
            RepId = id, Name = id, Seniority = Seniority.Mid, Ramping = false, IndustryStrengths = [],
            Overall = rate, ByIndustry = new Dictionary<string, WinRate> { [Industry] = rate }, BySegment = new Dictionary<Tier, WinRate>(),
            OpenOpportunities = 0, OpenPipeline = 0, WonAmount = 0, AverageWonDeal = null,
        };
    }

    // Few distinct records, so equal rates (and equal deal counts) are common; ids run against the input order.
    private static readonly Gen<RepFit[]> Reps =
        Gen.Int[0, 3].SelectMany(deals => Gen.Int[0, deals].Select(wins => (wins, deals))).Array[1, 8]
            .Select(records => records.Select((r, i) => Rep($"R{records.Length - i}", r.wins, r.deals)).ToArray());

    private static bool InOrder(RepFit a, RepFit b)
    {
        var (x, y) = (a.ByIndustry[Industry], b.ByIndustry[Industry]);
        return x.Smoothed != y.Smoothed ? x.Smoothed > y.Smoothed
            : x.Deals != y.Deals ? x.Deals > y.Deals
            : string.CompareOrdinal(a.RepId, b.RepId) < 0;
    }

    [Fact]
    public void RankIn_RandomReps_IsAPermutationInRuleOrder() =>
        Reps.Sample(reps =>
        {
            var ranked = FitEngine.RankIn(Industry, reps);
            Assert.Equal(reps.Select(r => r.RepId).Order(StringComparer.Ordinal), ranked.Select(r => r.RepId).Order(StringComparer.Ordinal));
            Assert.All(ranked.Zip(ranked.Skip(1)), pair => Assert.True(InOrder(pair.First, pair.Second), $"{pair.First.RepId} before {pair.Second.RepId}"));
        });

    [Fact]
    public void BestFitFor_RandomReps_FirstTwoOfTheRankingWhateverTheInputOrder() =>
        Reps.Sample(reps =>
        {
            var team = WinRate.Smooth(1, 2, 0.4, 10);
            var fit = FitEngine.BestFitFor(Industry, team, reps);
            Assert.Equal(fit, FitEngine.BestFitFor(Industry, team, reps.Reverse().ToArray()));
            if (reps.All(r => r.ByIndustry[Industry].Deals == 0))
            {
                Assert.Null(fit.BestRepId);
                return;
            }

            var ranked = FitEngine.RankIn(Industry, reps);
            Assert.Equal(ranked[0].RepId, fit.BestRepId);
            Assert.Equal(ranked.Count > 1 ? ranked[1].RepId : null, fit.RunnerUpRepId);
        });

    [Fact]
    public void RankIn_EqualRateAndDeals_LowerIdFirst()
    {
        var ranked = FitEngine.RankIn(Industry, [Rep("R2", 1, 2), Rep("R10", 1, 2), Rep("R1", 0, 2)]);
        Assert.Equal(["R10", "R2", "R1"], ranked.Select(r => r.RepId));
    }
}
