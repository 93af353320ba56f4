namespace TerritoryBot.Core.Whitespace;

/// <summary>
/// A small rule table: the pains a rep can open with in each industry and who to open with. Industry labels
/// are free text, so a label matches an entry when it contains one of the entry's keywords.
/// </summary>
public static class IndustryPlaybook
{
    /// <summary>Companies below this headcount are entered through an operating leader, above it through a VP/C-level.</summary>
    public const int LargeCompanyEmployees = 1000;

    public sealed record Play(string Name, IReadOnlyList<string> Pains, string SmallCompanyPersona, string LargeCompanyPersona);

    private static readonly (string[] Keywords, Play Play)[] Plays =
    [
        (["software", "saas", "internet"], new("Software",
            ["scaling go-to-market without adding headcount", "data spread across too many tools", "net revenue retention under board scrutiny"],
            "Head of Revenue Operations", "VP Engineering")),
        (["financial", "bank", "fintech", "capital", "investment"], new("Financial Services",
            ["regulatory reporting load", "fraud and risk visibility", "legacy systems slowing product launches"],
            "Head of Operations", "Chief Data Officer")),
        (["insurance"], new("Insurance",
            ["slow claims cycle times", "pricing accuracy on thin data", "agent and broker productivity"],
            "Head of Claims Operations", "Chief Operating Officer")),
        (["health", "medical", "pharma", "biotech", "life science"], new("Healthcare",
            ["compliance and audit effort (HIPAA)", "fragmented patient and provider data", "staff shortages driving cost"],
            "Director of Operations", "Chief Information Officer")),
        (["retail", "e-commerce", "ecommerce", "consumer"], new("Retail",
            ["inventory and demand forecasting misses", "customer acquisition cost rising", "omnichannel data silos"],
            "Head of E-commerce", "Chief Digital Officer")),
        (["manufactur", "industrial", "automotive"], new("Manufacturing",
            ["supply-chain disruption and visibility", "downtime and maintenance cost", "quoting and order-to-cash delays"],
            "Plant Operations Manager", "VP Operations")),
        (["logistic", "transport", "shipping", "supply chain"], new("Logistics",
            ["thin margins on every lane", "shipment visibility for customers", "driver and warehouse capacity"],
            "Operations Manager", "VP Supply Chain")),
        (["energy", "utilit", "oil", "gas", "renewable"], new("Energy",
            ["asset reliability and field work", "regulatory and emissions reporting", "volatile demand planning"],
            "Asset Operations Manager", "VP Operations")),
        (["telecom", "communication"], new("Telecommunications",
            ["subscriber churn", "network cost per customer", "slow rollout of new offers"],
            "Customer Experience Lead", "Chief Technology Officer")),
        (["education", "university", "school", "edtech"], new("Education",
            ["enrolment and retention pressure", "tight budgets and grant reporting", "disconnected student systems"],
            "Director of IT", "Chief Information Officer")),
        (["media", "entertainment", "publishing", "gaming"], new("Media",
            ["audience data fragmented across channels", "ad revenue volatility", "content production cost"],
            "Head of Audience", "Chief Revenue Officer")),
        (["government", "public sector"], new("Government",
            ["procurement and compliance burden", "legacy systems and citizen service levels", "audit readiness"],
            "IT Program Manager", "Chief Information Officer")),
        (["professional", "consulting", "legal", "accounting", "services"], new("Professional Services",
            ["utilisation and billable hours", "knowledge trapped in people", "proposal-to-project handoff"],
            "Director of Operations", "Chief Operating Officer")),
        (["real estate", "construction", "property"], new("Real Estate",
            ["project cost overruns", "tenant and asset data in spreadsheets", "financing and reporting cycles"],
            "Project Controls Lead", "Chief Financial Officer")),
    ];

    private static readonly Play General = new("General",
        ["manual reporting eating analyst time", "growth outpacing internal processes", "tool sprawl and cost"],
        "Head of Operations", "Chief Operating Officer");

    /// <summary>The play for an industry label (the general play when nothing matches).</summary>
    public static Play For(string industry)
    {
        ArgumentNullException.ThrowIfNull(industry);
        foreach (var (keywords, play) in Plays)
        {
            foreach (var keyword in keywords)
            {
                if (industry.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    return play;
                }
            }
        }

        return General;
    }

    public static string Persona(string industry, int employees)
    {
        var play = For(industry);
        return employees >= LargeCompanyEmployees ? play.LargeCompanyPersona : play.SmallCompanyPersona;
    }
}
