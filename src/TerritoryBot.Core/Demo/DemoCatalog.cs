namespace TerritoryBot.Core.Demo;

/// <summary>A city inside a metro: where accounts are placed, with the ZIP range and jitter that fit it.</summary>
internal sealed record DemoCity(string Name, string State, double Latitude, double Longitude, int ZipLow, int ZipHigh, double SpreadKm, double Weight);

/// <summary>A US metro area; Weight is roughly its population in millions (how many companies it holds).</summary>
internal sealed record DemoMetro(string Name, double Weight, DemoCity[] Cities, (string Industry, double Factor)[] Tilt);

// An industry with its generative parameters (see docs/demo-data.md). Share: of companies before metro
// tilts; IcpWeight: written to icp.json targetIndustries and used by the latent fit; SizeFactor: multiplies
// the median company size; RevenuePerEmployee: USD; PotentialMultiplier: how much of the product a company
// of this industry can use; TechSophistication: mean of the latent (0–1); GrowthMean: mean yearly growth;
// WinEase: added to a rep's win probability in this industry; Suffixes: company-name endings.
internal sealed record DemoIndustry(
    string Name,
    double Share,
    double IcpWeight,
    double SizeFactor,
    double RevenuePerEmployee,
    double PotentialMultiplier,
    double TechSophistication,
    double GrowthMean,
    double WinEase,
    string[] Suffixes);

// A technology that may appear in a tech stack. Prevalence: base probability that a mid-sized company uses
// it; Modern: modern data-stack tools are much more likely at tech-sophisticated companies; IcpAffinity:
// written to icp.json techAffinity (0 = not in the ICP).
internal sealed record DemoTech(string Name, double Prevalence, bool Modern, double IcpAffinity);

/// <summary>The fixed tables behind the demo universe: real US metros, an industry mix, a tech pool, names.</summary>
internal static class DemoCatalog
{
    public const string Product = "Atlas Revenue Analytics";
    public const double AverageAcv = 60_000;
    public const int IcpMinEmployees = 200;
    public const int IcpMaxEmployees = 10_000;
    public const string Competitor = "Vantora";
    public const string EmailDomain = "example.com";

    // Ordered as a tour of the country (Pacific Northwest → California → Southwest → Mountain → Texas →
    // Midwest → Southeast → Mid-Atlantic → Northeast) so contiguous runs of this list are contiguous
    // regions: last year's plan is cut along this order.
    public static readonly DemoMetro[] Metros =
    [
        M("Seattle", 4.0, [C("Seattle", "WA", 47.6062, -122.3321, 98101, 98199, 10, 3), C("Bellevue", "WA", 47.6101, -122.2015, 98004, 98008, 6, 1)],
            ("Software", 2.2), ("Logistics", 1.3)),
        M("Portland", 2.5, [C("Portland", "OR", 45.5152, -122.6784, 97201, 97299, 10, 1)], ("Manufacturing", 1.3)),
        M("Sacramento", 2.4, [C("Sacramento", "CA", 38.5816, -121.4944, 95811, 95899, 12, 1)], ("Government", 2.5)),
        M("San Francisco", 4.7, [C("San Francisco", "CA", 37.7749, -122.4194, 94102, 94134, 4, 2), C("Oakland", "CA", 37.8044, -122.2712, 94601, 94621, 6, 1)],
            ("Software", 2.8), ("Financial Services", 1.3), ("Media", 1.3)),
        M("San Jose", 2.0, [C("San Jose", "CA", 37.3382, -121.8863, 95110, 95139, 9, 2), C("Palo Alto", "CA", 37.4419, -122.1430, 94301, 94306, 4, 1)],
            ("Software", 3.2), ("Manufacturing", 1.3)),
        M("Los Angeles", 13.0, [C("Los Angeles", "CA", 34.0522, -118.2437, 90001, 90089, 14, 3), C("Irvine", "CA", 33.6846, -117.8265, 92602, 92620, 8, 1), C("Long Beach", "CA", 33.7701, -118.1937, 90802, 90815, 6, 1)],
            ("Media", 2.8), ("Retail", 1.2), ("Logistics", 1.3)),
        M("San Diego", 3.3, [C("San Diego", "CA", 32.7157, -117.1611, 92101, 92199, 12, 1)], ("Healthcare", 1.5), ("Government", 1.3)),
        M("Las Vegas", 2.3, [C("Las Vegas", "NV", 36.1699, -115.1398, 89101, 89199, 12, 1)], ("Hospitality", 4.0)),
        M("Phoenix", 4.9, [C("Phoenix", "AZ", 33.4484, -112.0740, 85001, 85099, 16, 3), C("Scottsdale", "AZ", 33.4942, -111.9261, 85250, 85262, 6, 1)],
            ("Healthcare", 1.2), ("Insurance", 1.2)),
        M("Salt Lake City", 1.3, [C("Salt Lake City", "UT", 40.7608, -111.8910, 84101, 84199, 12, 1)], ("Software", 1.4)),
        M("Denver", 3.0, [C("Denver", "CO", 39.7392, -104.9903, 80201, 80299, 14, 3), C("Boulder", "CO", 40.0150, -105.2705, 80301, 80310, 5, 1)],
            ("Energy", 1.6), ("Software", 1.3), ("Telecommunications", 1.4)),
        M("San Antonio", 2.6, [C("San Antonio", "TX", 29.4241, -98.4936, 78201, 78299, 14, 1)], ("Government", 1.6), ("Healthcare", 1.3)),
        M("Austin", 2.4, [C("Austin", "TX", 30.2672, -97.7431, 78701, 78799, 12, 1)], ("Software", 2.2), ("Government", 1.4)),
        M("Houston", 7.1, [C("Houston", "TX", 29.7604, -95.3698, 77001, 77099, 18, 1)], ("Energy", 4.0), ("Healthcare", 1.3), ("Logistics", 1.3)),
        M("Dallas", 7.6, [C("Dallas", "TX", 32.7767, -96.7970, 75201, 75254, 14, 3), C("Fort Worth", "TX", 32.7555, -97.3308, 76101, 76137, 10, 1), C("Plano", "TX", 33.0198, -96.6989, 75023, 75094, 6, 1)],
            ("Financial Services", 1.3), ("Telecommunications", 1.6), ("Logistics", 1.3)),
        M("Kansas City", 2.2, [C("Kansas City", "MO", 39.0997, -94.5786, 64101, 64199, 14, 1)], ("Logistics", 1.4), ("Insurance", 1.3)),
        M("Minneapolis", 3.7, [C("Minneapolis", "MN", 44.9778, -93.2650, 55401, 55488, 14, 1)], ("Healthcare", 1.4), ("Retail", 1.4), ("Manufacturing", 1.2)),
        M("St. Louis", 2.8, [C("St. Louis", "MO", 38.6270, -90.1994, 63101, 63199, 14, 1)], ("Healthcare", 1.2), ("Manufacturing", 1.2)),
        M("Chicago", 9.5, [C("Chicago", "IL", 41.8781, -87.6298, 60601, 60661, 12, 4), C("Naperville", "IL", 41.7508, -88.1535, 60540, 60565, 8, 1)],
            ("Financial Services", 1.3), ("Manufacturing", 1.3), ("Logistics", 1.4), ("Insurance", 1.3)),
        M("Indianapolis", 2.1, [C("Indianapolis", "IN", 39.7684, -86.1581, 46201, 46298, 14, 1)], ("Healthcare", 1.3), ("Logistics", 1.3)),
        M("Detroit", 4.3, [C("Detroit", "MI", 42.3314, -83.0458, 48201, 48235, 16, 1)], ("Manufacturing", 3.0)),
        M("Cincinnati", 2.3, [C("Cincinnati", "OH", 39.1031, -84.5120, 45201, 45299, 14, 1)], ("Retail", 1.4), ("Manufacturing", 1.3)),
        M("Columbus", 2.2, [C("Columbus", "OH", 39.9612, -82.9988, 43201, 43299, 14, 1)], ("Insurance", 1.6), ("Retail", 1.3), ("Education", 1.3)),
        M("Cleveland", 2.1, [C("Cleveland", "OH", 41.4993, -81.6944, 44101, 44199, 14, 1)], ("Healthcare", 1.5), ("Manufacturing", 1.4)),
        M("Pittsburgh", 2.4, [C("Pittsburgh", "PA", 40.4406, -79.9959, 15201, 15299, 14, 1)], ("Healthcare", 1.3), ("Energy", 1.3), ("Education", 1.3)),
        M("Nashville", 2.0, [C("Nashville", "TN", 36.1627, -86.7816, 37201, 37250, 14, 1)], ("Healthcare", 2.2), ("Media", 1.3)),
        M("Atlanta", 6.1, [C("Atlanta", "GA", 33.7490, -84.3880, 30301, 30350, 18, 1)], ("Logistics", 1.4), ("Financial Services", 1.2), ("Media", 1.2)),
        M("Charlotte", 2.7, [C("Charlotte", "NC", 35.2271, -80.8431, 28201, 28299, 14, 1)], ("Financial Services", 2.2)),
        M("Raleigh", 1.5, [C("Raleigh", "NC", 35.7796, -78.6382, 27601, 27699, 10, 2), C("Durham", "NC", 35.9940, -78.8986, 27701, 27713, 6, 1)],
            ("Software", 1.5), ("Healthcare", 1.4), ("Education", 1.3)),
        M("Orlando", 2.7, [C("Orlando", "FL", 28.5383, -81.3792, 32801, 32899, 14, 1)], ("Hospitality", 2.5)),
        M("Tampa", 3.2, [C("Tampa", "FL", 27.9506, -82.4572, 33601, 33694, 10, 1)], ("Financial Services", 1.2), ("Healthcare", 1.2)),
        M("Miami", 6.1, [C("Miami", "FL", 25.7617, -80.1918, 33101, 33199, 8, 2), C("Fort Lauderdale", "FL", 26.1224, -80.1373, 33301, 33394, 6, 1)],
            ("Hospitality", 1.6), ("Logistics", 1.3), ("Financial Services", 1.2)),
        M("Washington", 6.3, [C("Washington", "DC", 38.9072, -77.0369, 20001, 20020, 6, 2), C("Arlington", "VA", 38.8816, -77.0910, 22201, 22209, 5, 1), C("Bethesda", "MD", 38.9847, -77.0947, 20814, 20817, 4, 1)],
            ("Government", 4.5), ("Professional Services", 1.5), ("Telecommunications", 1.2)),
        M("Baltimore", 2.8, [C("Baltimore", "MD", 39.2904, -76.6122, 21201, 21298, 12, 1)], ("Healthcare", 1.4), ("Education", 1.3)),
        M("Philadelphia", 6.2, [C("Philadelphia", "PA", 39.9526, -75.1652, 19102, 19154, 14, 1)], ("Healthcare", 1.4), ("Insurance", 1.3), ("Education", 1.2)),
        M("New York", 19.5, [C("New York", "NY", 40.7128, -74.0060, 10001, 10282, 5, 6), C("Jersey City", "NJ", 40.7178, -74.0431, 7302, 7311, 3, 1), C("Stamford", "CT", 41.0534, -73.5387, 6901, 6907, 6, 1)],
            ("Financial Services", 2.5), ("Media", 2.0), ("Professional Services", 1.4), ("Insurance", 1.3)),
        M("Boston", 4.9, [C("Boston", "MA", 42.3601, -71.0589, 2108, 2137, 8, 3), C("Cambridge", "MA", 42.3736, -71.1097, 2138, 2142, 3, 1)],
            ("Healthcare", 1.5), ("Education", 1.8), ("Software", 1.5), ("Financial Services", 1.3)),
    ];

    public static readonly DemoIndustry[] Industries =
    [
        new("Software", 0.14, 1.0, 0.8, 250_000, 1.10, 0.72, 0.20, 0.06, ["Software", "Labs", "Systems", "Technologies", "Cloud"]),
        new("Financial Services", 0.09, 0.9, 1.3, 420_000, 1.30, 0.60, 0.08, -0.02, ["Capital", "Financial", "Bancorp", "Partners", "Credit"]),
        new("Insurance", 0.04, 0.8, 1.4, 480_000, 1.20, 0.50, 0.05, -0.03, ["Insurance", "Mutual", "Assurance", "Underwriters"]),
        new("Healthcare", 0.12, 0.75, 1.3, 160_000, 1.00, 0.45, 0.09, -0.05, ["Health", "Medical", "Care", "Clinics", "Therapeutics"]),
        new("Retail", 0.09, 0.6, 1.2, 230_000, 0.90, 0.45, 0.06, 0.03, ["Retail", "Brands", "Outfitters", "Market", "Goods"]),
        new("Manufacturing", 0.12, 0.55, 1.4, 300_000, 0.90, 0.35, 0.05, 0.00, ["Manufacturing", "Industries", "Components", "Fabrication", "Works"]),
        new("Telecommunications", 0.03, 0.5, 1.6, 520_000, 1.15, 0.55, 0.04, -0.04, ["Telecom", "Networks", "Communications", "Wireless"]),
        new("Media", 0.05, 0.5, 0.9, 260_000, 0.85, 0.55, 0.08, 0.02, ["Media", "Studios", "Publishing", "Entertainment"]),
        new("Logistics", 0.06, 0.45, 1.1, 210_000, 0.85, 0.40, 0.07, 0.00, ["Logistics", "Freight", "Transport", "Shipping"]),
        new("Professional Services", 0.12, 0.4, 0.7, 160_000, 0.80, 0.45, 0.07, 0.04, ["Consulting", "Advisors", "Group", "Associates", "Partners"]),
        new("Energy", 0.03, 0.35, 1.5, 800_000, 1.00, 0.35, 0.03, -0.03, ["Energy", "Power", "Resources", "Oil & Gas", "Utilities"]),
        new("Hospitality", 0.04, 0.3, 1.0, 75_000, 0.60, 0.25, 0.05, 0.02, ["Hotels", "Hospitality", "Resorts", "Restaurants"]),
        new("Education", 0.04, 0.25, 1.5, 110_000, 0.60, 0.30, 0.02, -0.04, ["University", "College", "Academy", "Learning"]),
        new("Government", 0.03, 0.2, 2.0, 150_000, 0.70, 0.25, 0.01, -0.10, ["County", "City Services", "Authority", "Department"]),
    ];

    // At most 31 entries: a tech stack is a bit mask over this table.
    public static readonly DemoTech[] Techs =
    [
        new("Snowflake", 0.10, true, 1.0),
        new("Databricks", 0.06, true, 0.8),
        new("dbt", 0.06, true, 0.7),
        new("Salesforce", 0.35, false, 0.6),
        new("AWS", 0.40, true, 0.5),
        new("Tableau", 0.15, false, 0.4),
        new("Google Cloud", 0.15, true, 0.3),
        new("Looker", 0.06, true, 0.3),
        new("HubSpot", 0.20, false, 0),
        new("Microsoft 365", 0.60, false, 0),
        new("Google Workspace", 0.30, false, 0),
        new("Slack", 0.35, true, 0),
        new("Zendesk", 0.12, false, 0),
        new("Workday", 0.10, false, 0),
        new("SAP", 0.08, false, 0),
        new("Oracle", 0.08, false, 0),
        new("ServiceNow", 0.08, false, 0),
        new("Jira", 0.25, true, 0),
        new("Okta", 0.15, true, 0),
        new("Power BI", 0.20, false, 0),
        new("Shopify", 0.05, false, 0),
        new("Kubernetes", 0.10, true, 0),
        new(Competitor, 0.05, true, 0),
    ];

    public static readonly string[] NameFirst =
    [
        "North", "Blue", "Silver", "Granite", "Cedar", "Summit", "Harbor", "Iron", "Bright", "Clear",
        "Red", "Golden", "Pine", "Oak", "River", "Stone", "Falcon", "Eagle", "Maple", "Prairie",
        "Crescent", "Atlas", "Beacon", "Keystone", "Pioneer", "Liberty", "Frontier", "Horizon", "Meridian", "Vertex",
        "Apex", "Sterling", "Copper", "Willow", "Aspen", "Coastal", "Lakeside", "Highland", "Evergreen", "Union",
        "Pacific", "Atlantic", "Central", "Capitol", "Metro", "Crown", "Anchor", "Bridge", "Lantern", "Orchard",
        "Quarry", "Sable", "Tidewater", "Vista", "Westbrook", "Brook", "Hawthorne", "Juniper", "Mesa", "Nimbus",
    ];

    public static readonly string[] NameSecond =
    [
        "point", "field", "ridge", "gate", "view", "stone", "wood", "line", "wave", "light",
        "path", "bay", "crest", "dale", "forge", "haven", "mark", "peak", "port", "shore",
        "spring", "star", "vale", "well", "works", "bridge", "brook", "hill", "land", "way",
        "", "", "", "", "", "", "", "", "", "",
    ];

    // Appended after the industry ending of a name already taken, so it can never equal a plain two-part name.
    public static readonly string[] NameDescriptors = ["Inc.", "Holdings", "International", "Worldwide", "Enterprises", "USA", "America", "Global"];

    public static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
        "Mia", "Mateo", "Amelia", "Ethan", "Harper", "Aiden", "Evelyn", "Daniel", "Priya", "Wei",
        "Aisha", "Carlos", "Grace", "Marcus", "Hannah", "Diego", "Chloe", "Samuel", "Nora", "Jamal",
        "Leah", "Omar", "Zoe", "Ryan", "Maya", "Kevin", "Elena", "Victor", "Naomi", "Tyler",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Patel", "Kim", "Chen",
    ];

    public static readonly string[] Titles = ["CFO", "CIO", "CTO", "VP Sales Operations", "VP Data", "Head of Analytics", "COO", "VP Finance"];

    public static readonly string[] OpportunityNotes =
    [
        "Champion is the {title}; security review pending.",
        "Evaluating {competitor} in parallel.",
        "Budget approved; procurement wants a multi-year discount.",
        "Pilot with two teams before a wider rollout.",
        "Needs SSO and data residency answers from the SE.",
        "Decision moved after a reorg; re-engage the {title}.",
        "Legal redlines on the DPA.",
        "Strong usage in the trial; expansion to other regions likely.",
    ];

    public static readonly string[] LostNotes =
    [
        "Lost to {competitor} on price.",
        "No decision; the project was shelved.",
        "Budget cut after the {month} reforecast.",
        "Chose to build in-house.",
        "Stayed with the incumbent BI tool.",
    ];

    public static readonly string[] RelationshipNotes =
    [
        "Executive sponsor is the {title}; quarterly business reviews in place.",
        "Champion ({title}) left last quarter; rebuilding the relationship.",
        "Renewal in {month}; happy with support, asks for better forecasting.",
        "Uses the product in two business units; third unit is the expansion target.",
        "Escalation last year over an outage; relationship recovered.",
        "{title} is a public reference and spoke at our user conference.",
        "Procurement-led account; all changes go through the {title}.",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    private static DemoMetro M(string name, double weight, DemoCity[] cities, params (string Industry, double Factor)[] tilt) =>
        new(name, weight, cities, tilt);

    private static DemoCity C(string name, string state, double lat, double lon, int zipLow, int zipHigh, double spreadKm, double weight) =>
        new(name, state, lat, lon, zipLow, zipHigh, spreadKm, weight);
}
