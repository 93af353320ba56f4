using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class ScoringEnginePropertyTests
{
    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_RandomUniverse_EveryAccountScoredOnceInInputOrder(int seed)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        Assert.Equal(data.Accounts.Select(a => a.AccountId), result.Accounts.Select(s => s.AccountId));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_RandomUniverse_ScoresWithinBounds(int seed)
    {
        var result = ScoringEngine.Score(RandomUniverse.Create(seed), RandomUniverse.AsOf);
        foreach (var s in result.Accounts)
        {
            Assert.InRange(s.IcpFit, 1, 5);
            Assert.InRange(s.FitScore, 0, 1);
            Assert.InRange(s.OpportunityScore, 0, 100);
            Assert.True(double.IsFinite(s.PotentialArr) && s.PotentialArr >= 0, $"{s.AccountId}: potential {s.PotentialArr}");
            Assert.True(s.PotentialLow <= s.PotentialArr && s.PotentialArr <= s.PotentialHigh, $"{s.AccountId}: {s.PotentialLow} {s.PotentialArr} {s.PotentialHigh}");
            Assert.Equal(s.IcpFit, 1 + Math.Min(4, (int)Math.Floor(s.FitScore * 5)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_SameInputAnyThreadCount_SameResult(int seed)
    {
        var data = RandomUniverse.Create(seed, accounts: 2000);
        var one = ScoringEngine.Score(data, RandomUniverse.AsOf, new ScoringOptions { MaxDegreeOfParallelism = 1 });
        var many = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var again = ScoringEngine.Score(data, RandomUniverse.AsOf);
        Assert.Equal(one.Accounts, many.Accounts);
        Assert.Equal(many.Accounts, again.Accounts);
        Assert.Equal(one.Summary.TotalPotentialArr, many.Summary.TotalPotentialArr);
        Assert.Equal(one.Summary.Misclassified, many.Summary.Misclassified);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_Customers_PotentialAtLeastCurrentArr(int seed)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        for (int i = 0; i < data.Accounts.Count; i++)
        {
            var a = data.Accounts[i];
            if (a.IsCustomer)
            {
                Assert.True(result.Accounts[i].PotentialArr >= a.CurrentArr, $"{a.AccountId}: {result.Accounts[i].PotentialArr} < {a.CurrentArr}");
                Assert.True(result.Accounts[i].PotentialLow >= a.CurrentArr);
                Assert.Equal(AccountStatus.ActiveCustomer, result.Accounts[i].Status);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_Whitespace_ExactlyHighFitAccountsWithoutRelationship(int seed)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var open = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
        var cutoff = RandomUniverse.AsOf.AddMonths(-6);
        for (int i = 0; i < data.Accounts.Count; i++)
        {
            var a = data.Accounts[i];
            var activity = data.Opportunities.Where(o => o.AccountId == a.AccountId)
                .SelectMany(o => new[] { o.LastActivityDate, o.CreatedDate, o.IsClosed ? o.CloseDate : null })
                .Append(a.LastActivityDate).Where(d => d is not null).Select(d => d!.Value).ToList();
            bool recent = activity.Any(d => d > cutoff);
            bool expected = result.Accounts[i].IcpFit >= 4 && !a.IsCustomer && a.CurrentArr == 0 && !open.Contains(a.AccountId) && !recent;
            Assert.Equal(expected, result.Accounts[i].Whitespace);
        }

        Assert.Equal(result.Accounts.Count(s => s.Whitespace), result.Summary.WhitespaceAccounts);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_Status_FollowsDefinition(int seed)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var open = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
        var anyDeal = data.Opportunities.Select(o => o.AccountId).ToHashSet();
        for (int i = 0; i < data.Accounts.Count; i++)
        {
            var a = data.Accounts[i];
            var expected = a.IsCustomer || a.CurrentArr > 0 ? AccountStatus.ActiveCustomer
                : open.Contains(a.AccountId) ? AccountStatus.ActiveProspect
                : a.OwnerId is not null || a.LastActivityDate is not null || anyDeal.Contains(a.AccountId) ? AccountStatus.ColdProspect
                : AccountStatus.Unknown;
            Assert.Equal(expected, result.Accounts[i].Status);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_DefaultThresholds_TiersFollowThresholdsAndFit(int seed)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var t = result.Thresholds;
        Assert.True(t.FromDistribution);
        Assert.True(t.Commercial <= t.Enterprise && t.Enterprise <= t.Strategic);
        for (int i = 0; i < result.Accounts.Count; i++)
        {
            var s = result.Accounts[i];
            var byPotential = s.PotentialArr >= t.Strategic ? Tier.Strategic
                : s.PotentialArr >= t.Enterprise ? Tier.Enterprise
                : s.PotentialArr >= t.Commercial ? Tier.Commercial : Tier.SMB;
            var expected = s.IcpFit <= 2 && byPotential != Tier.SMB ? byPotential + 1 : byPotential;
            // The size band is a floor under that tier (docs/scoring.md, "Size bands").
            var floor = SizeBands.Floor(data.Icp.SizeBands, data.Accounts[i].Employees, data.Accounts[i].AnnualRevenue);
            Assert.Equal(floor < expected ? floor : expected, s.Tier);
        }
    }

    [Theory]
    [InlineData(1, 500_000, 150_000, 50_000)]
    [InlineData(2, 1_000_000, 1_000_000, 0)]
    [InlineData(3, 0, 0, 0)]
    public void Score_ConfiguredThresholds_TiersUseThem(int seed, double strategic, double enterprise, double commercial)
    {
        var options = new ScoringOptions { StrategicMinPotential = strategic, EnterpriseMinPotential = enterprise, CommercialMinPotential = commercial, DemoteAtOrBelowFit = 0 };
        var data = RandomUniverse.Create(seed);
        // Size bands off: this checks the configured potential thresholds alone.
        var result = ScoringEngine.Score(data with { Icp = data.Icp with { SizeBands = [] } }, RandomUniverse.AsOf, options);
        Assert.False(result.Thresholds.FromDistribution);
        foreach (var s in result.Accounts)
        {
            var expected = s.PotentialArr >= strategic ? Tier.Strategic
                : s.PotentialArr >= enterprise ? Tier.Enterprise
                : s.PotentialArr >= commercial ? Tier.Commercial : Tier.SMB;
            Assert.Equal(expected, s.Tier);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_Summary_TotalsAndListsConsistent(int seed)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var summary = result.Summary;
        double total = result.Accounts.Sum(s => s.PotentialArr);
        Assert.Equal(total, summary.TotalPotentialArr, total * 1e-9);
        Assert.Equal(total, summary.ByTier.Sum(t => t.PotentialArr), total * 1e-9);
        Assert.Equal(total, summary.ByIndustry.Sum(t => t.PotentialArr), total * 1e-9);
        Assert.Equal(total, summary.ByRegion.Sum(t => t.PotentialArr), total * 1e-9);
        Assert.Equal(data.Accounts.Count, summary.ByTier.Sum(t => t.Accounts));
        Assert.Equal(data.Accounts.Count, summary.ComparablesEstimates + summary.FallbackEstimates);
        Assert.InRange(summary.Concentration.ShareOfPotential, 0.15, 1);
        Assert.Equal(20, summary.TopAccounts.Count);
        Assert.Equal(result.Accounts.Max(s => s.PotentialArr), summary.TopAccounts[0].PotentialArr);
        Assert.True(summary.TopAccounts.Zip(summary.TopAccounts.Skip(1)).All(p => p.First.PotentialArr >= p.Second.PotentialArr));
        int misclassified = data.Accounts.Zip(result.Accounts).Count(p => p.First.CurrentTier is { } c && c != p.Second.Tier);
        Assert.Equal(misclassified, summary.MisclassifiedCount);
        Assert.All(summary.Misclassified, m => Assert.NotEqual(m.CurrentTier, m.RecommendedTier));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Explain_AnyAccount_ComparablesAreCustomersAndMethodMatches(int seed)
    {
        var data = RandomUniverse.Create(seed);
        var result = ScoringEngine.Score(data, RandomUniverse.AsOf);
        var customers = data.Accounts.Where(a => a.IsCustomer && a.CurrentArr > 0).Select(a => a.AccountId).ToHashSet();
        for (int i = 0; i < data.Accounts.Count; i += 7)
        {
            var e = result.Explain(i);
            Assert.Equal(4, e.Fit.Count);
            Assert.All(e.Potential.Comparables, c => Assert.Contains(c.AccountId, customers));
            Assert.DoesNotContain(e.Potential.Comparables, c => c.AccountId == data.Accounts[i].AccountId);
            Assert.Equal(result.Accounts[i].PotentialMethod, e.Potential.Method);
            if (e.Potential.Method == PotentialMethod.Comparables)
            {
                Assert.True(e.Potential.Comparables.Count >= 3);
            }
            else
            {
                Assert.Contains("fallback", e.Potential.Explanation);
            }
        }
    }
}
