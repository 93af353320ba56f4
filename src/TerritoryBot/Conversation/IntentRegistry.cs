namespace TerritoryBot.Conversation;

/// <summary>Answers one intent (and the card verbs that lead to it) with a view model.</summary>
internal interface IIntentHandler
{
    Intent Intent { get; }

    /// <summary>Card action verbs (Action.Execute <c>verb</c>) this handler answers, e.g. <c>accounts.top</c>.</summary>
    IReadOnlyList<string> Verbs { get; }

    Task<IViewModel> HandleAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>
/// Handlers by intent and by card verb. Two handlers for one intent (or one verb) are a wiring mistake, so
/// construction throws (at start-up) instead of letting the last registration win silently.
/// </summary>
internal sealed class IntentRegistry
{
    private readonly Dictionary<Intent, IIntentHandler> handlers = [];
    private readonly Dictionary<string, IIntentHandler> byVerb = new(StringComparer.Ordinal);

    public IntentRegistry(IEnumerable<IIntentHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var handler in handlers)
        {
            ArgumentNullException.ThrowIfNull(handler);
            if (!this.handlers.TryAdd(handler.Intent, handler))
            {
                var first = this.handlers[handler.Intent];
                throw new InvalidOperationException(
                    $"Two handlers for intent '{IntentNames.Of(handler.Intent)}': {first.GetType().Name} and {handler.GetType().Name}.");
            }

            foreach (var verb in handler.Verbs)
            {
                if (!byVerb.TryAdd(verb, handler))
                {
                    throw new InvalidOperationException(
                        $"Two handlers for card verb '{verb}': intents '{IntentNames.Of(byVerb[verb].Intent)}' and '{IntentNames.Of(handler.Intent)}'.");
                }
            }
        }
    }

    public IReadOnlyCollection<Intent> Intents => handlers.Keys;

    public IReadOnlyCollection<string> Verbs => byVerb.Keys;

    public bool TryGet(Intent intent, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IIntentHandler? handler) =>
        handlers.TryGetValue(intent, out handler);

    public bool TryGetByVerb(string verb, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IIntentHandler? handler) =>
        byVerb.TryGetValue(verb, out handler);

    /// <summary>Built-in intents that have no handler (the core answers those with help).</summary>
    public IReadOnlyList<Intent> Missing() => [.. Intent.BuiltIn.Where(i => !handlers.ContainsKey(i))];
}
