namespace TerritoryBot.Conversation;

/// <summary>The kinds of prose the model may polish; each has its own prompt file.</summary>
internal enum NarrativeKind
{
    PlanHypothesis,
    Outreach,
    FairnessExplanation,
    ScenarioRecommendation,
}

/// <summary>
/// One piece of prose in a view model: the template sentence the engine's numbers were put into, and those facts
/// (numbers, names, ids) as plain JSON-serialisable data. A rewrite may only say what the facts say.
/// </summary>
internal sealed record Narrative(NarrativeKind Kind, string Template, IReadOnlyDictionary<string, object?> Facts);

/// <summary>
/// A view model whose prose an LLM may rewrite. <see cref="WithNarratives"/> returns a copy with the texts replaced
/// (same order and count as <see cref="Narratives"/>); numbers and cards are untouched.
/// </summary>
internal interface INarratedView : IViewModel
{
    IReadOnlyList<Narrative> Narratives { get; }

    IViewModel WithNarratives(IReadOnlyList<string> texts);
}

/// <summary>
/// Optional help from a language model (registered only when one is configured). Neither method throws for a model
/// failure: null (or the view unchanged) means "answer deterministically".
/// </summary>
internal interface IConversationAssistant
{
    /// <summary>Answers a message the router did not understand, with the caller's plugins as tools; null to fall back to help.</summary>
    Task<IViewModel?> AnswerAsync(TurnContext turn, CancellationToken ct);

    /// <summary>Rewrites the view's narratives where the rewrite passes the grounding check; otherwise returns it as it was.</summary>
    Task<IViewModel> PolishAsync(INarratedView view, CancellationToken ct);
}
