using TerritoryBot.Core.Design;

namespace TerritoryBot.Core.Tests.Design;

public class ScenarioSearchTests
{
    public static IEnumerable<object[]> Cases() =>
        from seed in Enumerable.Range(1, 4)
        from name in ScenarioNames.All
        select new object[] { seed, name };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MoveAndSwapDelta_RandomCandidates_EqualFullRecomputation(int seed, string scenario)
    {
        var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 60, Reps = 4, Seed = seed });
        var options = new DesignOptions { Seed = seed, ProtectPipeline = true };
        var problem = DesignProblem.Build(input, options);
        var search = new ScenarioSearch(problem, ScenarioSpec.For(scenario, options), options, seed);
        search.Construct();
        var rng = new Random(seed);
        int checkedMoves = 0;
        for (int t = 0; t < 300; t++)
        {
            int i = rng.Next(problem.N);
            double before = search.FullObjective();
            if (t % 2 == 0)
            {
                int b = rng.Next(problem.K);
                if (!search.CanMove(i, b))
                {
                    continue;
                }

                double delta = search.MoveDelta(i, b);
                search.ApplyMove(i, b);
                AssertClose(before + delta, search.FullObjective());
            }
            else
            {
                int j = rng.Next(problem.N);
                if (!search.CanSwap(i, j))
                {
                    continue;
                }

                double delta = search.SwapDelta(i, j);
                search.ApplySwap(i, j);
                AssertClose(before + delta, search.FullObjective());
            }

            checkedMoves++;
        }

        Assert.True(checkedMoves > 10);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Search_AfterRun_TrackedObjectiveEqualsFullAndNeverRises(int seed, string scenario)
    {
        var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = 150, Reps = 5, Seed = seed });
        var options = new DesignOptions { Seed = seed };
        var problem = DesignProblem.Build(input, options);
        var search = new ScenarioSearch(problem, ScenarioSpec.For(scenario, options), options, seed);
        search.Construct();
        search.Search();
        AssertClose(search.FullObjective(), search.TrackedObjective, 1e-7);
        Assert.True(search.TrackedObjective <= search.InitialObjective + 1e-12);
    }

    private static void AssertClose(double expected, double actual, double relative = 1e-10) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData(1, 5, 1)]
    [InlineData(2, 50, 3)]
    [InlineData(3, 300, 8)]
    [InlineData(4, 1000, 12)]
    public void KdTree_Nearest_EqualsBruteForce(int seed, int points, int m)
    {
        var rng = new Random(seed);
        var xyz = Enumerable.Range(0, points).Select(_ => DesignProblem.ToXyz(new(rng.NextDouble() * 180 - 90, rng.NextDouble() * 360 - 180))).ToArray();
        var tree = new KdTree(xyz.Select(p => p.X).ToArray(), xyz.Select(p => p.Y).ToArray(), xyz.Select(p => p.Z).ToArray(), Enumerable.Range(100, points).ToArray());
        for (int q = 0; q < 50; q++)
        {
            var (x, y, z) = DesignProblem.ToXyz(new(rng.NextDouble() * 180 - 90, rng.NextDouble() * 360 - 180));
            var result = new int[m];
            int found = tree.Nearest(x, y, z, result, new double[m]);
            var expected = Enumerable.Range(0, points)
                .OrderBy(p => (xyz[p].X - x) * (xyz[p].X - x) + (xyz[p].Y - y) * (xyz[p].Y - y) + (xyz[p].Z - z) * (xyz[p].Z - z)).ThenBy(p => p)
                .Take(m).Select(p => p + 100).ToArray();
            Assert.Equal(expected, result[..found]);
        }
    }
}
