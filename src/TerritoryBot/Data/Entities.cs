using TerritoryBot.Core.Model;

namespace TerritoryBot.Data;

// Storage shapes of the tables. They stay separate from the Core records so the schema can change without
// touching the engines; Mapping.cs converts between the two.

internal sealed class AccountEntity
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Industry { get; set; } = "";
    public int Employees { get; set; }
    public double? AnnualRevenue { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Where latitude/longitude came from; null in rows written before it was kept (read as given or none).</summary>
    public LocationSource? LocationSource { get; set; }
    /// <summary>`;`-separated, as in accounts.csv.</summary>
    public string TechStack { get; set; } = "";
    public double? GrowthRate { get; set; }
    public string? FundingStage { get; set; }
    public double? IntentScore { get; set; }
    public bool IsCustomer { get; set; }
    public double CurrentArr { get; set; }
    public Tier? CurrentTier { get; set; }
    public string? OwnerId { get; set; }
    public bool NamedAccount { get; set; }
    public DateOnly? LastActivityDate { get; set; }
    public string? RelationshipNotes { get; set; }
}

internal sealed class RepEntity
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public RepRole Role { get; set; }
    public string? ManagerId { get; set; }
    public Seniority Seniority { get; set; }
    public double? Quota { get; set; }
    public int? Capacity { get; set; }
    public bool Ramping { get; set; }
    public double? HomeLatitude { get; set; }
    public double? HomeLongitude { get; set; }
    /// <summary>Where the home coordinates came from; null in rows written before it was kept.</summary>
    public LocationSource? HomeLocationSource { get; set; }
    public string? Region { get; set; }
    /// <summary>`;`-separated, as in reps.csv.</summary>
    public string IndustryStrengths { get; set; } = "";
    public string? SlackUserId { get; set; }
    public string? TeamsAadObjectId { get; set; }
}

internal sealed class OpportunityEntity
{
    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public double Amount { get; set; }
    public string Stage { get; set; } = "";
    public DateOnly? CreatedDate { get; set; }
    public DateOnly? CloseDate { get; set; }
    public DateOnly? LastActivityDate { get; set; }
    public string? Notes { get; set; }
}

/// <summary>The ICP profile: a single row (id 1) holding icp.json text.</summary>
internal sealed class IcpEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Json { get; set; } = "";
}

internal sealed class ScenarioEntity
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    public bool Recommended { get; set; }
    /// <summary>The scenario's metrics as a JSON document (the design engine's shape).</summary>
    public string Metrics { get; set; } = "{}";
    public List<ScenarioAssignmentEntity> Assignments { get; set; } = [];
}

internal sealed class ScenarioAssignmentEntity
{
    public long ScenarioId { get; set; }
    public string AccountId { get; set; } = "";
    public string RepId { get; set; } = "";
}
