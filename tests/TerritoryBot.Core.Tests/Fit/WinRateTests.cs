using TerritoryBot.Core.Fit;

namespace TerritoryBot.Core.Tests.Fit;

public sealed class WinRateTests
{
    [Fact]
    public void Smooth_SixOfSixAtThirtyPercentTeam_StaysFarFromHundredPercent()
    {
        var rate = WinRate.Smooth(6, 6, 0.30, 10);
        // (6 + 10·0.3) / (6 + 10) = 0.5625
        Assert.Equal(0.5625, rate.Smoothed, 10);
        Assert.Equal(1.0, rate.Raw);
        Assert.Equal(6, rate.Deals);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.27)]
    [InlineData(1.0)]
    public void Smooth_NoDeals_EqualsTeamRate(double team)
    {
        var rate = WinRate.Smooth(0, 0, team, 10);
        Assert.Equal(team, rate.Smoothed, 12);
        Assert.Null(rate.Raw);
    }

    [Fact]
    public void Smooth_ZeroPriorStrength_EqualsRawRate() =>
        Assert.Equal(0.75, WinRate.Smooth(3, 4, 0.2, 0).Smoothed, 12);

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    public void Smooth_InconsistentCounts_Throws(int wins, int deals) =>
        Assert.ThrowsAny<ArgumentException>(() => WinRate.Smooth(wins, deals, 0.3, 10));

    [Fact]
    public void Smooth_RandomInputs_MonotoneInWinsBetweenRawAndPrior()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 2000; trial++)
        {
            int deals = random.Next(0, 60);
            int wins = random.Next(0, deals + 1);
            double prior = random.NextDouble();
            double k = random.NextDouble() * 30;
            var rate = WinRate.Smooth(wins, deals, prior, k);
            Assert.InRange(rate.Smoothed, 0, 1);
            if (wins < deals)
            {
                Assert.True(WinRate.Smooth(wins + 1, deals, prior, k).Smoothed >= rate.Smoothed);
            }

            if (rate.Raw is { } raw)
            {
                // The posterior mean lies between the raw rate and the prior.
                Assert.InRange(rate.Smoothed, Math.Min(raw, prior) - 1e-12, Math.Max(raw, prior) + 1e-12);
            }
        }
    }
}
