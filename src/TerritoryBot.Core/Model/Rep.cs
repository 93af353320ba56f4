namespace TerritoryBot.Core.Model;

/// <summary>A person in the sales team (one row of reps.csv).</summary>
public sealed record Rep
{
    public required string RepId { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public RepRole Role { get; init; } = RepRole.Rep;
    public string? ManagerId { get; init; }
    public Seniority Seniority { get; init; } = Seniority.Mid;
    public double? Quota { get; init; }
    /// <summary>Most accounts the rep can actively cover.</summary>
    public int? Capacity { get; init; }
    public bool Ramping { get; init; }
    public GeoPoint? Home { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string> IndustryStrengths { get; init; } = [];
    public string? SlackUserId { get; init; }
    public string? TeamsAadObjectId { get; init; }

    /// <summary>Only reps carry territories.</summary>
    public bool CarriesTerritory => Role == RepRole.Rep;
}
