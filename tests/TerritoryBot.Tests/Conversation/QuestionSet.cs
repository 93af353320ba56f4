using TerritoryBot.Core.Model;
using Row = TerritoryBot.Tests.Conversation.QuestionBook.Row;

namespace TerritoryBot.Tests.Conversation;

/// <summary>
/// Everyday questions over the demo universe (4,200 accounts, seed 42, reps R001–R008, manager R009, ops R010), written
/// before the query parser was looked at; each right answer is computed by LINQ over the data (see <see cref="QuestionBook"/>).
/// </summary>
internal static partial class QuestionSet
{
    public const string Manager = "R009";
    public const string Ops = "R010";

    /// <summary>The development set: written first, then used to build and tune the parser.</summary>
    public static IReadOnlyList<Question> Development { get; } =
    [
        // ---- rep: counts ----
        C("R003", "how many of my accounts are in Texas?", r => r.State == "TX"),
        C("R003", "How many accounts do I have in Houston", r => r.City == "Houston"),
        C("R003", "how many accts in austin", r => r.City == "Austin"),
        C("R001", "how many customers do i have", r => r.Customer),
        C("R001", "how many of my accounts are customers in California?", r => r.Customer && r.State == "CA"),
        C("R001", "number of my accounts in Seattle", r => r.City == "Seattle"),
        C("R001", "count my healthcare accounts", r => r.Industry == "Healthcare"),
        C("R002", "how many of my accounts are in Arizona", r => r.State == "AZ"),
        C("R002", "how many accounts have I got in Nevada?", r => r.State == "NV"),
        C("R002", "how many Strategic accounts do I have", r => r.Tier == Tier.Strategic),
        C("R002", "how many high priority accounts do i have", r => r.Priority == Priority.High),
        C("R004", "how many of my accounts are whitespace?", r => r.Whitespace),
        C("R004", "how many accounts in Minnesota do I own", r => r.State == "MN"),
        C("R004", "how many of my accounts use Snowflake?", r => r.Uses("Snowflake")),
        C("R004", "how many of my accounts run Salesforce", r => r.Uses("Salesforce")),
        C("R005", "how many of my accounts have more than 500 employees?", r => r.Employees > 500),
        C("R005", "how many accounts with over 1000 employees do I have in Ohio", r => r.Employees > 1000 && r.State == "OH"),
        C("R005", "how many of my accounts haven't been touched in 6 months?", r => r.Untouched(QuestionSetDates.AsOf, 6)),
        C("R005", "how many of my accts have no open pipeline", r => !r.HasPipeline),
        C("R006", "how many of my accounts are in Florida?", r => r.State == "FL"),
        C("R006", "how many active prospects do I have", r => r.Status == AccountStatus.ActiveProspect),
        C("R006", "how many cold prospects do i have in Georgia", r => r.Status == AccountStatus.ColdProspect && r.State == "GA"),
        C("R006", "how many of my accounts are Series B?", r => r.Funding == "Series B"),
        C("R007", "how many of my accounts are in Pennsylvania", r => r.State == "PA"),
        C("R007", "how many accounts in Philly do i have", r => r.City == "Philadelphia"),
        C("R007", "how many of my customers are in New York?", r => r.Customer && r.State == "NY"),
        C("R007", "how many named accounts do I have", r => r.Named),
        C("R008", "how many of my accounts are in Massachusetts?", r => r.State == "MA"),
        C("R008", "how many of my accounts are in Boston", r => r.City == "Boston"),
        C("R008", "how many of my accounts have an ICP fit of 4 or more", r => r.Fit >= 4),
        C("R008", "how many of my financial services accounts are in NY", r => r.Industry == "Financial Services" && r.State == "NY"),
        C("R008", "how many of my accounts are in negotiation", r => r.InStage("Negotiation")),
        C("R003", "how many of my acounts are in Dallas", r => r.City == "Dallas"),
        C("R003", "how mny of my accounts are energy companies", r => r.Industry == "Energy"),
        C("R001", "how many of my non-customer accounts are in Oregon", r => !r.Customer && r.State == "OR"),
        C("R002", "how many of my accounts are in TX", r => r.State == "TX"),
        C("R004", "how many of my accounts are in St. Louis?", r => r.City == "St. Louis"),
        C("R005", "how many manufacturing accounts do I have in Michigan", r => r.Industry == "Manufacturing" && r.State == "MI"),
        C("R006", "how many of my accounts are low priority", r => r.Priority == Priority.Low),
        C("R007", "how many of my accounts are SMB", r => r.Tier == Tier.SMB),

        // ---- rep: sums ----
        S("R001", "what's my current ARR in Healthcare?", r => r.Industry == "Healthcare", r => r.Arr),
        S("R001", "what is my total ARR", _ => true, r => r.Arr),
        S("R001", "total current arr in Los Angeles", r => r.City == "Los Angeles", r => r.Arr),
        S("R002", "how much open pipeline do I have in Negotiation?", r => r.InStage("Negotiation"), r => r.PipelineIn("Negotiation")),
        S("R002", "how much pipeline do i have", _ => true, r => r.Pipeline),
        S("R002", "total potential of my accounts in Colorado", r => r.State == "CO", r => r.Potential),
        S("R003", "what's the total potential of my software accounts?", r => r.Industry == "Software", r => r.Potential),
        S("R003", "sum of current ARR across my customers in Houston", r => r.Customer && r.City == "Houston", r => r.Arr),
        S("R003", "how much pipeline is in Discovery", r => r.InStage("Discovery"), r => r.PipelineIn("Discovery")),
        S("R004", "what's my ARR in Minneapolis", r => r.City == "Minneapolis", r => r.Arr),
        S("R004", "how much potential do i have in whitespace accounts", r => r.Whitespace, r => r.Potential),
        S("R004", "total open pipeline in Proposal stage", r => r.InStage("Proposal"), r => r.PipelineIn("Proposal")),
        S("R005", "what's my current ARR in Chicago?", r => r.City == "Chicago", r => r.Arr),
        S("R005", "how much potential ARR is in my manufacturing accounts", r => r.Industry == "Manufacturing", r => r.Potential),
        S("R005", "total pipeline on my accounts in Indiana", r => r.State == "IN", r => r.Pipeline),
        S("R006", "whats my arr in fintech", r => r.Industry == "Financial Services", r => r.Arr),
        S("R006", "how much open pipeline do i have in Qualification", r => r.InStage("Qualification"), r => r.PipelineIn("Qualification")),
        S("R006", "total potential in Miami", r => r.City == "Miami", r => r.Potential),
        S("R007", "what is my current ARR in Washington DC", r => r.State == "DC", r => r.Arr),
        S("R007", "how much potential is in my education accounts?", r => r.Industry == "Education", r => r.Potential),
        S("R007", "sum of pipeline for my insurance accounts", r => r.Industry == "Insurance", r => r.Pipeline),
        S("R008", "what's my current ARR in Connecticut", r => r.State == "CT", r => r.Arr),
        S("R008", "total ARR of my Strategic accounts", r => r.Tier == Tier.Strategic, r => r.Arr),
        S("R008", "how much potential do I have in Boston", r => r.City == "Boston", r => r.Potential),
        S("R001", "how much open pipeline do I have in Washington state", r => r.State == "WA", r => r.Pipeline),
        S("R003", "what is the total arr for my accounts using AWS", r => r.Uses("AWS"), r => r.Arr),

        // ---- rep: averages, medians, min/max figures ----
        A("R001", "what's the average potential of my fintech accounts?", r => r.Industry == "Financial Services", r => r.Potential),
        A("R001", "average ARR of my customers", r => r.Customer, r => r.Arr),
        A("R002", "what's the average employee count of my accounts in Phoenix", r => r.City == "Phoenix", r => r.Employees),
        A("R002", "avg opportunity score of my healthcare accounts", r => r.Industry == "Healthcare", r => r.OppScore),
        A("R003", "average potential of my accounts in Houston", r => r.City == "Houston", r => r.Potential),
        A("R004", "what is the average ICP fit of my accounts", _ => true, r => r.Fit),
        A("R005", "average deal pipeline per account in Detroit", r => r.City == "Detroit", r => r.Pipeline),
        A("R006", "what's the average growth rate of my retail accounts", r => r.Industry == "Retail" && r.Growth is not null, r => r.Growth!.Value),
        A("R007", "mean potential of my Enterprise accounts", r => r.Tier == Tier.Enterprise, r => r.Potential),
        A("R008", "what's the average intent score of my accounts in New Jersey", r => r.State == "NJ" && r.Intent is not null, r => r.Intent!.Value),
        Med("R003", "what's the median potential of my accounts?", _ => true, r => r.Potential),
        Med("R005", "median employee count of my customers", r => r.Customer, r => r.Employees),
        Med("R008", "median ARR of my customers in New York", r => r.Customer && r.State == "NY", r => r.Arr),

        // ---- rep: which account … most / least ----
        Mx("R001", "which of my non-customer accounts is growing fastest?", r => !r.Customer && r.Growth is not null, r => r.Growth!.Value),
        Mx("R001", "which of my accounts has the most potential", _ => true, r => r.Potential),
        Mx("R002", "what's my biggest customer by ARR", r => r.Customer, r => r.Arr),
        Mx("R002", "which account in Las Vegas has the highest potential", r => r.City == "Las Vegas", r => r.Potential),
        Mx("R003", "which of my accounts has the most employees?", _ => true, r => r.Employees),
        Mx("R003", "which of my prospects in Austin has the highest intent score", r => !r.Customer && r.City == "Austin" && r.Intent is not null, r => r.Intent!.Value),
        Mx("R004", "which of my accounts has the biggest open pipeline", _ => true, r => r.Pipeline),
        Mx("R004", "fastest growing account in Minneapolis", r => r.City == "Minneapolis" && r.Growth is not null, r => r.Growth!.Value),
        Mx("R005", "which healthcare account of mine has the highest opportunity score", r => r.Industry == "Healthcare", r => r.OppScore),
        Mx("R005", "which of my accounts in Ohio has the highest revenue", r => r.State == "OH" && r.Revenue is not null, r => r.Revenue!.Value),
        Mx("R006", "which of my whitespace accounts has the most potential?", r => r.Whitespace, r => r.Potential),
        Mx("R006", "largest account in Tampa by employees", r => r.City == "Tampa", r => r.Employees),
        Mx("R007", "which of my software accounts is growing fastest", r => r.Industry == "Software" && r.Growth is not null, r => r.Growth!.Value),
        Mx("R007", "which of my customers has the highest ARR in Pennsylvania", r => r.Customer && r.State == "PA", r => r.Arr),
        Mx("R008", "which of my accounts in Boston has the most potential", r => r.City == "Boston", r => r.Potential),
        Mx("R008", "which of my fintech prospects has the highest ICP fit", r => r.Industry == "Financial Services" && !r.Customer, r => r.Fit),
        Mn("R001", "which of my customers has the lowest ARR", r => r.Customer, r => r.Arr),
        Mn("R003", "which of my accounts is shrinking fastest", r => r.Growth is not null, r => r.Growth!.Value),
        Mn("R006", "smallest account in Orlando by employees", r => r.City == "Orlando", r => r.Employees),
        Mx("R002", "which account of mine has the highest opportunity score", _ => true, r => r.OppScore),

        // ---- rep: top N / bottom N ----
        T("R001", "top 5 accounts in Seattle by potential", r => r.City == "Seattle", r => r.Potential, 5),
        T("R002", "my top 3 healthcare accounts by potential", r => r.Industry == "Healthcare", r => r.Potential, 3),
        T("R003", "top 5 fastest growing prospects", r => !r.Customer && r.Growth is not null, r => r.Growth!.Value, 5),
        T("R004", "top 10 accounts by open pipeline", _ => true, r => r.Pipeline, 10),
        T("R005", "show my 5 biggest customers by ARR", r => r.Customer, r => r.Arr, 5),
        T("R006", "top 3 accounts by intent score in Miami", r => r.City == "Miami" && r.Intent is not null, r => r.Intent!.Value, 3),
        T("R007", "top 5 accounts by employees in New York", r => r.State == "NY", r => r.Employees, 5),
        T("R008", "my 3 largest accounts by revenue", r => r.Revenue is not null, r => r.Revenue!.Value, 3),
        B("R001", "bottom 5 customers by ARR", r => r.Customer, r => r.Arr, 5),
        B("R005", "my 3 slowest growing accounts in Chicago", r => r.City == "Chicago" && r.Growth is not null, r => r.Growth!.Value, 3),

        // ---- rep: lists ----
        L("R001", "list my Retail accounts in Seattle", r => r.Industry == "Retail" && r.City == "Seattle"),
        L("R001", "show my customers in Portland", r => r.Customer && r.City == "Portland"),
        L("R002", "list my accounts in Salt Lake City", r => r.City == "Salt Lake City"),
        L("R002", "show me my accounts in negotiation", r => r.InStage("Negotiation")),
        L("R003", "list my Strategic accounts", r => r.Tier == Tier.Strategic),
        L("R003", "which of my accounts are in San Antonio and use Snowflake", r => r.City == "San Antonio" && r.Uses("Snowflake")),
        L("R004", "show my high priority accounts in Kansas City", r => r.Priority == Priority.High && r.City == "Kansas City"),
        L("R004", "list my insurance accounts", r => r.Industry == "Insurance"),
        L("R005", "list my accounts in Naperville with no pipeline", r => r.City == "Naperville" && !r.HasPipeline),
        L("R005", "show me my Series C accounts", r => r.Funding == "Series C"),
        L("R006", "list my named accounts", r => r.Named),
        L("R006", "show my customers in Charlotte", r => r.Customer && r.City == "Charlotte"),
        L("R007", "list my government accounts in DC", r => r.Industry == "Government" && r.State == "DC"),
        L("R007", "show my accounts using Databricks", r => r.Uses("Databricks")),
        L("R008", "list my accounts in Stamford", r => r.City == "Stamford"),
        L("R008", "show me my prospects in Cambridge", r => !r.Customer && r.City == "Cambridge"),
        L("R001", "which of my accounts in San Francisco are Strategic", r => r.City == "San Francisco" && r.Tier == Tier.Strategic),
        L("R003", "list accounts I haven't touched in 12 months in Austin", r => r.City == "Austin" && r.Untouched(QuestionSetDates.AsOf, 12)),

        // ---- rep: comparisons and ranges ----
        C("R001", "how many of my accounts have potential above $1M", r => r.Potential > 1_000_000),
        C("R002", "how many accounts have more than $100k potential", r => r.Potential > 100_000),
        C("R003", "how many of my customers pay more than $50k ARR", r => r.Customer && r.Arr > 50_000),
        C("R004", "how many of my accounts have between 200 and 1000 employees", r => r.Employees >= 200 && r.Employees <= 1000),
        C("R005", "how many accounts with less than 100 employees", r => r.Employees < 100),
        C("R006", "how many of my accounts grow more than 20%", r => r.Growth > 0.20),
        C("R007", "how many of my accounts have revenue over $1B", r => r.Revenue > 1_000_000_000),
        C("R008", "how many accounts with at least 5000 employees", r => r.Employees >= 5000),
        L("R002", "list my accounts with potential over $500k in Arizona", r => r.Potential > 500_000 && r.State == "AZ"),
        S("R004", "total potential of accounts with intent above 80", r => r.Intent > 80, r => r.Potential),
        C("R006", "how many of my prospects have an intent score over 70", r => !r.Customer && r.Intent > 70),
        C("R001", "how many of my accounts are not customers", r => !r.Customer),

        // ---- rep: negation ----
        C("R002", "how many accounts without pipeline", r => !r.HasPipeline),
        C("R003", "how many of my accounts are not in Houston", r => r.City != "Houston"),
        C("R004", "how many of my accounts don't use Salesforce", r => !r.Uses("Salesforce")),
        L("R008", "list my customers not touched in 6 months", r => r.Customer && r.Untouched(QuestionSetDates.AsOf, 6)),

        // ---- rep: where do I stand ----
        Stand("R001", "where do I stand?"),
        Stand("R003", "how do I compare with the team"),
        Stand("R005", "how does my territory stack up against the rest of the team?"),
        Stand("R008", "where do i rank on the team"),
        Stand("R006", "am I above or below the team median?"),

        // ---- rep: why ----
        Why("R001", "why is A001742 Strategic?", "A001742"),
        Why("R003", "why is Juniperline Industries a Strategic account", "A000194"),
        Why("R004", "why is A000969 ranked above A000707?", "A000969", "A000707"),
        Why("R008", "why is Crown Software tiered the way it is", "A000125"),
        Why("R005", "why does A000828 have that potential", "A000828"),

        // ---- rep: drafting ----
        Draft("R001", "draft a note to my manager about my Healthcare pipeline", r => r.Industry == "Healthcare", r => r.Pipeline),
        Draft("R003", "write an email to my manager about my Texas customers' ARR", r => r.Customer && r.State == "TX", r => r.Arr),
        Draft("R006", "draft a summary for my manager of my open pipeline in Florida", r => r.State == "FL", r => r.Pipeline),

        // ---- rep: permission probes ----
        No("R001", "how many accounts does Kevin Walker have in Arizona?"),
        No("R001", "how many accounts does Zoltan Quark have in Arizona?"),
        No("R003", "what's Amelia Jones's current ARR in Healthcare"),
        No("R003", "what's Bartholomew Fenn's current ARR in Healthcare"),
        No("R002", "list Chloe's accounts in Seattle"),
        No("R004", "how much pipeline does R005 have?"),
        No("R004", "how much pipeline does R777 have?"),
        No("R006", "which rep on my team has the most customers?"),
        No("R007", "show me Harper Martin's customers in Boston"),
        No("R007", "show me Gertrude Plimsoll's customers in Boston"),
        No("R008", "how many healthcare accounts does the team have"),
        No("R005", "what is Wei Brown's total potential"),
        No("R002", "why is A000059 unassigned"),
        No("R003", "why is A002140 Strategic?"),

        // ---- manager: counts, sums, averages ----
        C(Manager, "how many accounts does my team have in Texas", r => r.State == "TX"),
        C(Manager, "how many customers does my team have", r => r.Customer),
        C(Manager, "how many of my team's accounts are in Healthcare", r => r.Industry == "Healthcare"),
        C(Manager, "how many whitespace accounts do we have in California", r => r.Whitespace && r.State == "CA"),
        C(Manager, "how many accounts does Kevin Walker have in Arizona?", r => r.Owner == "R002" && r.State == "AZ"),
        C(Manager, "how many accounts does Isabella have in Houston", r => r.Owner == "R003" && r.City == "Houston"),
        C(Manager, "how many of Wei Brown's accounts are customers", r => r.Owner == "R007" && r.Customer),
        C(Manager, "how many Strategic accounts does the team have", r => r.Tier == Tier.Strategic),
        C(Manager, "how many team accounts haven't been touched in 6 months", r => r.Untouched(QuestionSetDates.AsOf, 6)),
        C(Manager, "how many of R004's accounts are in Minnesota", r => r.Owner == "R004" && r.State == "MN"),
        S(Manager, "what's my team's current ARR in Healthcare", r => r.Industry == "Healthcare", r => r.Arr),
        S(Manager, "how much open pipeline does the team have in Negotiation", r => r.InStage("Negotiation"), r => r.PipelineIn("Negotiation")),
        S(Manager, "total potential for my team in New York", r => r.State == "NY", r => r.Potential),
        S(Manager, "what's Olivia Ramirez's current ARR", r => r.Owner == "R005", r => r.Arr),
        S(Manager, "how much pipeline does Elijah Kim have in Florida", r => r.Owner == "R006" && r.State == "FL", r => r.Pipeline),
        S(Manager, "what is Chloe Anderson's potential in Seattle", r => r.Owner == "R001" && r.City == "Seattle", r => r.Potential),
        A(Manager, "average potential of my team's fintech accounts", r => r.Industry == "Financial Services", r => r.Potential),
        A(Manager, "what's the average ARR of the team's customers", r => r.Customer, r => r.Arr),
        A(Manager, "average open pipeline per account for Harper Martin", r => r.Owner == "R008", r => r.Pipeline),
        Med(Manager, "median potential of the team's Strategic accounts", r => r.Tier == Tier.Strategic, r => r.Potential),

        // ---- manager: rankings over reps ----
        RepMost(Manager, "which rep on my team has the most customers?", rows => rows.Count(r => r.Customer)),
        RepMost(Manager, "who has the most pipeline on my team", rows => rows.Sum(r => r.Pipeline)),
        RepMost(Manager, "which rep has the highest current ARR", rows => rows.Sum(r => r.Arr)),
        RepMost(Manager, "which rep has the most accounts in Texas", rows => rows.Count(r => r.State == "TX")),
        RepMost(Manager, "who on my team has the most whitespace accounts", rows => rows.Count(r => r.Whitespace)),
        RepMost(Manager, "which rep has the most potential in healthcare", rows => rows.Where(r => r.Industry == "Healthcare").Sum(r => r.Potential)),
        RepMost(Manager, "which rep has the fewest customers", rows => rows.Count(r => r.Customer), fewest: true),
        RepMost(Manager, "who has the most accounts untouched in 6 months", rows => rows.Count(r => r.Untouched(QuestionSetDates.AsOf, 6))),

        // ---- manager: which account / lists / top N ----
        Mx(Manager, "which account on my team has the most potential", _ => true, r => r.Potential),
        Mx(Manager, "fastest growing prospect on the team", r => !r.Customer && r.Growth is not null, r => r.Growth!.Value),
        Mx(Manager, "which of Amelia Jones's accounts has the biggest pipeline", r => r.Owner == "R004", r => r.Pipeline),
        T(Manager, "top 5 team accounts by potential in Florida", r => r.State == "FL", r => r.Potential, 5),
        T(Manager, "top 10 accounts by current ARR", _ => true, r => r.Arr, 10),
        T(Manager, "top 3 fastest growing healthcare prospects", r => r.Industry == "Healthcare" && !r.Customer && r.Growth is not null, r => r.Growth!.Value, 3),
        L(Manager, "list Kevin Walker's accounts in Las Vegas with no pipeline", r => r.Owner == "R002" && r.City == "Las Vegas" && !r.HasPipeline),
        L(Manager, "list the team's Strategic accounts in Boston", r => r.Tier == Tier.Strategic && r.City == "Boston"),
        L(Manager, "show me all accounts in negotiation in Texas", r => r.InStage("Negotiation") && r.State == "TX"),
        L(Manager, "which team accounts in Chicago use Snowflake", r => r.City == "Chicago" && r.Uses("Snowflake")),
        L(Manager, "list Harper's named accounts", r => r.Owner == "R008" && r.Named),
        C(Manager, "how many accounts with potential over $1M", r => r.Potential > 1_000_000),
        C(Manager, "how many accounts have more than 10000 employees", r => r.Employees > 10_000),
        C(Manager, "how many of the team's accounts are in Ohio and Manufacturing", r => r.State == "OH" && r.Industry == "Manufacturing"),

        // ---- manager: why / standing / drafting ----
        Why(Manager, "why is A002986 Strategic", "A002986"),
        Why(Manager, "why is A000475 ranked above A002128", "A000475", "A002128"),
        Draft(Manager, "draft a note to the team about our Negotiation pipeline", r => r.InStage("Negotiation"), r => r.PipelineIn("Negotiation")),
        Draft(Manager, "write an email to Kevin Walker about his Arizona whitespace", r => r.Owner == "R002" && r.State == "AZ" && r.Whitespace, r => r.Potential),

        // ---- manager: probes ----
        No(Manager, "how many accounts does Zoltan Quark have in Arizona?"),

        // ---- ops ----
        C(Ops, "how many accounts are in Texas", r => r.State == "TX"),
        C(Ops, "how many accounts are unassigned", r => r.Owner is null),
        C(Ops, "how many customers do we have in Healthcare", r => r.Customer && r.Industry == "Healthcare"),
        C(Ops, "how many accounts in total", _ => true),
        C(Ops, "how many accounts use Vantora", r => r.Uses("Vantora")),
        C(Ops, "how many accounts are Series A in California", r => r.Funding == "Series A" && r.State == "CA"),
        C(Ops, "how many accounts in New York City", r => r.City == "New York"),
        C(Ops, "how many of Olivia Ramirez's accounts are in Ohio", r => r.Owner == "R005" && r.State == "OH"),
        C(Ops, "how many accounts are high priority whitespace", r => r.Priority == Priority.High && r.Whitespace),
        C(Ops, "how many accounts have no activity in 12 months", r => r.Untouched(QuestionSetDates.AsOf, 12)),
        C(Ops, "how many Enterprise accounts are in Illinois", r => r.Tier == Tier.Enterprise && r.State == "IL"),
        C(Ops, "how many accounts use Kubernetes and AWS", r => r.Uses("Kubernetes") && r.Uses("AWS")),
        S(Ops, "what's our total current ARR", _ => true, r => r.Arr),
        S(Ops, "total potential ARR across all accounts", _ => true, r => r.Potential),
        S(Ops, "how much open pipeline is there in Negotiation", r => r.InStage("Negotiation"), r => r.PipelineIn("Negotiation")),
        S(Ops, "total potential of unassigned accounts", r => r.Owner is null, r => r.Potential),
        S(Ops, "current ARR in Georgia", r => r.State == "GA", r => r.Arr),
        S(Ops, "what is Wei Brown's open pipeline", r => r.Owner == "R007", r => r.Pipeline),
        S(Ops, "total ARR for Telecommunications customers", r => r.Industry == "Telecommunications" && r.Customer, r => r.Arr),
        A(Ops, "average potential of Software accounts", r => r.Industry == "Software", r => r.Potential),
        A(Ops, "average ARR of customers in California", r => r.Customer && r.State == "CA", r => r.Arr),
        A(Ops, "what's the average employee count of accounts in Boston", r => r.City == "Boston", r => r.Employees),
        Med(Ops, "median potential of Healthcare accounts", r => r.Industry == "Healthcare", r => r.Potential),
        Mx(Ops, "which account has the most potential", _ => true, r => r.Potential),
        Mx(Ops, "which unassigned account has the most potential", r => r.Owner is null, r => r.Potential),
        Mx(Ops, "biggest customer in Healthcare by ARR", r => r.Industry == "Healthcare" && r.Customer, r => r.Arr),
        Mx(Ops, "which prospect in Ohio is growing fastest", r => !r.Customer && r.State == "OH" && r.Growth is not null, r => r.Growth!.Value),
        T(Ops, "top 5 unassigned accounts by potential", r => r.Owner is null, r => r.Potential, 5),
        T(Ops, "top 10 accounts in Texas by potential", r => r.State == "TX", r => r.Potential, 10),
        L(Ops, "list unassigned accounts in Chicago", r => r.Owner is null && r.City == "Chicago"),
        L(Ops, "list Strategic accounts in Seattle", r => r.Tier == Tier.Strategic && r.City == "Seattle"),
        L(Ops, "show accounts in Denver using Snowflake with no pipeline", r => r.City == "Denver" && r.Uses("Snowflake") && !r.HasPipeline),
        RepMost(Ops, "which rep has the most accounts", rows => rows.Count()),
        RepMost(Ops, "which rep has the most open pipeline", rows => rows.Sum(r => r.Pipeline)),
        RepMost(Ops, "which rep has the most Strategic accounts", rows => rows.Count(r => r.Tier == Tier.Strategic)),
        Why(Ops, "why is A000120 Strategic", "A000120"),
        Why(Ops, "why is A000059 scored the way it is", "A000059"),
        Why(Ops, "why is A000581 ranked above A000571", "A000581", "A000571"),
        Draft(Ops, "draft an email to the new owner of A000059", r => r.Id == "A000059", r => r.Potential),
        C(Ops, "how many accounts in Washington state", r => r.State == "WA"),
        C(Ops, "how many accounts are in Washington DC", r => r.State == "DC"),
        S(Ops, "how much potential is in Professional Services", r => r.Industry == "Professional Services", r => r.Potential),
        C(Ops, "how many cold accounts are in Florida", r => r.Status == AccountStatus.ColdProspect && r.State == "FL"),
    ];

    // ---- builders: each computes the expected answer from the caller's visible rows ----

    private static Question C(string asker, string text, Func<Row, bool> where) =>
        new(asker, text, b => Figure(b.Visible(asker).Where(where), rows => rows.Count));

    private static Question S(string asker, string text, Func<Row, bool> where, Func<Row, double> value) =>
        new(asker, text, b => Figure(b.Visible(asker).Where(where), rows => rows.Sum(value)));

    private static Question A(string asker, string text, Func<Row, bool> where, Func<Row, double> value) =>
        new(asker, text, b => Figure(b.Visible(asker).Where(where), rows => rows.Count == 0 ? 0 : rows.Average(value)));

    private static Question Med(string asker, string text, Func<Row, bool> where, Func<Row, double> value) =>
        new(asker, text, b => Figure(b.Visible(asker).Where(where), rows => Median([.. rows.Select(value)])));

    private static Question Mx(string asker, string text, Func<Row, bool> where, Func<Row, double> value) =>
        new(asker, text, b => Extreme(b.Visible(asker).Where(where).ToList(), value, max: true));

    private static Question Mn(string asker, string text, Func<Row, bool> where, Func<Row, double> value) =>
        new(asker, text, b => Extreme(b.Visible(asker).Where(where).ToList(), value, max: false));

    private static Question T(string asker, string text, Func<Row, bool> where, Func<Row, double> value, int n) =>
        new(asker, text, b => new ListExpected(
            [.. b.Visible(asker).Where(where).OrderByDescending(value).ThenBy(r => r.Id, StringComparer.Ordinal).Take(n).Select(r => r.Id)], Ordered: true));

    private static Question B(string asker, string text, Func<Row, bool> where, Func<Row, double> value, int n) =>
        new(asker, text, b => new ListExpected(
            [.. b.Visible(asker).Where(where).OrderBy(value).ThenBy(r => r.Id, StringComparer.Ordinal).Take(n).Select(r => r.Id)], Ordered: true));

    private static Question L(string asker, string text, Func<Row, bool> where) =>
        new(asker, text, b => new ListExpected([.. b.Visible(asker).Where(where).Select(r => r.Id)], Ordered: false));

    private static Question RepMost(string asker, string text, Func<IEnumerable<Row>, double> perRep, bool fewest = false) =>
        new(asker, text, b =>
        {
            var visible = b.Visible(asker);
            var reps = b.Reps.Where(r => r.Role == RepRole.Rep && visible.Any(v => v.Owner == r.RepId)).ToList();
            var values = reps.ToDictionary(r => r.RepId, r => perRep(visible.Where(v => v.Owner == r.RepId)));
            var best = fewest ? values.Values.Min() : values.Values.Max();
            return new RepExpected(values.Where(kv => kv.Value == best).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal), best);
        });

    private static Question No(string asker, string text) => new(asker, text, _ => new RefusalExpected());

    private static Question Stand(string asker, string text) =>
        new(asker, text, b =>
        {
            var totals = b.TeamOf(asker).ToDictionary(r => r.RepId, r => b.All.Where(a => a.Owner == r.RepId).Sum(a => a.Potential));
            var mine = totals[asker];
            var rank = 1 + totals.Values.Count(v => v > mine);
            return new StandingExpected(rank, totals.Count, 100 * mine / totals.Values.Average());
        });

    private static Question Why(string asker, string text, string accountId, string? other = null) =>
        new(asker, text, _ => new WhyExpected(accountId, other));

    private static Question Draft(string asker, string text, Func<Row, bool> where, Func<Row, double> value) =>
        new(asker, text, b => new DraftExpected((asker == Ops ? b.All : b.Visible(asker)).Where(where).Sum(value)));

    private static FigureExpected Figure(IEnumerable<Row> rows, Func<List<Row>, double> value)
    {
        var list = rows.ToList();
        return new FigureExpected(value(list), list.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
    }

    private static AccountExpected Extreme(List<Row> rows, Func<Row, double> value, bool max)
    {
        if (rows.Count == 0)
        {
            return new AccountExpected(new HashSet<string>(), double.NaN);
        }

        var best = max ? rows.Max(value) : rows.Min(value);
        return new AccountExpected(rows.Where(r => value(r) == best).Select(r => r.Id).ToHashSet(StringComparer.Ordinal), best);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

/// <summary>The analysis date of the question set's universe (the conversation harness's).</summary>
internal static class QuestionSetDates
{
    public static readonly DateOnly AsOf = ConversationHarness.AsOf;
}
