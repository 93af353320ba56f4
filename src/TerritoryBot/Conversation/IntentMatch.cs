using System.Globalization;
using System.Text;

namespace TerritoryBot.Conversation;

/// <summary>What the router found in one utterance.</summary>
internal sealed record IntentMatch(Intent Intent, double Confidence, IntentEntities Entities)
{
    public string Name => IntentNames.Of(Intent);
}

/// <summary>Entities pulled from an utterance; ids are vocabulary ids, in the order they were mentioned.</summary>
internal sealed record IntentEntities
{
    public static IntentEntities None { get; } = new();

    public IReadOnlyList<string> AccountIds { get; init; } = [];
    public IReadOnlyList<string> RepIds { get; init; } = [];
    /// <summary>A count such as "top 10" or "5 accounts".</summary>
    public int? Count { get; init; }
    /// <summary>A percentage such as "at most 10% moved" (10 means 10%).</summary>
    public double? Percent { get; init; }
    /// <summary>A proposal number such as "approve 42" or "proposal #42".</summary>
    public int? ProposalNumber { get; init; }
    public string? Scenario { get; init; }
    /// <summary>An industry of the loaded data ("who fits the fintech accounts best" → "Financial Services"); set for rep_fit.</summary>
    public string? Industry { get; init; }
    /// <summary>The proposal version a card button was drawn at (optimistic concurrency for approve / reject).</summary>
    public int? ProposalVersion { get; init; }
    /// <summary>Free-text reason, e.g. for a rejection or a proposed move ("because …", "reason: …").</summary>
    public string? Reason { get; init; }

    /// <summary>"propose the fairness fixes": a proposal from the fairness assessment's adjustments.</summary>
    public bool FairnessFixes { get; init; }

    /// <summary>The account question read from the text (issue 14), for account_query, draft_message and where_i_stand.</summary>
    public ParsedQuestion? Question { get; init; }

    /// <summary>A question sent back by a card button ("ask this instead"); read again like typed text.</summary>
    public string? QuestionText { get; init; }

    /// <summary>"balance by quota", "weighted by capacity": what each rep's target share follows (null = not said, equal).</summary>
    public Core.Design.TargetMode? Targets { get; init; }

    /// <summary>
    /// Every field in one string, unambiguously (each text after its length), for keeping answers per entities:
    /// equal keys mean equal entities. Serialising the record for this was a visible share of a kept turn.
    /// </summary>
    public string Key()
    {
        var key = new StringBuilder();
        void Text(string? text) => (text is null ? key.Append('~') : key.Append(text.Length).Append(':').Append(text)).Append(';');
        void Number<T>(T? number)
            where T : struct, IFormattable => key.Append(number?.ToString(null, CultureInfo.InvariantCulture) ?? "~").Append(';');
        key.Append(AccountIds.Count).Append('[');
        foreach (var id in AccountIds)
        {
            Text(id);
        }

        key.Append(RepIds.Count).Append('[');
        foreach (var id in RepIds)
        {
            Text(id);
        }

        Number(Count);
        Number(Percent);
        Number(ProposalNumber);
        Text(Scenario);
        Text(Industry);
        Number(ProposalVersion);
        Text(Reason);
        key.Append(FairnessFixes ? 'F' : 'f');
        Text(Question?.Key());
        Text(QuestionText);
        Text(Targets?.ToString());
        return key.ToString();
    }
}
