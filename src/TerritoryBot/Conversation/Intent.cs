namespace TerritoryBot.Conversation;

/// <summary>The chat intents of DATA.md "Chat intents"; <see cref="IntentNames"/> gives the contract names.</summary>
internal enum Intent
{
    Unknown,
    Help,
    MyTerritory,
    TopAccounts,
    AccountLookup,
    Whitespace,
    BusinessPlan,
    TerritoryDoc,
    TransitionPackage,
    ScoreSummary,
    TierReview,
    Scenarios,
    FairnessCheck,
    CoverageGaps,
    RepFit,
    ProposeReassignment,
    ListProposals,
    ApproveProposal,
    RejectProposal,
    AccountQuery,
    WhereIStand,
    ExplainWhy,
    DraftMessage,
}

internal static class IntentNames
{
    private static readonly Dictionary<Intent, string> Names = new()
    {
        [Intent.Help] = "help",
        [Intent.MyTerritory] = "my_territory",
        [Intent.TopAccounts] = "top_accounts",
        [Intent.AccountLookup] = "account_lookup",
        [Intent.Whitespace] = "whitespace",
        [Intent.BusinessPlan] = "business_plan",
        [Intent.TerritoryDoc] = "territory_doc",
        [Intent.TransitionPackage] = "transition_package",
        [Intent.ScoreSummary] = "score_summary",
        [Intent.TierReview] = "tier_review",
        [Intent.Scenarios] = "scenarios",
        [Intent.FairnessCheck] = "fairness_check",
        [Intent.CoverageGaps] = "coverage_gaps",
        [Intent.RepFit] = "rep_fit",
        [Intent.ProposeReassignment] = "propose_reassignment",
        [Intent.ListProposals] = "list_proposals",
        [Intent.ApproveProposal] = "approve_proposal",
        [Intent.RejectProposal] = "reject_proposal",
        [Intent.AccountQuery] = "account_query",
        [Intent.WhereIStand] = "where_i_stand",
        [Intent.ExplainWhy] = "explain_why",
        [Intent.DraftMessage] = "draft_message",
        [Intent.Unknown] = "unknown",
    };

    private static readonly Dictionary<string, Intent> ByName =
        Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Contract names in DATA.md order (the issue-14 intents, documented in docs/conversation.md, before unknown).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Values];

    public static string Of(Intent intent) => Names[intent];

    public static bool TryParse(string name, out Intent intent) => ByName.TryGetValue(name.Trim(), out intent);
}
