namespace TerritoryBot.Core.Model;

/// <summary>A company in the account universe (one row of accounts.csv).</summary>
public sealed record Account
{
    public required string AccountId { get; init; }
    public required string Name { get; init; }
    /// <summary>The industry scoring sees: the ICP's canonical name once normalised (IndustryNormalization).</summary>
    public required string Industry { get; init; }
    /// <summary>The label as the data gave it, when normalisation changed it ("Financials" for Financial Services); kept for display.</summary>
    public string? IndustryLabel { get; init; }
    public required int Employees { get; init; }
    public double? AnnualRevenue { get; init; }
    public string? Country { get; init; }
    public string? Region { get; init; }
    public string? City { get; init; }
    public string? PostalCode { get; init; }
    public GeoPoint? Location { get; init; }

    /// <summary>
    /// Where <see cref="Location"/> came from. Unset, it follows the location (given when there is one, none otherwise),
    /// so records built with coordinates need not say so.
    /// </summary>
    public LocationSource LocationSource
    {
        get => locationSource ?? (Location is null ? LocationSource.None : LocationSource.Given);
        init => locationSource = value;
    }

    private readonly LocationSource? locationSource;
    public IReadOnlyList<string> TechStack { get; init; } = [];
    /// <summary>Yearly growth as a fraction (0.15 = 15%).</summary>
    public double? GrowthRate { get; init; }
    public string? FundingStage { get; init; }
    /// <summary>Buying intent 0–100.</summary>
    public double? IntentScore { get; init; }
    public bool IsCustomer { get; init; }
    public double CurrentArr { get; init; }
    public Tier? CurrentTier { get; init; }
    /// <summary>rep_id of the current owner; null when unassigned.</summary>
    public string? OwnerId { get; init; }
    /// <summary>Locked to its owner in every scenario.</summary>
    public bool NamedAccount { get; init; }
    public DateOnly? LastActivityDate { get; init; }
    public string? RelationshipNotes { get; init; }
}
