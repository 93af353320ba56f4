using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class IcpFitTests
{
    private static readonly IcpFitModel Model = new(RandomUniverse.Icp);

    private static Account Ideal => new()
    {
        AccountId = "A1",
        Name = "Ideal Co",
        Industry = "software",
        Employees = 1_500,
        TechStack = ["Snowflake", "Salesforce"],
        GrowthRate = 0.3,
    };

    [Fact]
    public void Explain_IdealAccount_FitFiveWithPositiveReasons()
    {
        var dims = Model.Explain(Ideal);
        Assert.Equal(5, IcpFitModel.Level(Model.Score(Ideal)));
        Assert.Equal([FitDimension.Industry, FitDimension.Size, FitDimension.TechStack, FitDimension.Growth], dims.Select(d => d.Dimension));
        Assert.Contains("Snowflake, Salesforce in stack +", dims[2].Reason);
        Assert.Contains("inside the 200–10,000 employee range +", dims[1].Reason);
        Assert.Equal(Model.Score(Ideal), dims.Sum(d => d.SubScore * d.Weight), 12);
    }

    [Fact]
    public void Explain_PoorAccount_FitOneWithNegativeReasons()
    {
        var poor = Ideal with { Industry = "Mining", Employees = 8, TechStack = ["CompetitorX"], GrowthRate = -0.1 };
        var dims = Model.Explain(poor);
        Assert.Equal(1, IcpFitModel.Level(Model.Score(poor)));
        Assert.Contains("not a target industry −", dims[0].Reason);
        Assert.Contains("below the 200–10,000 employee range −", dims[1].Reason);
        Assert.Contains("competitor CompetitorX in stack −", dims[2].Reason);
        Assert.Contains("shrinking 10% a year −", dims[3].Reason);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.199, 1)]
    [InlineData(0.2, 2)]
    [InlineData(0.5, 3)]
    [InlineData(0.79, 4)]
    [InlineData(0.8, 5)]
    [InlineData(1.0, 5)]
    public void Level_Score_Fifths(double score, int level) => Assert.Equal(level, IcpFitModel.Level(score));

    [Theory]
    [InlineData(200, 1.0)]
    [InlineData(10_000, 1.0)]
    [InlineData(10, 0.0)]
    [InlineData(1, 0.0)]
    public void SizeSub_Employees_Expected(int employees, double expected) => Assert.Equal(expected, Model.SizeSub(employees), 9);

    [Fact]
    public void IndustrySub_CaseAndSpacing_Ignored() =>
        Assert.Equal(0.9, Model.IndustrySub("  financial SERVICES "));

    // Monotonicity: each improvement of one dimension, applied to random accounts, never lowers the fit.
    public static TheoryData<string> Improvements => new() { "industry", "size", "addTech", "dropCompetitor", "growth" };

    [Theory]
    [MemberData(nameof(Improvements))]
    public void Score_ImproveOneDimension_FitNeverLower(string improvement)
    {
        var random = new Random(improvement.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        var data = RandomUniverse.Create(seed: 11, accounts: 400);
        string[] industriesByWeight = ["Mining", "Retail", "Healthcare", "Financial Services", "Software"];
        industriesByWeight = [.. industriesByWeight.OrderBy(_ => random.Next())];
        foreach (var before in data.Accounts)
        {
            var after = improvement switch
            {
                "industry" => before with { Industry = industriesByWeight.Where(x => Model.IndustrySub(x) >= Model.IndustrySub(before.Industry)).ElementAt(0) },
                "size" => before with { Employees = before.Employees < 200 ? Math.Min(200, before.Employees * 2 + 1) : before.Employees > 10_000 ? Math.Max(10_000, before.Employees / 2) : before.Employees },
                "addTech" => before with { TechStack = [.. before.TechStack, new[] { "Snowflake", "Salesforce", "AWS" }[random.Next(3)]] },
                "dropCompetitor" => before with { TechStack = before.TechStack.Where(t => t != "CompetitorX").ToList() },
                _ => before with { GrowthRate = (before.GrowthRate ?? 0.1) + random.NextDouble() * 0.3 },
            };
            double b = Model.Score(before), a = Model.Score(after);
            Assert.True(a >= b - 1e-12, $"{improvement} lowered {before.AccountId}: {b} -> {a}");
            Assert.True(IcpFitModel.Level(a) >= IcpFitModel.Level(b));
        }
    }

    [Fact]
    public void Score_ImprovedAccountInUniverse_EngineFitNeverLower()
    {
        var data = RandomUniverse.Create(seed: 12, accounts: 300);
        var improved = data with
        {
            Accounts = data.Accounts.Select(a => a with { TechStack = [.. a.TechStack, "Snowflake"], GrowthRate = Math.Max(a.GrowthRate ?? 0, 0.2) }).ToList(),
        };
        var before = ScoringEngine.Score(data, RandomUniverse.AsOf).Accounts;
        var after = ScoringEngine.Score(improved, RandomUniverse.AsOf).Accounts;
        Assert.All(before.Zip(after), p => Assert.True(p.Second.IcpFit >= p.First.IcpFit));
    }
}
