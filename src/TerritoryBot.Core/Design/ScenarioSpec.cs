namespace TerritoryBot.Core.Design;

/// <summary>Per-account cost weights of a scenario (all dimensionless, see docs/design.md).</summary>
internal readonly record struct CostWeights(double Geo = 0, double Affinity = 0, double Segment = 0, double Vertical = 0, double Move = 0);

/// <summary>Penalty on one dimension's relative deviation x: Alpha·x² + Beta·max(0, |x| − Band)².</summary>
internal readonly record struct DimensionWeight(double Alpha, double Beta = 0, double Band = 0);

internal enum Construction
{
    /// <summary>Price-adjusted nearest assignment (balanced Voronoi / Lagrangian), then greedy by size.</summary>
    Priced,
    /// <summary>Largest first, each to the candidate whose objective rises least.</summary>
    Greedy,
    /// <summary>Start from the current owners; only orphans and rule breakers are placed.</summary>
    Current,
}

/// <summary>What a scenario optimises: balance weights per dimension, per-account costs, construction.</summary>
internal sealed record ScenarioSpec(
    string Name,
    string Description,
    int Primary,
    DimensionWeight[] Dimensions,
    CostWeights Other,
    CostWeights Key,
    Construction Construction,
    bool KeyIsNamedOrStrategic = false,
    bool Verticals = false,
    bool SegmentGroups = false,
    bool MoveCap = false)
{
    public static ScenarioSpec For(string name, DesignOptions o)
    {
        double tol = o.Tolerance;
        const int P = DesignProblem.Potential, W = DesignProblem.Workload;
        // Default dimension penalties: potential is the currency of fairness; workload second.
        DimensionWeight[] Balanced(double potBand, double workAlpha, double workBand) =>
        [
            new(1, 400, potBand),
            new(workAlpha, 100, workBand),
            new(0.05),
            new(0.02),
        ];

        return name switch
        {
            ScenarioNames.Geographic => new(name,
                "Compact regions around each rep's home, balanced on potential.",
                P, Balanced(tol / 2, 0.2, tol * 2), new(Geo: 0.6), new(Geo: 0.6), Construction.Priced),
            ScenarioNames.Industry => new(name,
                "Verticals matched to reps' industry strengths; large verticals split between reps, by geography.",
                P, Balanced(tol / 2, 0.2, tol * 2), new(Geo: 0.05, Affinity: 0.3, Vertical: 0.6), new(Geo: 0.05, Affinity: 0.3, Vertical: 0.6),
                Construction.Priced, Verticals: true),
            ScenarioNames.Size => new(name,
                "Segments by tier to rep seniority: Strategic and Enterprise to senior reps, Commercial to mid, SMB to junior.",
                P, Balanced(tol / 2, 0.2, tol * 2), new(Geo: 0.05, Segment: 0.6), new(Geo: 0.05, Segment: 0.6),
                Construction.Priced, SegmentGroups: true),
            ScenarioNames.Hybrid => new(name,
                "Named and Strategic accounts to the best-fit senior reps; everything else geographic.",
                P, Balanced(tol / 2, 0.2, tol * 2), new(Geo: 0.6), new(Affinity: 0.6, Segment: 0.6),
                Construction.Priced, KeyIsNamedOrStrategic: true),
            ScenarioNames.Opportunity => new(name,
                "Potential balanced first; workload kept within a band; geography as a tie-breaker.",
                P, [new(1, 2000, 0.002), new(0.3, 400, 0.02), new(0.02), new(0.01)], new(Geo: 0.004), new(Geo: 0.004), Construction.Greedy),
            ScenarioNames.Workload => new(name,
                "Workload balanced first; potential kept within a band; geography as a tie-breaker.",
                W, [new(0.3, 400, 0.02), new(1, 2000, 0.002), new(0.02), new(0.01)], new(Geo: 0.004), new(Geo: 0.004), Construction.Greedy),
            ScenarioNames.Rebalance => new(name,
                "The current plan repaired with as few moves as possible, under the move cap and the locks.",
                P, [new(1, 1000, 0.003), new(0.1), new(0.01), new(0.01)], new(Geo: 0.01, Move: 0.2), new(Geo: 0.01, Move: 0.2),
                Construction.Current, MoveCap: true),
            _ => throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", ScenarioNames.All)}."),
        };
    }
}
