using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Fairness;

/// <summary>
/// Coverage effort of an account in hours a year: a base by tier times a multiplier by status.
/// Strategic accounts need account plans and executive meetings; cold SMB prospects need a few touches.
/// </summary>
public sealed record WorkloadModel
{
    /// <summary>Yearly coverage hours by tier.</summary>
    public IReadOnlyDictionary<Tier, double> HoursByTier { get; init; } = new Dictionary<Tier, double>
    {
        [Tier.Strategic] = 150,
        [Tier.Enterprise] = 70,
        [Tier.Commercial] = 25,
        [Tier.SMB] = 8,
    };

    /// <summary>Multiplier by status: an open deal costs more effort than a cold prospect.</summary>
    public IReadOnlyDictionary<AccountStatus, double> StatusMultiplier { get; init; } = new Dictionary<AccountStatus, double>
    {
        [AccountStatus.ActiveCustomer] = 1.0,
        [AccountStatus.ActiveProspect] = 1.3,
        [AccountStatus.ColdProspect] = 0.5,
        [AccountStatus.Unknown] = 0.4,
    };

    public static WorkloadModel Default { get; } = new();

    /// <summary>Yearly coverage hours of one scored account.</summary>
    public double Hours(AccountScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        double hours = HoursByTier.TryGetValue(score.Tier, out var h) ? h : 0;
        double multiplier = StatusMultiplier.TryGetValue(score.Status, out var m) ? m : 1;
        return hours * multiplier;
    }
}
