namespace TerritoryBot.Core.Model;

/// <summary>An address as the data gives it, every part optional; region is a state or province.</summary>
public sealed record Place(string? Country, string? Region, string? City, string? PostalCode)
{
    public bool IsEmpty => Country is null && Region is null && City is null && PostalCode is null;
}
