using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Coverage;

/// <summary>Knobs of the coverage-gap analysis.</summary>
public sealed record CoverageOptions
{
    /// <summary>Accounts a rep can actively cover when reps.csv gives no capacity.</summary>
    public int DefaultCapacity { get; init; } = 250;

    /// <summary>Accounts at or above this quantile of potential count as high-potential for clustering.</summary>
    public double HighPotentialQuantile { get; init; } = 0.75;

    /// <summary>DBSCAN neighbourhood radius in km.</summary>
    public double ClusterRadiusKm { get; init; } = 50;

    /// <summary>DBSCAN core-point threshold (neighbours within the radius, the point included).</summary>
    public int MinClusterAccounts { get; init; } = 5;

    /// <summary>Expected win rate of a covered account; null estimates it from closed opportunities.</summary>
    public double? WinRate { get; init; }

    /// <summary>Prior win rate the estimate is smoothed toward (beta prior mean).</summary>
    public double PriorWinRate { get; init; } = 0.2;

    /// <summary>Weight of the prior, in pseudo-deals.</summary>
    public double PriorDeals { get; init; } = 10;

    /// <summary>Clusters listed in the report (all are considered for the headcount recommendation).</summary>
    public int MaxClusters { get; init; } = 25;

    public static CoverageOptions Default { get; } = new();
}

/// <summary>Coverage gaps: potential against capacity, uncovered clusters, their cost, and where a new rep pays most.</summary>
public sealed record CoverageReport(
    CoverageSummary Summary,
    IReadOnlyList<CoverageSlice> BySegment,
    IReadOnlyList<CoverageSlice> ByRegion,
    IReadOnlyList<RepLoad> Reps,
    IReadOnlyList<GapCluster> Clusters,
    int ClusterCount,
    HeadcountRecommendation? AddRep,
    IReadOnlyList<HeadcountRecommendation> AddRepCandidates,
    IReadOnlyList<string> Findings);

public sealed record CoverageSummary(
    int Accounts,
    int AssignedAccounts,
    int UnassignedAccounts,
    int Reps,
    double TotalCapacity,
    double AverageCapacity,
    int RepsWithDefaultCapacity,
    double PotentialArr,
    double CoveredPotential,
    double UncoveredPotential,
    double OpportunityCost,
    double WinRate,
    int ClosedDeals,
    double HighPotentialThreshold,
    int GapAccounts,
    int GapAccountsWithoutLocation);

/// <summary>One segment (tier) or region: demand, the rep capacity applied to it, and what goes uncovered.</summary>
public sealed record CoverageSlice(
    string Name,
    int Accounts,
    int UnassignedAccounts,
    double PotentialArr,
    double CapacityApplied,
    double CoveredPotential,
    double UncoveredPotential,
    double CoveragePct,
    double OpportunityCost);

public sealed record RepLoad(
    string RepId,
    string RepName,
    int Accounts,
    int Capacity,
    bool DefaultCapacity,
    double LoadPct,
    double PotentialArr,
    double UncoveredPotential,
    double OpportunityCost);

/// <summary>A spatial cluster of high-potential accounts with no owner or an overloaded one.</summary>
public sealed record GapCluster(
    int Id,
    string Label,
    GeoPoint Centroid,
    double RadiusKm,
    int Accounts,
    int UnassignedAccounts,
    double PotentialArr,
    double UncoveredPotential,
    double OpportunityCost,
    IReadOnlyList<ClusterOwner> Owners,
    string? NearestRepId,
    double? NearestRepKm,
    IReadOnlyList<string> AccountIds,
    string Sentence);

public sealed record ClusterOwner(string RepId, int AccountsInCluster, double LoadPct);

public enum HeadcountTarget
{
    Cluster,
    Region,
}

/// <summary>What one added rep of average capacity would recover if given the best accounts of a target.</summary>
public sealed record HeadcountRecommendation(
    HeadcountTarget Kind,
    string Label,
    int? ClusterId,
    int AccountsTaken,
    double NewRepCapacity,
    double RecoveredPotential,
    double RecoveredOpportunityCost,
    IReadOnlyList<string> AccountIds,
    string Sentence);
