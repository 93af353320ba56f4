using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Tests.Statistics;

public sealed class DistributionTests
{
    [Theory]
    [InlineData(new double[] { 5, 5, 5, 5 }, 0.0)]
    [InlineData(new double[] { 0, 0, 0, 10 }, 0.75)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.25)]
    public void Gini_KnownDistributions_MatchesTextbookValue(double[] values, double expected) =>
        Assert.Equal(expected, Distribution.Gini(values), 10);

    [Fact]
    public void Gini_RandomValues_StaysInUnitIntervalAndIsScaleInvariant()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            var values = Enumerable.Range(0, random.Next(2, 50)).Select(_ => random.NextDouble() * 1000).ToArray();
            double g = Distribution.Gini(values);
            Assert.InRange(g, 0, 1);
            Assert.Equal(g, Distribution.Gini(values.Select(v => v * 3.5).ToArray()), 9);
        }
    }

    [Fact]
    public void Gini_NegativeValue_Throws() =>
        Assert.Throws<ArgumentException>(() => Distribution.Gini([1, -1]));

    [Fact]
    public void CoefficientOfVariation_KnownValues_Matches() =>
        Assert.Equal(0.5, Distribution.CoefficientOfVariation([1, 3]), 10);

    [Fact]
    public void RelativeSpread_KnownValues_Matches() =>
        Assert.Equal(1.0, Distribution.RelativeSpread([1, 2, 3]), 10);

    [Fact]
    public void Percentile_Interpolates() =>
        Assert.Equal(2.5, Distribution.Percentile([4, 1, 3, 2], 0.5), 10);

    [Fact]
    public void Spearman_MonotoneTransform_IsOne() =>
        Assert.Equal(1.0, Distribution.Spearman([1, 5, 2, 9], [1, 125, 8, 729]), 10);
}
