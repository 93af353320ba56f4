namespace TerritoryBot.Core.Model;

/// <summary>Account segment, from the largest to the smallest.</summary>
public enum Tier
{
    Strategic,
    Enterprise,
    Commercial,
    SMB,
}

/// <summary>What a person does in the sales organisation; only reps carry territories.</summary>
public enum RepRole
{
    Rep,
    Manager,
    Ops,
}

public enum Seniority
{
    Junior,
    Mid,
    Senior,
}

/// <summary>Relationship status of an account.</summary>
public enum AccountStatus
{
    ActiveCustomer,
    ActiveProspect,
    ColdProspect,
    Unknown,
}

public enum Priority
{
    High,
    Medium,
    Low,
}

/// <summary>Where an account's (or a rep's home) coordinates came from.</summary>
public enum LocationSource
{
    /// <summary>No coordinates: none given and nothing in the address could be placed.</summary>
    None,
    /// <summary>Given in the data (latitude/longitude columns).</summary>
    Given,
    /// <summary>The centre of the postal code.</summary>
    Postal,
    /// <summary>The city (with its region and country when given).</summary>
    City,
    /// <summary>The centre of the state or province.</summary>
    Region,
}
