namespace TerritoryBot.Conversation;

/// <summary>
/// The router's phrase table. A pattern is a set of terms that must all occur (in any order, other words
/// allowed between them); a term lists alternatives with '|'; '_' joins words that must be adjacent.
/// The best matching pattern gives an intent its score; a pattern may also require an entity.
/// </summary>
internal static class IntentPatterns
{
    [Flags]
    public enum Need
    {
        None = 0,
        Account = 1,
        Rep = 2,
        Number = 4,
        Percent = 8,
        Scenario = 16,
    }

    /// <summary>A compiled pattern: terms → alternatives → adjacent stemmed words.</summary>
    public sealed record Pattern(Intent Intent, double Weight, Need Need, string[][][] Terms);

    public static IReadOnlyList<Pattern> All { get; } = Build();

    /// <summary>Every stemmed word the patterns use; such words never count as a partial entity name.</summary>
    public static IReadOnlySet<string> Keywords { get; } =
        All.SelectMany(p => p.Terms).SelectMany(t => t).SelectMany(a => a).ToHashSet(StringComparer.Ordinal);

    private static List<Pattern> Build()
    {
        var list = new List<Pattern>();
        void P(Intent intent, double weight, string terms, Need need = Need.None) =>
            list.Add(new Pattern(intent, weight, need, Compile(terms)));

        P(Intent.Help, 0.8, "help|helpp|halp");
        P(Intent.Help, 0.85, "what_can_you_do|what_do_you_do|how_does_this_work|how_do_i_use|how_to_use|who_are_you|what_are_you");
        P(Intent.Help, 0.85, "what_you_can_do|what_can_i_ask|how_do_i_ask|ask_you|what_are_you_able|able_to_help");
        P(Intent.Help, 0.9, "you_understand|you_support|you_handle|can_you_help|do_you_know_how");
        P(Intent.Help, 0.6, "command|menu|feature|capability|example|hi|hello|hey|morning|getting_started|instruction|usage");

        P(Intent.MyTerritory, 0.65, "territory|patch|turf|portfolio|book_of_business");
        P(Intent.MyTerritory, 0.85, "my_territory|my_patch|my_book|my_account|my_turf|my_portfolio|my_list|my_region");
        P(Intent.MyTerritory, 0.85, "territory|patch|book|account|portfolio|list|turf", Need.Rep);
        P(Intent.MyTerritory, 0.85, "account own|have|cover|assigned|mine");

        P(Intent.TopAccounts, 0.95, "top|best|biggest|highest|largest|hottest|priority|prioritize|prioritise|strongest|juiciest|most_promising|most_valuable|key|richest|rank|ranked|sort|sorted " +
            "account|opportunity|deal|target|customer|logo|one|name");
        P(Intent.TopAccounts, 0.8, "top");
        P(Intent.TopAccounts, 0.85, "work_on|working_on|start_with|call|tackle first|next|today");
        P(Intent.TopAccounts, 0.75, "focus|prioritize|prioritise|priority|priorities|rank|ranking|ranked");
        P(Intent.TopAccounts, 0.9, "highest_potential|most_potential|biggest_potential|largest_potential");

        P(Intent.AccountLookup, 0.6, "", Need.Account);
        P(Intent.AccountLookup, 0.9, "tell|about|detail|details|info|information|lookup|look|status|profile|owner|own|who|what|show|pull|open|find|history|note|contact|happening|score|fit|potential|card",
            Need.Account);

        P(Intent.Whitespace, 0.9, "whitespace|white_space|greenfield|untapped|untouched|net_new|new_logo|new_business|prospect|prospecting|no_relationship|never_contacted|go_after|outreach|hunt|hunting|uncontacted");
        P(Intent.Whitespace, 0.92, "havent_touched|not_touched|never_touched|havent_contacted|not_contacted|no_contact|never_worked|havent_worked");
        P(Intent.Whitespace, 0.8, "new|fresh account|logo|target|opportunity|company|companies");

        P(Intent.BusinessPlan, 0.95, "business_plan|biz_plan|territory_plan|account_plan|annual_plan|quarterly_plan|sales_plan|growth_plan|my_plan|go_to_market|gtm|busines_plan|bussiness_plan");
        P(Intent.BusinessPlan, 0.88, "plan|planning|qbr|strategy");

        P(Intent.TerritoryDoc, 0.9, "doc|document|docs|writeup|write_up|one_pager|onepager|briefing|deck|pdf|memo|printable|handout");
        P(Intent.TerritoryDoc, 0.75, "territory|account|book report|summary|overview|export");

        P(Intent.TransitionPackage, 0.95, "transition|handover|hand_over|handoff|hand_off|offboard|offboarding|onboarding|take_over|taking_over|takeover|inherit|inheriting|successor|leaving|quitting|departing|departure|backfill|replacement|parental_leave|going_on_leave");
        P(Intent.TransitionPackage, 0.7, "package|pack|kit");

        P(Intent.ScoreSummary, 0.8, "score|scoring|scored|scorecard");
        P(Intent.ScoreSummary, 0.85, "concentration|concentrated|concentrate|distribution|breakdown|icp|icp_fit|fit_score|pareto|total_potential|potential_by");
        P(Intent.ScoreSummary, 0.95, "score_summary|scoring_summary|score_overview|scoring_model|how_are_account_scored|how_do_you_score|how_is_potential");

        P(Intent.TierReview, 0.9, "tier|tiering|retier|re_tier|reclassify|reclassification|misclassified|mis_tiered|mistiered|upgrade|downgrade|promote|demote");
        P(Intent.TierReview, 0.7, "strategic|enterprise|smb|commercial");

        P(Intent.Scenarios, 0.9, "scenario|rebalance|redesign|redraw|recut|re_cut|reshuffle|realign|realignment|carve|design|alternative|what_if|redistribute|option");
        P(Intent.Scenarios, 0.75, "compare|comparison");
        P(Intent.Scenarios, 0.9, "move|moved|moving|shift|change|disruption|churn|cap|max|most", Need.Percent);
        P(Intent.Scenarios, 0.45, "", Need.Scenario);
        // Targets that follow quota or capacity ("balance by quota", "design scenarios weighted by capacity"): beats the
        // fairness reading of "balance" and the coverage reading of "capacity".
        P(Intent.Scenarios, 0.97, "balance|rebalance|weight|weighted|design|scenario|split|divide|proportional|proportionally|follow|according|scale|scaled " +
            "quota|capacity");
        P(Intent.Scenarios, 0.97, "rebalance|design|scenario|split|divide equal_target|equal_share|equally_weighted|even_split");
        P(Intent.Scenarios, 0.85, "show|compare|run|use|try|pick|apply|export|detail|metric|explain|split|cut|version|approach|model|layout|by", Need.Scenario);

        P(Intent.FairnessCheck, 0.93, "fair|fairness|unfair|fairly|equitable|equity|inequitable|equal|unequal|imbalance|imbalanced|lopsided|skewed|disadvantaged|cheated|gini|outlier|evenly|uneven|tolerance|inequality|favoritism|favouritism");
        P(Intent.FairnessCheck, 0.75, "balanced|balance");
        P(Intent.FairnessCheck, 0.7, "announce|announcing");

        P(Intent.CoverageGaps, 0.9, "coverage|gap|uncovered|undercovered|under_covered|headcount|hire|hiring|capacity|understaffed|overloaded|stretched|add_rep|more_rep|add_headcount|open_req|unassigned|orphan|orphaned|nobody_cover|no_one_cover");
        P(Intent.CoverageGaps, 0.95, "coverage_gap|where_should_we_add|where_to_add|need_more_rep");
        P(Intent.CoverageGaps, 0.9, "another_rep|extra_rep|additional_rep|no_rep|without_rep|without_a_rep|new_hire|more_people|missing");

        P(Intent.RepFit, 0.96, "who|which_rep|which_ae|rep|person|somebody|someone|whom|seller " +
            "fit|best|suited|strongest|strong|match|good_at|expert|specialist|experience|experienced|right|ideal|win|wins|winning");
        P(Intent.RepFit, 0.8, "fit|matchup|match_up|best_suited");
        P(Intent.RepFit, 0.9, "win_rate|winrate|strength|affinity|track_record");
        P(Intent.RepFit, 0.9, "fit|good|suited|strong|match", Need.Rep);
        P(Intent.RepFit, 0.92, "i_fit|me_fit|my_fit|i_match|my_win_rate|my_winrate|my_track_record");
        P(Intent.RepFit, 0.93, "who_should_own|who_should_cover|who_should_take|who_should_handle|who_should_get|who_would_be|who_can_handle|who_should_work");

        P(Intent.ProposeReassignment, 0.95, "move|reassign|transfer|shift|switch|swap|migrate|relocate", Need.Account);
        P(Intent.ProposeReassignment, 0.95, "give|hand|assign|put to|under|over", Need.Account | Need.Rep);
        P(Intent.ProposeReassignment, 0.85, "move|give|transfer|shift", Need.Rep);
        P(Intent.ProposeReassignment, 0.75, "reassign|reassignment|transfer");
        P(Intent.ProposeReassignment, 0.9, "propose|proposal|suggest|request", Need.Account);
        P(Intent.ProposeReassignment, 0.8, "propose|new_proposal|create_proposal|raise_proposal|open_proposal|draft_proposal");
        P(Intent.ProposeReassignment, 0.97, "revert|undo|reverse|rollback|roll_back|unwind|back_out", Need.Number);
        P(Intent.ProposeReassignment, 0.9, "revert|undo|rollback|roll_back|unwind|back_out");
        P(Intent.ProposeReassignment, 0.96, "propose|proposal|submit|raise|draft|file", Need.Scenario);
        P(Intent.ProposeReassignment, 0.97, "propose|proposal|submit|raise|draft|file|create fairness|fair|unfair");

        P(Intent.ListProposals, 0.85, "proposal|reassignment|pending|queue|approval|awaiting|outstanding|inbox|backlog");
        P(Intent.ListProposals, 0.9, "list|show|open|what|any|which|see|all " + "proposal|reassignment|request|change");
        P(Intent.ListProposals, 0.97, "anything_to_approve|something_to_approve|what_to_approve|thing_to_approve|stuff_to_approve|anything_for_me_to_approve");
        P(Intent.ListProposals, 0.97, "waiting|pending|awaiting|outstanding|need|needs|queued " + "approval|approve|sign_off|review|decision");

        P(Intent.ApproveProposal, 0.95, "approve|greenlight|green_light|sign_off|signoff|lgtm|authorize|authorise|approved");
        P(Intent.ApproveProposal, 0.9, "accept|confirm|ok|okay|yes|apply|go_ahead|ship|execute", Need.Number);

        P(Intent.RejectProposal, 0.97, "reject|decline|deny|veto|refuse|turn_down|shoot_down|nix|scrap|cancel|block|rejected");
        P(Intent.RejectProposal, 0.98, "not_approve|dont_approve|do_not_approve|no_to|say_no|wont_approve");

        // Issue 14: where a rep stands against the team, why an account scored as it did, drafting a note.
        P(Intent.WhereIStand, 0.97, "where_do_i_stand|where_i_stand|how_do_i_compare|how_do_i_stack|stack_up|how_am_i_doing|where_do_i_rank|my_rank|my_ranking|compare_me|how_do_i_rank|how_i_rank|where_am_i|benchmark_me|how_do_i_measure");
        P(Intent.WhereIStand, 0.9, "above|below|versus|vs|against|compared the_team|team_median|team_average|rest_of_the_team|my_peer|peer|other_rep|team");
        P(Intent.ExplainWhy, 0.99, "why|how_come", Need.Account);
        P(Intent.ExplainWhy, 0.96, "why|how_come rank|ranked|tier|tiered|strategic|enterprise|commercial|smb|score|scored|potential|suggest|suggested|recommend|recommended|priority|above|below|fit");
        P(Intent.DraftMessage, 0.99, "draft|write|compose|prepare|craft|writeup|jot " + "note|email|e_mail|mail|message|letter|summary|update|memo|blurb|recap|slack|post");
        return list;
    }

    /// <summary>A pattern in the table's notation, for phrases a plugin declares.</summary>
    public static Pattern Declared(Intent intent, double weight, string terms) => new(intent, weight, Need.None, Compile(terms));

    private static string[][][] Compile(string terms) =>
        [.. terms.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(term => term.Split('|')
                .Select(alt => alt.Split('_').Select(TextMatching.Stem).ToArray())
                .ToArray())];
}
