using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class ComparableIndexTests
{
    [Theory]
    [InlineData(1, 1.5, 7, 32)]
    [InlineData(2, 0.8, 5, 10)]
    [InlineData(3, 3.0, 3, 1000)]
    [InlineData(4, 1.2, 1, 5)]
    [InlineData(5, 9.0, 7, 7)]
    public void Search_RandomUniverse_SameAsBruteForceOverThePool(int seed, double radius, int k, int pool)
    {
        var data = RandomUniverse.Create(seed, accounts: 600);
        var model = new IcpFitModel(data.Icp);
        var fit = data.Accounts.Select(model.Score).ToArray();
        var isCustomer = data.Accounts.Select(a => a.IsCustomer && a.CurrentArr > 0).ToArray();
        var features = Firmographics.Build(data.Accounts, isCustomer, fit, new ParallelOptions());
        var customers = Enumerable.Range(0, data.Accounts.Count).Where(i => isCustomer[i]).ToArray();
        var index = new ComparableIndex(features, customers);
        var found = new int[k];
        var distances = new double[k];
        for (int a = 0; a < data.Accounts.Count; a++)
        {
            int m = index.Search(a, radius, pool, found, distances);
            // The pool: the nearest in size of the same industry, topped up from other industries when short.
            double Gap(int c) => Math.Abs(Key(features, a) - Key(features, c));
            var same = customers.Where(c => c != a && features.Industry[c] == features.Industry[a]).OrderBy(Gap).Take(pool).ToList();
            var other = customers.Where(c => features.Industry[c] != features.Industry[a]).OrderBy(Gap).Take(pool - same.Count);
            var expected = same.Concat(other).Select(c => index.Distance(a, c)).Where(d => d <= radius).Order().Take(k).ToArray();
            Assert.Equal(expected.Length, m);
            for (int j = 0; j < m; j++)
            {
                Assert.Equal(expected[j], distances[j], 12);
                Assert.Equal(distances[j], index.Distance(a, found[j]), 12);
            }
        }
    }

    private static double Key(Firmographics f, int i) => (f.LogEmployees[i] + f.LogRevenue[i]) / Math.Sqrt(2);
}
