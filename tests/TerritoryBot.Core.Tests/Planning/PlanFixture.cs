using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Core.Tests.Planning;

/// <summary>
/// A small crafted territory with known numbers, hand-made scores (so documents do not change when the
/// scoring engine does) and hostile strings in names and notes.
/// </summary>
internal static class PlanFixture
{
    public static readonly DateOnly AsOf = new(2025, 1, 6);

    public const string HostileName = "Acme <script>alert(\"x\")</script> & Co | *Ltd*";
    public const string HostileNotes = "Champion: CFO <img src=x onerror=alert(1)>; [link](javascript:alert(2))";

    public static DataSet Data()
    {
        var reps = new[]
        {
            new Rep { RepId = "r1", Name = "Ada Lovelace", Seniority = Seniority.Senior, Quota = 1_200_000, Capacity = 10, Home = new GeoPoint(40.71, -74.01), Region = "NY", IndustryStrengths = ["Software"] },
            new Rep { RepId = "r2", Name = "Grace Hopper", Seniority = Seniority.Junior, Quota = 800_000, Capacity = 12, Ramping = true, Home = new GeoPoint(42.36, -71.06), Region = "MA", IndustryStrengths = ["Healthcare"] },
            new Rep { RepId = "r3", Name = "Alan Turing", Seniority = Seniority.Mid, Quota = 900_000, Capacity = 12, Home = new GeoPoint(39.95, -75.17), Region = "PA" },
            new Rep { RepId = "m1", Name = "Manager Mo", Role = RepRole.Manager },
        };
        var accounts = new[]
        {
            Acc("a01", "Northwind Bank", "Financial Services", 8000, "r1", 40.75, -73.99, "NY", isCustomer: true, arr: 220_000, intent: 55, notes: "Renewal in March; CIO sponsor", last: new(2024, 12, 10), tech: ["Snowflake", "Salesforce"]),
            Acc("a02", HostileName, "Software", 3000, "r1", 40.73, -74.17, "NJ", intent: 88, notes: "Met the VP Sales at the summit", last: new(2024, 11, 2), tech: ["Snowflake"]),
            Acc("a03", "Contoso Health", "Healthcare", 5000, "r1", 41.31, -72.92, "CT", isCustomer: true, arr: 90_000, intent: 40, last: new(2024, 8, 1)),
            Acc("a04", "Fabrikam Software", "Software", 1200, "r1", 40.44, -79.99, "PA", intent: 72, growth: 0.35, tech: ["AWS"]),
            Acc("a05", "Tailspin Retail", "Retail", 600, "r1", 40.65, -73.95, "NY", intent: 20),
            Acc("a06", "Woodgrove Financial", "Financial Services", 2500, "r2", 42.35, -71.05, "MA", intent: 64, notes: HostileNotes, last: new(2024, 12, 20)),
            Acc("a07", "Litware Labs", "Software", 900, "r2", 42.28, -71.80, "MA", isCustomer: true, arr: 45_000, intent: 30, last: new(2024, 10, 5)),
            Acc("a08", "Proseware Clinics", "Healthcare", 4000, "r2", 41.82, -71.41, "RI", intent: 91),
            Acc("a09", "Adventure Works", "Manufacturing", 7000, "r3", 39.96, -75.60, "PA", isCustomer: true, arr: 150_000, intent: 45, last: new(2024, 12, 1)),
            Acc("a10", "Blue Yonder Air", "Software", 1500, "r3", 39.29, -76.61, "MD", intent: 77, tech: ["Snowflake"]),
            Acc("a11", "Coho Vineyard", "Retail", 300, null, 40.22, -74.76, "NJ", intent: 15),
            Acc("a12", "Margie's Travel", "Software", 2200, "r3", 40.06, -74.41, "NJ", intent: 60, notes: "Evaluated us in 2023, chose CompetitorX"),
        };
        var opps = new List<Opportunity>
        {
            // r1: 6 of 6 in Software (the small-sample case), 1 of 3 in Financial Services.
            Won("o01", "a02", "r1", 60_000), Won("o02", "a04", "r1", 40_000), Won("o03", "a02", "r1", 30_000),
            Won("o04", "a04", "r1", 25_000), Won("o05", "a02", "r1", 35_000), Won("o06", "a04", "r1", 50_000),
            Won("o07", "a01", "r1", 120_000), Lost("o08", "a01", "r1", 90_000), Lost("o09", "a01", "r1", 60_000),
            // r2: 2 of 8 across industries.
            Won("o10", "a06", "r2", 45_000), Lost("o11", "a06", "r2", 50_000), Lost("o12", "a08", "r2", 70_000), Lost("o13", "a08", "r2", 30_000),
            Won("o14", "a07", "r2", 20_000), Lost("o15", "a07", "r2", 25_000), Lost("o16", "a06", "r2", 40_000), Lost("o17", "a08", "r2", 35_000),
            // r3: 4 of 10.
            Won("o18", "a09", "r3", 80_000), Lost("o19", "a09", "r3", 60_000), Won("o20", "a10", "r3", 40_000), Lost("o21", "a10", "r3", 30_000),
            Lost("o22", "a12", "r3", 55_000), Won("o23", "a12", "r3", 25_000), Lost("o24", "a01", "r3", 75_000), Won("o25", "a03", "r3", 65_000),
            Lost("o26", "a05", "r3", 10_000), Lost("o27", "a11", "r3", 12_000),
            // Open pipeline.
            Open("o30", "a01", "r1", 150_000, new(2025, 3, 15)), Open("o31", "a02", "r1", 80_000, new(2025, 5, 1)),
            Open("o32", "a06", "r2", 60_000, new(2025, 2, 20)), Open("o33", "a08", "r2", 95_000, new(2025, 8, 30)),
            Open("o34", "a10", "r3", 70_000, new(2025, 4, 10)), Open("o35", "a09", "r3", 40_000, null),
        };
        return new DataSet(accounts, reps, opps, IcpProfile.Default);
    }

    /// <summary>Scores by hand: potential and tier chosen so the tiers and the top accounts are known.</summary>
    public static IReadOnlyList<AccountScore> Scores(DataSet data)
    {
        var table = new Dictionary<string, (int Fit, double Score, double Potential, Tier Tier)>
        {
            ["a01"] = (5, 86, 900_000, Tier.Strategic),
            ["a02"] = (4, 91, 620_000, Tier.Strategic),
            ["a03"] = (3, 58, 260_000, Tier.Enterprise),
            ["a04"] = (4, 77, 210_000, Tier.Enterprise),
            ["a05"] = (2, 22, 40_000, Tier.SMB),
            ["a06"] = (4, 70, 300_000, Tier.Enterprise),
            ["a07"] = (3, 48, 95_000, Tier.Commercial),
            ["a08"] = (4, 84, 420_000, Tier.Strategic),
            ["a09"] = (4, 66, 520_000, Tier.Strategic),
            ["a10"] = (4, 74, 180_000, Tier.Enterprise),
            ["a11"] = (2, 18, 30_000, Tier.SMB),
            ["a12"] = (3, 61, 160_000, Tier.Enterprise),
        };
        var open = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
        return data.Accounts.Select(a =>
        {
            var t = table[a.AccountId];
            var status = a.IsCustomer ? AccountStatus.ActiveCustomer : open.Contains(a.AccountId) ? AccountStatus.ActiveProspect : AccountStatus.ColdProspect;
            return new AccountScore
            {
                AccountId = a.AccountId,
                IcpFit = t.Fit,
                OpportunityScore = t.Score,
                PotentialArr = t.Potential,
                PotentialLow = t.Potential * 0.8,
                PotentialHigh = t.Potential * 1.25,
                Tier = t.Tier,
                Status = status,
                Priority = t.Score >= 70 ? Priority.High : t.Score >= 45 ? Priority.Medium : Priority.Low,
                Whitespace = !a.IsCustomer && status == AccountStatus.ColdProspect && t.Fit >= 4,
            };
        }).ToArray();
    }

    /// <summary>A target that moves a04 r1→r3, a06 r2→r1, a11 unassigned→r1 and a09 r3→r2.</summary>
    public static IReadOnlyList<Assignment> Target() =>
    [
        new("a04", "r3"), new("a06", "r1"), new("a11", "r1"), new("a09", "r2"),
    ];

    public static PlanInput Input(string repId = "r1", IReadOnlyList<Assignment>? target = null, string? targetName = null)
    {
        var data = Data();
        var scores = Scores(data);
        return new PlanInput
        {
            Data = data,
            Scores = scores,
            Fit = FitEngine.Analyze(data, scores),
            RepId = repId,
            AsOf = AsOf,
            Target = target,
            TargetName = targetName,
        };
    }

    private static Account Acc(string id, string name, string industry, int employees, string? owner, double lat, double lon, string region,
        bool isCustomer = false, double arr = 0, double? intent = null, string? notes = null, DateOnly? last = null, double? growth = null, string[]? tech = null) => new()
    {
        AccountId = id,
        Name = name,
        Industry = industry,
        Employees = employees,
        OwnerId = owner,
        Location = new GeoPoint(lat, lon),
        Region = region,
        Country = "US",
        IsCustomer = isCustomer,
        CurrentArr = arr,
        IntentScore = intent,
        RelationshipNotes = notes,
        LastActivityDate = last,
        GrowthRate = growth,
        TechStack = tech ?? [],
    };

    private static Opportunity Won(string id, string account, string owner, double amount) =>
        new() { OpportunityId = id, AccountId = account, OwnerId = owner, Amount = amount, Stage = "Closed Won", CloseDate = new(2024, 6, 1) };

    private static Opportunity Lost(string id, string account, string owner, double amount) =>
        new() { OpportunityId = id, AccountId = account, OwnerId = owner, Amount = amount, Stage = "closed lost", CloseDate = new(2024, 6, 1) };

    private static Opportunity Open(string id, string account, string owner, double amount, DateOnly? close) =>
        new() { OpportunityId = id, AccountId = account, OwnerId = owner, Amount = amount, Stage = "Proposal", CloseDate = close, LastActivityDate = new(2024, 12, 28) };
}
