namespace TerritoryBot.Core.Model;

/// <summary>
/// The scoring engine's verdict on one account: what every downstream engine (design, fairness,
/// coverage, planning) reads. Produced by Scoring; consumed everywhere else.
/// </summary>
public sealed record AccountScore
{
    public required string AccountId { get; init; }
    /// <summary>ICP fit 1–5.</summary>
    public required int IcpFit { get; init; }
    /// <summary>Opportunity score 0–100.</summary>
    public required double OpportunityScore { get; init; }
    /// <summary>Point estimate of potential ARR.</summary>
    public required double PotentialArr { get; init; }
    /// <summary>p25 of the potential estimate.</summary>
    public required double PotentialLow { get; init; }
    /// <summary>p75 of the potential estimate.</summary>
    public required double PotentialHigh { get; init; }
    public required Tier Tier { get; init; }
    public required AccountStatus Status { get; init; }
    public required Priority Priority { get; init; }
    public required bool Whitespace { get; init; }
    /// <summary>The continuous ICP fit score in [0, 1] behind <see cref="IcpFit"/> (its fifths).</summary>
    public double FitScore { get; init; }
    /// <summary>Whether the potential came from comparable customers or the fallback formula.</summary>
    public PotentialMethod PotentialMethod { get; init; }
}
