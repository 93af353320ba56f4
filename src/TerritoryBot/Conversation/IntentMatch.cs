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
}
