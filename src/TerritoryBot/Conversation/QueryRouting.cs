using TerritoryBot.Core.Query;

namespace TerritoryBot.Conversation;

/// <summary>
/// Decides between the phrase router's intent and an account question (issue 14). The rule is honesty: a question
/// whose filters or measure the phrase router's answer would not honour (a territory card for "how many of my
/// accounts are in Texas?") becomes an <see cref="Intent.AccountQuery"/>, answered exactly or, when only partly
/// understood, with what was understood and what was not. Answers that already honour the question keep their intent.
/// </summary>
internal static class QueryRouting
{
    /// <summary>Intents that answer with a general card about the caller's accounts; a filter or a measure they do not honour moves the question.</summary>
    private static readonly HashSet<Intent> General =
    [
        Intent.Unknown, Intent.MyTerritory, Intent.TopAccounts, Intent.AccountLookup, Intent.Whitespace, Intent.ScoreSummary, Intent.TierReview,
        Intent.CoverageGaps, Intent.Help,
    ];

    /// <summary>Intents that change data or ask for something other than figures: never taken over.</summary>
    private static readonly HashSet<Intent> Kept =
    [
        Intent.ProposeReassignment, Intent.ApproveProposal, Intent.RejectProposal, Intent.ListProposals, Intent.ExplainWhy, Intent.DraftMessage,
    ];

    /// <summary>The fields each general intent's card already honours as a filter.</summary>
    private static readonly Dictionary<Intent, QueryField[]> Honoured = new()
    {
        [Intent.MyTerritory] = [QueryField.Owner],
        [Intent.TopAccounts] = [QueryField.Owner],
        [Intent.Whitespace] = [QueryField.Owner, QueryField.Whitespace, QueryField.Customer, QueryField.Status, QueryField.LastActivityDays],
        [Intent.TierReview] = [QueryField.Owner, QueryField.Tier, QueryField.CurrentTier],
        [Intent.ScoreSummary] = [QueryField.Owner],
        [Intent.CoverageGaps] = [],
    };

    public static IntentMatch Refine(IntentMatch match, string text, RouterVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var intent = match.Intent;
        if (Kept.Contains(intent) && intent != Intent.DraftMessage && intent != Intent.ProposeReassignment)
        {
            return match;
        }

        var question = QueryParser.Parse(text, vocabulary.Query, vocabulary.AsOf, [.. vocabulary.RepIds.Values]);
        if (intent == Intent.ProposeReassignment)
        {
            // "pipeline in proposal stage" names a deal stage, not a reassignment proposal: taken only when the whole text
            // reads as an account question and names no account, number or scenario a proposal would need.
            var entities = match.Entities;
            // An account "named" by words the question reads as its own vocabulary ("proposal stage") is not named: only ids count then.
            var accounts = question.Exact ? entities.AccountIds.Where(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)).ToList() : entities.AccountIds;
            var plain = accounts.Count == 0 && entities.ProposalNumber is null && entities.Scenario is null && !entities.FairnessFixes
                && entities.Percent is null;
            // ("list proposals" stays the proposal list: only a figure asked for moves.)
            return plain && question.Exact && question.Measured && question.Shape == QueryShape.Figure
                ? Query(match, question) : match;
        }

        if (intent == Intent.DraftMessage || intent == Intent.WhereIStand)
        {
            // A draft is about figures the question names; where-I-stand compares the caller's own figures.
            if (intent == Intent.WhereIStand && question.Exact && question.Measured && question.Query.Filters.Count > 0)
            {
                return Query(match, question);
            }

            return match with { Entities = match.Entities with { Question = question } };
        }

        if (question.Shape == QueryShape.None)
        {
            return match;
        }

        return Takes(intent, question) ? Query(match, question) : match;
    }

    private static bool Takes(Intent intent, ParsedQuestion question)
    {
        var filters = question.Query.Filters;
        // A named rep is honoured by the general cards; "unassigned" (owner missing) is not.
        var unhonoured = filters.Any(f => !(Honoured.GetValueOrDefault(intent, []).Contains(f.Field) && (f.Field != QueryField.Owner || f.Op == FilterOp.Is))
            || (intent == Intent.TierReview && question.Exact));
        // "how many", "total", "average": a figure asked for in so many words ("which rep is best for healthcare" is rep fit).
        var measureWord = question.Measured && question.Shape == QueryShape.Figure;
        if (!General.Contains(intent))
        {
            // Specialised answers (plans, scenarios, fairness, rep fit …) keep the question unless it is plainly a figure.
            return question.Exact && measureWord;
        }

        if (intent == Intent.AccountLookup)
        {
            // An account named in full is looked up; only a question fully read as a query moves ("average potential of fintech …").
            return question.Exact && (question.Measured || unhonoured);
        }

        if (question.UnknownPeople.Count > 0)
        {
            return question.Constrained;
        }

        if (!question.Exact)
        {
            // Unclear text with a place, industry, status … filter is an account question read in part; a bare measure word or
            // a person's name alone ("who should I ring first", "is R002 doing better than me") stays unclear (help, or the model).
            return unhonoured && (intent != Intent.Unknown
                || (question.Query.Filters.Any(f => f.Field != QueryField.Owner) && (question.Asked || question.Listed)));
        }

        if (intent == Intent.TopAccounts && !unhonoured && question.Query.Rank is { By: QueryField.PotentialArr, Ascending: false }
            && question.Shape is QueryShape.Extreme or QueryShape.Ranked or QueryShape.List)
        {
            // "my top 10 accounts", "which of my accounts have the most potential": the top-accounts card is that answer.
            return false;
        }

        return unhonoured || question.Measured;
    }

    private static IntentMatch Query(IntentMatch match, ParsedQuestion question) =>
        new(Intent.AccountQuery, Math.Max(match.Confidence, IntentRouter.Threshold),
            match.Entities with { Question = question, Scenario = null, Count = null, Percent = null, Industry = null });
}
