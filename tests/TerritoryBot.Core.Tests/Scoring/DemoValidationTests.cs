using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Statistics;
using Xunit.Abstractions;

namespace TerritoryBot.Core.Tests.Scoring;

/// <summary>
/// The scores must track the truth the demo generator drew the data from (which the engine never sees):
/// rank correlation with the latent potential and the latent fit on the 4,200-account demo universe.
/// </summary>
public sealed class DemoValidationTests(ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    [InlineData(2024)]
    public void Score_DemoUniverse_TracksLatentPotentialAndFit(int seed)
    {
        var universe = DemoGenerator.Generate(new DemoOptions(AsOf, Accounts: 4200, Seed: seed));
        var result = ScoringEngine.Score(universe.Data, AsOf);
        var ids = result.Accounts.Select(s => s.AccountId).ToList();

        double potential = Distribution.Spearman(
            result.Accounts.Select(s => s.PotentialArr).ToList(), ids.Select(id => universe.LatentPotentialArr[id]).ToList());
        double fit = Distribution.Spearman(
            result.Accounts.Select(s => (double)s.IcpFit).ToList(), ids.Select(id => universe.LatentFit[id]).ToList());
        output.WriteLine($"seed {seed}: Spearman potential {potential:0.000}, fit {fit:0.000}, fallback {result.Summary.FallbackEstimates}, {result.Elasticity.Describe()}");

        Assert.True(potential >= 0.8, $"Spearman(potential, latent potential) = {potential:0.000} < 0.8");
        Assert.True(fit >= 0.7, $"Spearman(icpFit, latent fit) = {fit:0.000} < 0.7");
    }

    /// <summary>
    /// Tiers against the latent potential: the rank correlation of tier (Strategic highest) with the truth, and the
    /// tier mix. Size bands (docs/scoring.md) must not make tiers track the truth worse on the demo.
    /// </summary>
    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    [InlineData(2024)]
    public void Score_DemoUniverse_TiersTrackLatentPotential(int seed)
    {
        var universe = DemoGenerator.Generate(new DemoOptions(AsOf, Accounts: 4200, Seed: seed));
        var result = ScoringEngine.Score(universe.Data, AsOf);
        double tier = Distribution.Spearman(
            result.Accounts.Select(s => -(double)(int)s.Tier).ToList(),
            result.Accounts.Select(s => universe.LatentPotentialArr[s.AccountId]).ToList());
        var mix = string.Join(", ", Enum.GetValues<Model.Tier>().Select(t => $"{t} {result.Accounts.Count(s => s.Tier == t)}"));
        output.WriteLine($"seed {seed}: Spearman(tier, latent potential) {tier:0.000}; {mix}; misclassified {result.Summary.MisclassifiedCount}");
        Assert.True(tier >= 0.7, $"Spearman(tier, latent potential) = {tier:0.000} < 0.7");
    }
}
