namespace TerritoryBot.Conversation;

/// <summary>
/// A chat intent, by its contract name (DATA.md "Chat intents"). Not an enum: a plugin declares its intents on its
/// kernel functions (<see cref="IntentAttribute"/>), so a new capability brings its own without editing a list here.
/// The names below are the built-in ones the router's phrase table and the entity rules refer to.
/// </summary>
internal sealed record Intent(string Name)
{
    public static readonly Intent Unknown = new("unknown");
    public static readonly Intent Help = new("help");
    public static readonly Intent MyTerritory = new("my_territory");
    public static readonly Intent TopAccounts = new("top_accounts");
    public static readonly Intent AccountLookup = new("account_lookup");
    public static readonly Intent Whitespace = new("whitespace");
    public static readonly Intent BusinessPlan = new("business_plan");
    public static readonly Intent TerritoryDoc = new("territory_doc");
    public static readonly Intent TransitionPackage = new("transition_package");
    public static readonly Intent ScoreSummary = new("score_summary");
    public static readonly Intent TierReview = new("tier_review");
    public static readonly Intent Scenarios = new("scenarios");
    public static readonly Intent FairnessCheck = new("fairness_check");
    public static readonly Intent CoverageGaps = new("coverage_gaps");
    public static readonly Intent RepFit = new("rep_fit");
    public static readonly Intent ProposeReassignment = new("propose_reassignment");
    public static readonly Intent ListProposals = new("list_proposals");
    public static readonly Intent ApproveProposal = new("approve_proposal");
    public static readonly Intent RejectProposal = new("reject_proposal");

    // Issue 14 (account questions, QueryPlugin): the router's query routing refers to these.
    public static readonly Intent AccountQuery = new("account_query");
    public static readonly Intent WhereIStand = new("where_i_stand");
    public static readonly Intent ExplainWhy = new("explain_why");
    public static readonly Intent DraftMessage = new("draft_message");

    /// <summary>The built-in intents in DATA.md order (the issue-14 intents, documented in docs/conversation.md, before unknown).</summary>
    public static IReadOnlyList<Intent> BuiltIn { get; } =
    [
        Help, MyTerritory, TopAccounts, AccountLookup, Whitespace, BusinessPlan, TerritoryDoc, TransitionPackage, ScoreSummary,
        TierReview, Scenarios, FairnessCheck, CoverageGaps, RepFit, ProposeReassignment, ListProposals, ApproveProposal,
        RejectProposal, AccountQuery, WhereIStand, ExplainWhy, DraftMessage, Unknown,
    ];

    public override string ToString() => Name;
}

internal static class IntentNames
{
    /// <summary>Contract names of the built-in intents in DATA.md order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Intent.BuiltIn.Select(i => i.Name)];

    public static string Of(Intent intent) => intent.Name;

    public static bool TryParse(string name, out Intent intent)
    {
        var found = Intent.BuiltIn.FirstOrDefault(i => i.Name == name.Trim());
        intent = found ?? Intent.Unknown;
        return found is not null;
    }
}
