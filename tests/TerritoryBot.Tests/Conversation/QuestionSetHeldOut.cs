using TerritoryBot.Core.Model;

namespace TerritoryBot.Tests.Conversation;

internal static partial class QuestionSet
{
    /// <summary>
    /// The held-out set: written after the parser was finished (commit 85395c7) and scored once before any change;
    /// its first score is the one reported in docs/conversation.md.
    /// </summary>
    public static IReadOnlyList<Question> HeldOut { get; } =
    [
        C("R001", "hey, how many accounts have I got in Sacramento?", r => r.City == "Sacramento"),
        C("R002", "count of my accounts in Utah pls", r => r.State == "UT"),
        C("R003", "How many of my Houston accounts are customers?", r => r.City == "Houston" && r.Customer),
        C("R004", "how many logos do i have in Chicago", r => r.City == "Chicago" && r.Customer),
        C("R005", "number of my prospects in Detroit", r => !r.Customer && r.City == "Detroit"),
        C("R006", "how many of my accts are in Miami or Tampa", r => r.City == "Miami" || r.City == "Tampa"),
        C("R007", "how many of my accounts in Baltimore are healthcare", r => r.City == "Baltimore" && r.Industry == "Healthcare"),
        C("R008", "how many of my accounts use HubSpot", r => r.Uses("HubSpot")),
        C("R001", "how many accounts in my book are Enterprise tier", r => r.Tier == Tier.Enterprise),
        C("R002", "how many of my accounts have fewer than 50 employees", r => r.Employees < 50),
        C("R003", "how many of my software companies are in Austin", r => r.Industry == "Software" && r.City == "Austin"),
        C("R005", "how many of my accounts in Illinois haven't been contacted in 3 months", r => r.State == "IL" && r.Untouched(QuestionSetDates.AsOf, 3)),
        S("R001", "what's my total pipeline in San Francisco?", r => r.City == "San Francisco", r => r.Pipeline),
        S("R002", "how much ARR do I have in Las Vegas", r => r.City == "Las Vegas", r => r.Arr),
        S("R004", "what's the combined potential of my Minnesota healthcare accounts", r => r.State == "MN" && r.Industry == "Healthcare", r => r.Potential),
        S("R006", "what's my ARR from customers in North Carolina", r => r.State == "NC" && r.Customer, r => r.Arr),
        S("R007", "how much pipeline do i have in proposal stage", r => r.InStage("Proposal"), r => r.PipelineIn("Proposal")),
        S("R008", "total potential for my insurance accounts in New York", r => r.Industry == "Insurance" && r.State == "NY", r => r.Potential),
        A("R003", "what's the avg ARR of my customers in Dallas", r => r.Customer && r.City == "Dallas", r => r.Arr),
        A("R006", "average potential of my Atlanta accounts", r => r.City == "Atlanta", r => r.Potential),
        A("R008", "what's the average headcount of my Boston customers", r => r.City == "Boston" && r.Customer, r => r.Employees),
        Mx("R001", "which of my prospects in Seattle has the highest potential?", r => !r.Customer && r.City == "Seattle", r => r.Potential),
        Mx("R004", "which of my accounts in Kansas City is growing fastest", r => r.City == "Kansas City" && r.Growth is not null, r => r.Growth!.Value),
        Mx("R005", "which of my customers has the most pipeline", r => r.Customer, r => r.Pipeline),
        Mx("R007", "what's my largest account in DC by potential", r => r.State == "DC", r => r.Potential),
        Mn("R002", "which of my customers in Phoenix has the least ARR", r => r.Customer && r.City == "Phoenix", r => r.Arr),
        T("R003", "top 3 accounts in Dallas by potential", r => r.City == "Dallas", r => r.Potential, 3),
        T("R006", "show me my top 5 prospects by intent", r => !r.Customer && r.Intent is not null, r => r.Intent!.Value, 5),
        L("R002", "list my customers in San Diego", r => r.Customer && r.City == "San Diego"),
        L("R004", "which of my accounts in Chicago are in negotiation", r => r.City == "Chicago" && r.InStage("Negotiation")),
        L("R008", "show my whitespace accounts in Jersey City", r => r.Whitespace && r.City == "Jersey City"),
        L("R007", "list my retail accounts in Arlington", r => r.Industry == "Retail" && r.City == "Arlington"),
        Stand("R002", "how am I doing vs the team?"),
        Stand("R007", "where do I stand compared to my peers"),
        Why("R002", "why is A000344 Strategic", "A000344"),
        Why("R006", "why is Aspenvale Goods rated Strategic?", "A000285"),
        Draft("R004", "write my manager a note about my Missouri pipeline", r => r.State == "MO", r => r.Pipeline),
        No("R002", "how many customers does Olivia Ramirez have?"),
        No("R002", "how many customers does Penelope Gravesend have?"),
        No("R006", "list Amelia's accounts in Texas"),
        No("R008", "which rep has the most whitespace?"),
        C(Manager, "how many customers does Chloe Anderson have in California", r => r.Owner == "R001" && r.Customer && r.State == "CA"),
        S(Manager, "what is the team's total ARR in Ohio", r => r.State == "OH", r => r.Arr),
        RepMost(Manager, "which rep has the most open pipeline in Negotiation", rows => rows.Where(r => r.InStage("Negotiation")).Sum(r => r.PipelineIn("Negotiation"))),
        L(Manager, "list Isabella Lewis's customers in Austin", r => r.Owner == "R003" && r.Customer && r.City == "Austin"),
        Mx(Manager, "which of Olivia Ramirez's prospects has the highest potential", r => r.Owner == "R005" && !r.Customer, r => r.Potential),
        C(Ops, "how many unassigned accounts are in California", r => r.Owner is null && r.State == "CA"),
        S(Ops, "total open pipeline in Texas", r => r.State == "TX", r => r.Pipeline),
        A(Ops, "average potential of unassigned healthcare accounts", r => r.Owner is null && r.Industry == "Healthcare", r => r.Potential),
        L(Ops, "list accounts in Boston using Databricks", r => r.City == "Boston" && r.Uses("Databricks")),
        RepMost(Ops, "which rep has the most customers in Florida", rows => rows.Count(r => r.Customer && r.State == "FL")),
    ];
}
