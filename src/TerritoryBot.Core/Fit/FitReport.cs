using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Fit;

/// <summary>Win rates, pipeline and ramp status of one territory rep.</summary>
public sealed record RepFit
{
    public required string RepId { get; init; }
    public required string Name { get; init; }
    public required Seniority Seniority { get; init; }
    public required bool Ramping { get; init; }
    public required IReadOnlyList<string> IndustryStrengths { get; init; }
    /// <summary>All closed deals of the rep, smoothed toward the team rate.</summary>
    public required WinRate Overall { get; init; }
    /// <summary>Every industry of the data set (case-insensitive keys), smoothed toward the team's rate in that industry.</summary>
    public required IReadOnlyDictionary<string, WinRate> ByIndustry { get; init; }
    /// <summary>Every tier, smoothed toward the team's rate in that tier.</summary>
    public required IReadOnlyDictionary<Tier, WinRate> BySegment { get; init; }
    public required int OpenOpportunities { get; init; }
    public required double OpenPipeline { get; init; }
    public required double WonAmount { get; init; }
    /// <summary>Mean amount of the rep's won deals; null without wins.</summary>
    public required double? AverageWonDeal { get; init; }
    public double? Quota { get; init; }
    /// <summary>Open pipeline / yearly quota; null without a positive quota.</summary>
    public double? PipelineCoverage { get; init; }
    /// <summary>Coverage below <see cref="FitOptions.ThinPipelineCoverage"/>.</summary>
    public bool ThinPipeline { get; init; }
}

/// <summary>Who fits an industry best, and by how much; no one (nulls) when no rep has closed a deal in it.</summary>
public sealed record IndustryFit(
    string Industry,
    WinRate Team,
    string? BestRepId,
    double? BestRate,
    string? RunnerUpRepId,
    double? RunnerUpRate)
{
    /// <summary>Best minus runner-up smoothed rate (rate points, 0.05 = 5 points); null with fewer than two reps.</summary>
    public double? Margin => BestRate is { } b && RunnerUpRate is { } r ? b - r : null;
}

/// <summary>The fit table: team rates, every territory rep's smoothed rates and the best fit per industry.</summary>
public sealed record FitReport
{
    public required double PriorStrength { get; init; }
    public required WinRate Team { get; init; }
    /// <summary>Industry labels (first spelling seen), ordered case-insensitively.</summary>
    public required IReadOnlyList<string> Industries { get; init; }
    /// <summary>Team rate per industry, smoothed toward the team's overall rate.</summary>
    public required IReadOnlyDictionary<string, WinRate> TeamByIndustry { get; init; }
    /// <summary>Team rate per tier, smoothed toward the team's overall rate.</summary>
    public required IReadOnlyDictionary<Tier, WinRate> TeamBySegment { get; init; }
    /// <summary>Territory reps in input order.</summary>
    public required IReadOnlyList<RepFit> Reps { get; init; }
    /// <summary>One row per industry, in <see cref="Industries"/> order.</summary>
    public required IReadOnlyList<IndustryFit> BestFit { get; init; }

    /// <summary>The fit of one rep, or null.</summary>
    public RepFit? Find(string repId) => Reps.FirstOrDefault(r => string.Equals(r.RepId, repId, StringComparison.Ordinal));
}
