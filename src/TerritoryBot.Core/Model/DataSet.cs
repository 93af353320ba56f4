namespace TerritoryBot.Core.Model;

/// <summary>Everything an analysis runs on: one validated, consistent data folder or database snapshot.</summary>
public sealed record DataSet(
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Rep> Reps,
    IReadOnlyList<Opportunity> Opportunities,
    IcpProfile Icp)
{
    public static DataSet Empty { get; } = new([], [], [], IcpProfile.Default);

    /// <summary>Reps that carry territories (role rep).</summary>
    public IEnumerable<Rep> TerritoryReps => Reps.Where(r => r.CarriesTerritory);
}
