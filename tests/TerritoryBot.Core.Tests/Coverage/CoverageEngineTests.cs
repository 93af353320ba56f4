using TerritoryBot.Core.Coverage;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tests.Fairness;

namespace TerritoryBot.Core.Tests.Coverage;

public sealed class CoverageEngineTests
{
    private static readonly GeoPoint Denver = new(39.74, -104.99);
    private static readonly GeoPoint Boise = new(43.62, -116.20);

    /// <summary>
    /// Background: 4 reps within capacity, 200 low-potential accounts spread over the western US.
    /// Planted: dense unowned high-potential accounts around Denver (and, optionally, a smaller set around Boise).
    /// </summary>
    private static TestData Universe(int seed, int denver, int boise)
    {
        var rng = new Random(seed);
        var t = new TestData();
        for (int r = 0; r < 4; r++)
        {
            t.Rep($"R{r}", home: new GeoPoint(34 + r, -118 + r), capacity: 100);
        }

        for (int i = 0; i < 200; i++)
        {
            t.Account($"B{i}", $"R{i % 4}", 10_000 + rng.Next(20_000), at: new GeoPoint(32 + rng.NextDouble() * 12, -122 + rng.NextDouble() * 20),
                city: $"Town{i}", region: "West");
        }

        Plant(t, rng, "D", denver, Denver, "Denver", "CO");
        Plant(t, rng, "I", boise, Boise, "Boise", "ID");
        return t;
    }

    private static void Plant(TestData t, Random rng, string prefix, int count, GeoPoint at, string city, string region)
    {
        for (int i = 0; i < count; i++)
        {
            var p = new GeoPoint(at.Latitude + (rng.NextDouble() - 0.5) * 0.3, at.Longitude + (rng.NextDouble() - 0.5) * 0.3);
            t.Account($"{prefix}{i}", null, 300_000 + rng.Next(100_000), at: p, city: city, region: region, tier: Tier.Enterprise);
        }
    }

    private static readonly CoverageOptions FixedRate = new() { WinRate = 0.25 };

    [Fact]
    public void Analyze_PlantedUncoveredCluster_IsFoundWithItsNumbers()
    {
        var t = Universe(1, denver: 30, boise: 0);

        var report = CoverageEngine.Analyze(t.Data, t.Scores, null, FixedRate);

        var cluster = Assert.Single(report.Clusters);
        Assert.Equal("Denver, CO", cluster.Label);
        Assert.Equal(30, cluster.Accounts);
        Assert.Equal(30, cluster.UnassignedAccounts);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"D{i}").Order(), cluster.AccountIds.Order());
        double planted = t.Scores.Where(s => s.AccountId.StartsWith('D')).Sum(s => s.PotentialArr);
        Assert.Equal(planted, cluster.PotentialArr, 6);
        Assert.Equal(planted * 0.25, cluster.OpportunityCost, 6);
        Assert.True(cluster.Centroid.DistanceKm(Denver) < 20);
        Assert.True(cluster.RadiusKm < 30);
        Assert.Empty(cluster.Owners);
    }

    [Fact]
    public void Analyze_OverloadedOwner_CoversItsShareAndClustersTheRest()
    {
        var t = new TestData().Rep("R0", capacity: 10).Rep("R1", capacity: 100);
        for (int i = 0; i < 40; i++)
        {
            t.Account($"A{i}", "R0", 100_000, at: new GeoPoint(Denver.Latitude + i * 0.001, Denver.Longitude), city: "Denver", region: "CO");
        }

        for (int i = 0; i < 40; i++)
        {
            t.Account($"C{i}", "R1", 1_000, region: "CO");
        }

        var report = CoverageEngine.Analyze(t.Data, t.Scores, null, FixedRate);

        var r0 = report.Reps[0];
        Assert.Equal(400, r0.LoadPct, 9);
        Assert.Equal(4_000_000 * 0.75, r0.UncoveredPotential, 6);
        Assert.Equal(4_000_000 * 0.75 * 0.25, r0.OpportunityCost, 6);
        Assert.Equal(0, report.Reps[1].UncoveredPotential);
        var cluster = Assert.Single(report.Clusters);
        Assert.Equal(40, cluster.Accounts);
        Assert.Equal(new ClusterOwner("R0", 40, 400), Assert.Single(cluster.Owners));

        // A new rep of average capacity (55) takes R0's accounts: R0 is down to 0 accounts and everything is covered.
        var add = Assert.IsType<HeadcountRecommendation>(report.AddRep);
        Assert.Equal(40, add.AccountsTaken);
        Assert.Equal(4_000_000 * 0.75 * 0.25, add.RecoveredOpportunityCost, 6);
    }

    [Fact]
    public void Analyze_TwoGaps_AddRepPicksTheLargerPlantedGap()
    {
        var t = Universe(2, denver: 40, boise: 12);

        var report = CoverageEngine.Analyze(t.Data, t.Scores, null, FixedRate);

        Assert.Equal(2, report.ClusterCount);
        Assert.Equal("Denver, CO", report.Clusters[0].Label);
        var add = Assert.IsType<HeadcountRecommendation>(report.AddRep);
        Assert.All(add.AccountIds, id => Assert.StartsWith("D", id));
        Assert.Equal(40, add.AccountsTaken);
        Assert.True(add.Label is "Denver, CO" or "CO", add.Label);
        Assert.Contains("runner-up", add.Sentence);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Analyze_RandomUniverse_CostsNonNegativeAndSlicesAddUp(int seed)
    {
        var t = TestData.Random(seed, 400, 1 + seed % 6);

        var report = CoverageEngine.Analyze(t.Data, t.Scores, null, new CoverageOptions { ClusterRadiusKm = 150, MinClusterAccounts = 3 });

        double total = t.Scores.Sum(s => s.PotentialArr);
        Assert.Equal(total, report.Summary.PotentialArr, 3);
        Assert.Equal(total, report.BySegment.Sum(s => s.PotentialArr), 3);
        Assert.Equal(total, report.ByRegion.Sum(s => s.PotentialArr), 3);
        Assert.Equal(report.Summary.OpportunityCost, report.BySegment.Sum(s => s.OpportunityCost), 3);
        Assert.Equal(report.Summary.OpportunityCost, report.ByRegion.Sum(s => s.OpportunityCost), 3);
        Assert.All(report.BySegment.Concat(report.ByRegion), s =>
        {
            Assert.True(s.OpportunityCost >= 0);
            Assert.InRange(s.UncoveredPotential, 0, s.PotentialArr + 1e-6);
        });
        Assert.All(report.Clusters, c =>
        {
            Assert.True(c.OpportunityCost >= 0);
            Assert.True(c.Accounts >= 3);
            Assert.Equal(c.Accounts, c.AccountIds.Count);
        });
        Assert.All(report.AddRepCandidates, c => Assert.InRange(c.RecoveredOpportunityCost, 0, report.Summary.OpportunityCost + 1e-6));
        var clustered = report.Clusters.SelectMany(c => c.AccountIds).ToList();
        Assert.Equal(clustered.Count, clustered.Distinct().Count());

        var again = CoverageEngine.Analyze(t.Data, t.Scores, null, new CoverageOptions { ClusterRadiusKm = 150, MinClusterAccounts = 3 });
        Assert.Equal(report.Clusters.Select(c => c.Sentence), again.Clusters.Select(c => c.Sentence));
        Assert.Equal(report.AddRep?.Sentence, again.AddRep?.Sentence);
    }

    [Fact]
    public void Analyze_SixOfSixWon_WinRateIsSmoothedTowardThePrior()
    {
        var t = new TestData().Rep("R0").Account("A", "R0", 1_000);
        for (int i = 0; i < 6; i++)
        {
            t.Opportunity("A", "R0", 10_000, "Closed Won");
        }

        var report = CoverageEngine.Analyze(t.Data, t.Scores);

        // (6 + 0.2 × 10) / (6 + 10)
        Assert.Equal(0.5, report.Summary.WinRate, 12);
        Assert.Equal(6, report.Summary.ClosedDeals);
    }

    [Fact]
    public void Analyze_MissingCapacity_UsesDocumentedDefault()
    {
        var t = new TestData().Rep("R0");
        for (int i = 0; i < 500; i++)
        {
            t.Account($"A{i}", "R0", 1_000);
        }

        var report = CoverageEngine.Analyze(t.Data, t.Scores);

        Assert.Equal(250, report.Reps[0].Capacity);
        Assert.True(report.Reps[0].DefaultCapacity);
        Assert.Equal(200, report.Reps[0].LoadPct, 9);
        Assert.Equal(1, report.Summary.RepsWithDefaultCapacity);
    }

    [Fact]
    public void Dbscan_TwoBlobsAndAStray_TwoClustersAndNoise()
    {
        var points = new List<GeoPoint>();
        for (int i = 0; i < 10; i++)
        {
            points.Add(new GeoPoint(40 + i * 0.01, -105));
            points.Add(new GeoPoint(30 + i * 0.01, -90));
        }

        points.Add(new GeoPoint(0, 0));

        var labels = SpatialClusters.Dbscan(points, 25, 4);

        Assert.Equal(2, labels.Max() + 1);
        Assert.Equal(-1, labels[^1]);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(labels[0], labels[2 * i]));
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(labels[1], labels[2 * i + 1]));
        Assert.NotEqual(labels[0], labels[1]);
    }

    [Fact]
    public void Dbscan_AcrossTheDateLine_IsOneCluster()
    {
        GeoPoint[] points = [new(-17, 179.95), new(-17, 179.98), new(-17, -179.98), new(-17, -179.95)];

        var labels = SpatialClusters.Dbscan(points, 20, 4);

        Assert.All(labels, l => Assert.Equal(0, l));
    }
}
