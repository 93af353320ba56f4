namespace TerritoryBot.Core.Model;

/// <summary>
/// Coverage effort per account: tier weight × status factor (see docs/design.md).
/// Units are "coverage units": an SMB cold prospect costs 0.25, a Strategic customer 8.
/// </summary>
public sealed record WorkloadModel
{
    public double Strategic { get; init; } = 8;
    public double Enterprise { get; init; } = 4;
    public double Commercial { get; init; } = 2;
    public double Smb { get; init; } = 1;
    public double ActiveCustomer { get; init; } = 1.0;
    public double ActiveProspect { get; init; } = 0.75;
    public double ColdProspect { get; init; } = 0.25;
    public double Unknown { get; init; } = 0.25;

    public static WorkloadModel Default { get; } = new();

    /// <summary>Workload of one scored account.</summary>
    public double Of(AccountScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Of(score.Tier, score.Status);
    }

    /// <summary>Workload of one account.</summary>
    public double Of(Tier tier, AccountStatus status) =>
        (tier switch
        {
            Tier.Strategic => Strategic,
            Tier.Enterprise => Enterprise,
            Tier.Commercial => Commercial,
            _ => Smb,
        }) * (status switch
        {
            AccountStatus.ActiveCustomer => ActiveCustomer,
            AccountStatus.ActiveProspect => ActiveProspect,
            AccountStatus.ColdProspect => ColdProspect,
            _ => Unknown,
        });
}
