namespace TerritoryBot.Core.Model;

/// <summary>A deal on an account (one row of opportunities.csv).</summary>
public sealed record Opportunity
{
    public required string OpportunityId { get; init; }
    public required string AccountId { get; init; }
    public required string OwnerId { get; init; }
    public required double Amount { get; init; }
    public required string Stage { get; init; }
    public DateOnly? CreatedDate { get; init; }
    public DateOnly? CloseDate { get; init; }
    public DateOnly? LastActivityDate { get; init; }
    public string? Notes { get; init; }

    public bool IsWon => Stage.Equals("Closed Won", StringComparison.OrdinalIgnoreCase);
    public bool IsLost => Stage.Equals("Closed Lost", StringComparison.OrdinalIgnoreCase);
    public bool IsClosed => IsWon || IsLost;
    public bool IsOpen => !IsClosed;
}
