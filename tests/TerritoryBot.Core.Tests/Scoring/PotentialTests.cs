using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class PotentialTests
{
    private static Account Customer(int i, int employees, double arr, string industry = "Software") => new()
    {
        AccountId = $"C{i}",
        Name = $"Customer {i}",
        Industry = industry,
        Employees = employees,
        TechStack = ["Snowflake"],
        GrowthRate = 0.2,
        IsCustomer = true,
        CurrentArr = arr,
    };

    private static Account Prospect(string id, int employees, string industry = "Software") => new()
    {
        AccountId = id,
        Name = $"Prospect {id}",
        Industry = industry,
        Employees = employees,
        TechStack = ["Snowflake"],
        GrowthRate = 0.2,
    };

    private static DataSet Data(params Account[] accounts) => new(accounts, [], [], IcpProfile.Default);

    [Fact]
    public void Score_CustomersOnAPowerLaw_ElasticityRecovered()
    {
        // ARR = 1000 · employees^0.6 with a mild deterministic wobble.
        var customers = Enumerable.Range(0, 40)
            .Select(i => Customer(i, 100 + 250 * i, 1000 * Math.Pow(100 + 250 * i, 0.6) * (i % 2 == 0 ? 1.1 : 0.9)))
            .ToArray();
        var result = ScoringEngine.Score(Data(customers), new DateOnly(2025, 1, 1));
        Assert.True(result.Elasticity.Fitted);
        Assert.Equal(0.6, result.Elasticity.Combined, 1);
        Assert.Equal(40, result.Elasticity.Customers);
        Assert.True(result.Elasticity.Headroom >= 1);
    }

    [Fact]
    public void Score_ProspectAmongSimilarCustomers_EstimatedFromNamedComparables()
    {
        var customers = Enumerable.Range(0, 12).Select(i => Customer(i, 800 + 50 * i, 100_000 + 5_000 * i)).ToList();
        var data = Data([.. customers, Prospect("P1", 1_000)]);
        var result = ScoringEngine.Score(data, new DateOnly(2025, 1, 1));
        var detail = result.Explain("P1").Potential;
        Assert.Equal(PotentialMethod.Comparables, detail.Method);
        Assert.Equal(7, detail.Comparables.Count);
        Assert.All(detail.Comparables, c => Assert.StartsWith("Customer", c.Name));
        Assert.True(detail.Comparables.Zip(detail.Comparables.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
        // Scaled from customers paying 100–155k, lifted by the penetration headroom (1–2x).
        Assert.InRange(detail.PotentialArr, 90_000, 2 * 160_000);
        Assert.True(detail.Low <= detail.PotentialArr && detail.PotentialArr <= detail.High);
        Assert.Contains("comparable customers", detail.Explanation);
    }

    [Fact]
    public void Score_TooFewComparables_FallbackSaysSo()
    {
        var data = Data(Customer(1, 1_000, 120_000), Customer(2, 1_100, 130_000), Prospect("P1", 1_000));
        var result = ScoringEngine.Score(data, new DateOnly(2025, 1, 1));
        var detail = result.Explain("P1").Potential;
        Assert.Equal(PotentialMethod.Fallback, detail.Method);
        Assert.Equal(2, detail.Comparables.Count);
        Assert.Contains("Only 2 comparable customers", detail.Explanation);
        Assert.Contains("fallback", detail.Explanation);
        Assert.False(result.Elasticity.Fitted);
    }

    [Fact]
    public void Score_FallbackLargerCompany_LargerPotential()
    {
        var result = ScoringEngine.Score(Data(Prospect("S", 300), Prospect("M", 3_000), Prospect("L", 30_000)), new DateOnly(2025, 1, 1));
        var p = result.Accounts.Select(s => s.PotentialArr).ToArray();
        Assert.True(p[0] < p[1] && p[1] < p[2]);
        Assert.All(result.Accounts, s => Assert.Equal(PotentialMethod.Fallback, s.PotentialMethod));
    }

    [Fact]
    public void Score_CustomerPayingMoreThanPeers_CurrentArrIsTheFloor()
    {
        var customers = Enumerable.Range(0, 12).Select(i => Customer(i, 1_000, 100_000)).ToList();
        customers.Add(Customer(99, 1_000, 5_000_000));
        var result = ScoringEngine.Score(Data([.. customers]), new DateOnly(2025, 1, 1));
        var big = result.Explain("C99");
        Assert.Equal(5_000_000, big.Score.PotentialArr);
        Assert.True(big.Potential.CurrentArrFloorApplied);
        Assert.Contains("floor", big.Potential.Explanation);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 1.0, 1.0 }, 0.5, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 1.0, 1.0 }, 0.0, 1.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 1.0, 1.0 }, 1.0, 3.0)]
    [InlineData(new[] { 10.0 }, new[] { 2.0 }, 0.25, 10.0)]
    [InlineData(new[] { 1.0, 5.0 }, new[] { 1.0, 3.0 }, 0.5, 4.0)]
    public void WeightedQuantile_Examples(double[] values, double[] weights, double q, double expected) =>
        Assert.Equal(expected, PotentialEstimator.WeightedQuantile(values, weights, q), 9);

    [Fact]
    public void Score_DuplicateAccountId_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScoringEngine.Score(Data(Prospect("X", 10), Prospect("X", 20)), new DateOnly(2025, 1, 1)));
        Assert.Contains("'X'", ex.Message);
    }

    [Fact]
    public void Score_OpportunityOnUnknownAccount_Throws()
    {
        var data = Data(Prospect("X", 10)) with
        {
            Opportunities = [new Opportunity { OpportunityId = "O1", AccountId = "nope", OwnerId = "R1", Amount = 1, Stage = "Open" }],
        };
        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(data, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Score_InconsistentThresholds_Throws() =>
        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(Data(Prospect("X", 10)), new DateOnly(2025, 1, 1),
            new ScoringOptions { StrategicMinPotential = 10, EnterpriseMinPotential = 100, CommercialMinPotential = 1 }));

    [Fact]
    public void Score_EmptyDataSet_EmptyResult()
    {
        var result = ScoringEngine.Score(DataSet.Empty, new DateOnly(2025, 1, 1));
        Assert.Empty(result.Accounts);
        Assert.Equal(0, result.Summary.TotalPotentialArr);
    }
}
