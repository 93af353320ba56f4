namespace TerritoryBot.Conversation;

/// <summary>A handler for one intent; the conversation core adds the turn method.</summary>
internal interface IIntentHandler
{
    Intent Intent { get; }
}

/// <summary>
/// Handlers by intent. Two handlers for one intent are a wiring mistake, so construction throws
/// (at start-up) instead of letting the last registration win silently.
/// </summary>
internal sealed class IntentRegistry
{
    private readonly Dictionary<Intent, IIntentHandler> handlers = [];

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
        }
    }

    public IReadOnlyCollection<Intent> Intents => handlers.Keys;

    public bool TryGet(Intent intent, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IIntentHandler? handler) =>
        handlers.TryGetValue(intent, out handler);

    /// <summary>Intents that have no handler (the core answers those with help).</summary>
    public IReadOnlyList<Intent> Missing() => [.. Enum.GetValues<Intent>().Where(i => !handlers.ContainsKey(i))];
}
