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

    /// <summary>Where <see cref="Home"/> came from; unset, given when there is a home and none otherwise.</summary>
    public LocationSource HomeSource
    {
        get => homeSource ?? (Home is null ? LocationSource.None : LocationSource.Given);
        init => homeSource = value;
    }

    /// <summary>
    /// The home base as an address (reps.csv home_city, home_postal_code, home_country and home_region or region),
    /// read to place a rep whose home coordinates are not given. The import's geocoding step consumes it (leaves it null);
    /// the placed <see cref="Home"/> is what is stored.
    /// </summary>
    public Place? HomePlace { get; init; }

    private readonly LocationSource? homeSource;
    public string? Region { get; init; }
    public IReadOnlyList<string> IndustryStrengths { get; init; } = [];
    public string? SlackUserId { get; init; }
    public string? TeamsAadObjectId { get; init; }

    /// <summary>Only reps carry territories.</summary>
    public bool CarriesTerritory => Role == RepRole.Rep;
}
