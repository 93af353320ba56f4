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

/// <summary>
/// Requests the deterministic path can route but not truly serve: asking for prose to be written for someone ("draft a
/// short note to my manager about …"). The router would answer the topic's card; with a model configured, the model is
/// asked first (with the caller's tools) and the card remains the answer when it cannot help.
/// </summary>
internal static partial class FreeForm
{
    public static bool AsksToCompose(string? text) => text is not null && Compose().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(
        @"\b(draft|compose|write)\b.{0,40}\b(note|e-?mail|message|letter|reply|blurb|post|paragraph)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Compose();
}
