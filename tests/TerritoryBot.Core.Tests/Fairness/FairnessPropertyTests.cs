using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Fairness;

public sealed class FairnessPropertyTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_RandomUniverse_InvariantsHold(int seed)
    {
        var rng = new Random(seed);
        var t = TestData.Random(seed, accountCount: 60 + rng.Next(240), repCount: 2 + rng.Next(9), namedShare: rng.NextDouble() * 0.3);
        double tolerance = new[] { 0.0, 5, 10, 15, 25 }[rng.Next(5)];
        var locked = t.Data.Accounts.Where(_ => rng.NextDouble() < 0.05).Select(a => a.AccountId).ToHashSet();
        var options = new FairnessOptions { TolerancePct = tolerance, LockedAccountIds = locked, ProtectPipeline = rng.Next(2) == 0 };
        var data = t.Data;

        var report = FairnessEngine.Assess(data, t.Scores, null, AsOf, options);

        // Outliers are exactly the reps whose potential deviates from the mean by more than the tolerance, recomputed here.
        var potential = data.Reps.ToDictionary(r => r.RepId, _ => 0.0);
        var score = t.Scores.ToDictionary(s => s.AccountId);
        foreach (var a in data.Accounts.Where(a => a.OwnerId is not null))
        {
            potential[a.OwnerId!] += score[a.AccountId].PotentialArr;
        }

        double mean = potential.Values.Average();
        var expectedOutliers = data.Reps.Where(r => Math.Abs(potential[r.RepId] - mean) * 100 / mean > tolerance + 1e-7).Select(r => r.RepId);
        Assert.Equal(expectedOutliers, report.Outliers);
        Assert.Equal(0, report.Territories.Sum(x => x.DeviationPct), 6);
        Assert.Equal(data.Accounts.Count(a => a.OwnerId is not null), report.Territories.Sum(x => x.AccountCount));

        // Moves: real accounts, each once, from their actual owner, never named, locked or (when protected) with pipeline.
        var accounts = data.Accounts.ToDictionary(a => a.AccountId);
        var open = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
        var moves = report.Adjustments.Moves;
        Assert.Equal(moves.Count, moves.Select(m => m.AccountId).Distinct().Count());
        foreach (var m in moves)
        {
            Assert.True(accounts.TryGetValue(m.AccountId, out var a));
            Assert.False(a!.NamedAccount);
            Assert.DoesNotContain(m.AccountId, locked);
            Assert.Equal(a.OwnerId ?? "", m.FromRepId);
            Assert.NotEqual(m.FromRepId, m.ToRepId);
            Assert.True(potential.ContainsKey(m.ToRepId));
            if (options.ProtectPipeline)
            {
                Assert.DoesNotContain(m.AccountId, open);
            }
        }

        // Totals conserved: every account's potential is somewhere (a territory or the unassigned pool) after the moves.
        double totalPotential = t.Scores.Sum(s => s.PotentialArr);
        double unassignedAfter = data.Accounts.Where(a => a.OwnerId is null && moves.All(m => m.AccountId != a.AccountId))
            .Sum(a => score[a.AccountId].PotentialArr);
        Assert.Equal(totalPotential, report.Adjustments.TerritoriesAfter.Sum(x => x.PotentialArr) + unassignedAfter, 3);
        Assert.True(report.Adjustments.MaxAbsDeviationAfterPct <= report.Adjustments.MaxAbsDeviationBeforePct + 1e-9);

        if (report.Adjustments.WithinTolerance)
        {
            FairnessEngineTests.AssertInsideAfterApplying(data, t.Scores, moves, tolerance);
        }

        // Same input, same answer.
        var again = FairnessEngine.Assess(data, t.Scores, null, AsOf, options);
        Assert.Equal(moves.Select(m => (m.AccountId, m.ToRepId, m.Rationale)), again.Adjustments.Moves.Select(m => (m.AccountId, m.ToRepId, m.Rationale)));
        Assert.Equal(report.MostDisadvantaged, again.MostDisadvantaged);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_FineGrainedUnlockedUniverse_AlwaysReachesTolerance(int seed)
    {
        // Many small accounts and no locks: a ±10% band is always reachable, so the search must reach it.
        var rng = new Random(seed);
        var t = TestData.Random(seed, accountCount: 300 + rng.Next(300), repCount: 2 + rng.Next(8), namedShare: 0, unassignedShare: 0, maxPotential: 60_000);

        var report = FairnessEngine.Assess(t.Data, t.Scores, null, AsOf);

        Assert.True(report.Adjustments.WithinTolerance, report.Adjustments.Explanation);
        FairnessEngineTests.AssertInsideAfterApplying(t.Data, t.Scores, report.Adjustments.Moves, 10);
        Assert.All(report.Adjustments.Moves, m => Assert.False(string.IsNullOrWhiteSpace(m.Rationale)));
    }
}
