namespace TerritoryBot.Core.Model;

/// <summary>The ideal customer profile (icp.json). Dictionary keys are matched case-insensitively.</summary>
public sealed record IcpProfile
{
    public string Product { get; init; } = "TerritoryBot customer";
    public double AverageAcv { get; init; } = 60_000;
    public IReadOnlyDictionary<string, double> TargetIndustries { get; init; } =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
    public EmployeeRange EmployeeRange { get; init; } = new(200, 10_000);
    public IReadOnlyDictionary<string, double> TechAffinity { get; init; } =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<string> Competitors { get; init; } = [];

    /// <summary>Size floors under the potential tiers (icp.json sizeBands; empty = tiers by potential alone).</summary>
    public IReadOnlyList<Tiering.SizeBand> SizeBands { get; init; } = Tiering.SizeBands.Default;

    /// <summary>Extra labels that mean one of the target industries (icp.json industrySynonyms): canonical → labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> IndustrySynonyms { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Used when a data folder has no icp.json: a generic B2B software profile.</summary>
    public static IcpProfile Default { get; } = new()
    {
        Product = "B2B software",
        AverageAcv = 60_000,
        TargetIndustries = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
        {
            ["Software"] = 1.0,
            ["Financial Services"] = 0.9,
            ["Healthcare"] = 0.7,
            ["Retail"] = 0.6,
            ["Manufacturing"] = 0.6,
        },
        EmployeeRange = new(200, 10_000),
        TechAffinity = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
        {
            ["Snowflake"] = 1.0,
            ["Salesforce"] = 0.6,
            ["AWS"] = 0.5,
        },
        Competitors = [],
        SizeBands = Tiering.SizeBands.Default,
    };
}

public readonly record struct EmployeeRange(int Min, int Max);
