using CsCheck;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class SizeBandTests
{
    private static readonly int EnterpriseFloor = SizeBands.Default.Single(b => b.Tier == Tier.Enterprise).MinEmployees!.Value;
    private static readonly int CommercialFloor = SizeBands.Default.Single(b => b.Tier == Tier.Commercial).MinEmployees!.Value;

    [Fact]
    public void Score_ListOfGiants_NoEnterpriseSizedCompanyIsSmb()
    {
        // A list of large companies only: the percentile tiers alone would put its bottom half in Commercial/SMB.
        Gen.Int[0, 10_000].Sample(seed =>
        {
            var data = RandomUniverse.Create(seed, accounts: 120, reps: 3);
            var giants = data with { Accounts = [.. data.Accounts.Select((a, i) => a with { Employees = 5_000 + (i * 997 % 200_000) })] };
            var result = ScoringEngine.Score(giants, RandomUniverse.AsOf);
            for (int i = 0; i < result.Accounts.Count; i++)
            {
                var a = giants.Accounts[i];
                var tier = result.Accounts[i].Tier;
                if ((a.Employees >= EnterpriseFloor && tier > Tier.Enterprise) || (a.Employees >= CommercialFloor && tier == Tier.SMB))
                {
                    return false;
                }
            }

            return true;
        }, iter: 20);
    }

    [Fact]
    public void Apply_SameBandAndFit_TierMonotoneInPotential()
    {
        var thresholds = new TierThresholds(1_000_000, 300_000, 100_000, 2, false);
        Gen.Select(Gen.Double[0, 3_000_000], Gen.Double[0, 3_000_000], Gen.Int[1, 5], Gen.Int[1, 500_000], Gen.Double[0, 1e10].Nullable())
            .Sample((p1, p2, fit, employees, revenue) =>
            {
                var floor = SizeBands.Floor(SizeBands.Default, employees, revenue);
                var low = SizeBands.Apply(thresholds.Classify(Math.Min(p1, p2), fit), floor);
                var high = SizeBands.Apply(thresholds.Classify(Math.Max(p1, p2), fit), floor);
                return high <= low && high <= floor && low <= floor;
            });
    }

    [Fact]
    public void Floor_MoreEmployeesOrRevenue_NeverLowersTheFloor()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.Double[0, 1e11], Gen.Double[0, 1e11]).Sample((e1, e2, r1, r2) =>
            SizeBands.Floor(SizeBands.Default, Math.Max(e1, e2), Math.Max(r1, r2)) <= SizeBands.Floor(SizeBands.Default, Math.Min(e1, e2), Math.Min(r1, r2)));
    }

    [Theory]
    [InlineData(50_000, null, Tier.Enterprise)]
    [InlineData(9_999, null, Tier.Commercial)]
    [InlineData(999, null, Tier.SMB)]
    [InlineData(10, 3e9, Tier.Enterprise)]
    [InlineData(10, 3e8, Tier.Commercial)]
    public void Floor_DefaultBands_Examples(int employees, double? revenue, Tier floor) =>
        Assert.Equal(floor, SizeBands.Floor(SizeBands.Default, employees, revenue));

    [Fact]
    public void Problems_FloorsFallAsTierRises_Reported()
    {
        var problems = SizeBands.Problems([new(Tier.Enterprise, 500, null), new(Tier.Commercial, 1_000, null), new(Tier.SMB, 10, null), new(Tier.Strategic, null, null)]);
        Assert.Contains(problems, p => p.Contains("enterprise.minEmployees 500 is below commercial.minEmployees 1000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("smb:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("strategic: needs", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_NoBands_TiersByPotentialAlone()
    {
        var data = RandomUniverse.Create(3, accounts: 200, reps: 3);
        var off = ScoringEngine.Score(data with { Icp = data.Icp with { SizeBands = [] } }, RandomUniverse.AsOf);
        var on = ScoringEngine.Score(data, RandomUniverse.AsOf);
        for (int i = 0; i < on.Accounts.Count; i++)
        {
            Assert.True(on.Accounts[i].Tier <= off.Accounts[i].Tier);
            if (SizeBands.Floor(SizeBands.Default, data.Accounts[i].Employees, data.Accounts[i].AnnualRevenue) == Tier.SMB)
            {
                Assert.Equal(off.Accounts[i].Tier, on.Accounts[i].Tier);
            }
        }
    }
}
