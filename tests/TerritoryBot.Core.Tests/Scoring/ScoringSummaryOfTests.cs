using System.Text.Json;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class ScoringSummaryOfTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SummaryOf_EveryAccount_EqualsTheRunSummary(int seed)
    {
        var result = ScoringEngine.Score(RandomUniverse.Create(seed), RandomUniverse.AsOf);
        var all = result.SummaryOf(Enumerable.Range(0, result.Accounts.Count).Reverse());
        Assert.Equal(JsonSerializer.Serialize(result.Summary), JsonSerializer.Serialize(all));
    }

    [Theory]
    [InlineData(1, "R1")]
    [InlineData(2, "R2")]
    [InlineData(3, "R3")]
    public void SummaryOf_OneOwnersAccounts_CountsOnlyThoseAccounts(int seed, string owner)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var mine = Enumerable.Range(0, data.Accounts.Count).Where(i => data.Accounts[i].OwnerId == owner).ToList();
        var ids = mine.Select(i => data.Accounts[i].AccountId).ToHashSet(StringComparer.Ordinal);

        var summary = result.SummaryOf(mine.Concat(mine));

        Assert.Equal(mine.Count, summary.Accounts);
        Assert.Equal(mine.Sum(i => result.Accounts[i].PotentialArr), summary.TotalPotentialArr, 6);
        Assert.Equal(mine.Count, summary.ByTier.Sum(t => t.Accounts));
        Assert.Equal(mine.Count(i => result.Accounts[i].Whitespace), summary.WhitespaceAccounts);
        Assert.All(summary.TopAccounts, a => Assert.Contains(a.AccountId, ids));
        Assert.All(summary.Misclassified, a => Assert.Contains(a.AccountId, ids));
        Assert.Equal(mine.Count(i => data.Accounts[i].CurrentTier is { } t && t != result.Accounts[i].Tier), summary.MisclassifiedCount);
    }

    [Fact]
    public void SummaryOf_NoAccounts_IsEmpty()
    {
        var result = ScoringEngine.Score(RandomUniverse.Create(4), RandomUniverse.AsOf);
        Assert.Equal(0, result.SummaryOf([]).Accounts);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(300)]
    public void SummaryOf_PositionOutOfRange_Throws(int position)
    {
        var result = ScoringEngine.Score(RandomUniverse.Create(5), RandomUniverse.AsOf);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.SummaryOf([position]));
    }
}
