using CsCheck;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Design;

public sealed class TargetSharesTests
{
    private static Rep R(string id, double? quota = null, int? capacity = null, bool ramping = false) =>
        new() { RepId = id, Name = id, Quota = quota, Capacity = capacity, Ramping = ramping };

    [Fact]
    public void Compute_Quota_SharesProportionalWithMeanForMissingAndRampingScaled()
    {
        var set = TargetShares.Compute([R("a", 800_000), R("b", 1_600_000), R("c"), R("d", 1_200_000, ramping: true)], TargetMode.Quota, rampingFactor: 0.5);
        // Weights 0.8, 1.6, 1.2 (mean of the known), 1.2 × 0.5 → total 4.2.
        Assert.Equal([0.8 / 4.2, 1.6 / 4.2, 1.2 / 4.2, 0.6 / 4.2], set.Shares.Select(s => Math.Round(s, 12)), new RoundedComparer());
        Assert.Equal(["c"], set.Filled);
        Assert.False(set.FellBackToEqual);
    }

    [Fact]
    public void Compute_CapacityNobodyHasOne_FallsBackToEqual()
    {
        var set = TargetShares.Compute([R("a"), R("b")], TargetMode.Capacity);
        Assert.True(set.FellBackToEqual);
        Assert.Equal([0.5, 0.5], set.Shares);
    }

    [Fact]
    public void Compute_AnyTeam_SharesPositiveAndSumToOne()
    {
        var rep = Gen.Select(Gen.Double[1, 5_000_000].Nullable(), Gen.Int[1, 2_000].Nullable(), Gen.Bool)
            .Select((q, c, ramping) => (q, c, ramping));
        Gen.Select(rep.Array[1, 30], Gen.Int[0, 2].Select(i => (TargetMode)i), Gen.Double[0.1, 1])
            .Sample((team, mode, ramp) =>
            {
                var reps = team.Select((t, i) => R($"r{i}", t.q, t.c, t.ramping)).ToArray();
                var shares = TargetShares.Compute(reps, mode, ramp).Shares;
                return shares.All(s => s > 0) && Math.Abs(shares.Sum() - 1) < 1e-9;
            });
    }

    /// <summary>
    /// With quota targets each territory's share of potential follows its quota share more closely than with equal targets
    /// (mean absolute gap between potential share and quota share), on generated teams with unequal quotas.
    /// </summary>
    [Fact]
    public void Run_QuotaTargets_PotentialShareTracksQuotaShareBetterThanEqual()
    {
        Gen.Int[1, 1_000].Sample(seed =>
        {
            var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 300, Reps = 5, Seed = seed, Ramping = false });
            var quotas = input.Data.Reps.Select(r => r.Quota!.Value).ToArray();
            if (quotas.Distinct().Count() == 1)
            {
                return true; // equal quotas: both modes ask for the same thing
            }

            double Gap(TargetMode mode)
            {
                var result = DesignEngine.Run(input, new DesignOptions { Seed = seed, Targets = mode, Scenarios = [ScenarioNames.Workload], Parallel = false });
                var territories = result.Scenarios[0].Territories;
                double total = territories.Sum(t => t.Potential), quotaTotal = quotas.Sum();
                return input.Data.Reps.Select((r, i) => Math.Abs(territories.Single(t => t.RepId == r.RepId).Potential / total - quotas[i] / quotaTotal)).Average();
            }

            return Gap(TargetMode.Quota) < Gap(TargetMode.Equal);
        }, iter: 8);
    }

    [Fact]
    public void Run_QuotaTargets_MetricsSayWhichTargets()
    {
        var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 120, Reps = 4, Seed = 3 });
        var result = DesignEngine.Run(input, new DesignOptions { Targets = TargetMode.Quota, Scenarios = [ScenarioNames.Geographic] });
        Assert.Equal(TargetMode.Quota, result.Scenarios[0].Metrics.Targets);
        Assert.Equal(TargetMode.Quota, result.Current.Metrics.Targets);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
