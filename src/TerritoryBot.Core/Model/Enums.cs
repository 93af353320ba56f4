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
