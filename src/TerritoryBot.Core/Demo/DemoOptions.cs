using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Demo;

/// <summary>What demo universe to generate. The same options always give the same universe.</summary>
/// <param name="AsOf">The "today" of the universe: every created, closed and activity date is relative to it.</param>
/// <param name="Accounts">Number of accounts (≥ 1).</param>
/// <param name="Reps">Number of reps with role rep (≥ 1); a manager and an ops user are added on top.</param>
/// <param name="Seed">Random seed.</param>
public sealed record DemoOptions(DateOnly AsOf, int Accounts = 4200, int Reps = 8, int Seed = 42)
{
    /// <summary>Largest supported universe; ids and sort keys are sized for it.</summary>
    public const int MaxAccounts = 20_000_000;

    /// <summary>Largest supported team.</summary>
    public const int MaxReps = 100_000;
}

/// <summary>
/// A generated data set plus the latent truth it was generated from. The latent values are a test hook
/// for validating the scoring engine (which must never see them); they are keyed by account id.
/// </summary>
/// <param name="Data">The observable data: what a CRM export would contain.</param>
/// <param name="LatentPotentialArr">True potential ARR of every account.</param>
/// <param name="LatentFit">True ICP fit of every account, in [0, 1].</param>
public sealed record DemoUniverse(
    DataSet Data,
    IReadOnlyDictionary<string, double> LatentPotentialArr,
    IReadOnlyDictionary<string, double> LatentFit);
