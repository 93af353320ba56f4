using System.Text.Json.Nodes;

namespace TerritoryBot.Conversation;

/// <summary>What a plugin is constructed with: who asks (and so what they may see) and the data.</summary>
internal sealed record PluginContext(Caller Caller, Workspace Workspace);

/// <summary>Everything a handler needs for one turn.</summary>
internal sealed class TurnContext(Turn turn, Caller caller, IntentMatch match, Workspace workspace, Func<IServiceProvider> services)
{
    public Turn Turn { get; } = turn;
    public Caller Caller { get; } = caller;
    public IntentMatch Match { get; } = match;
    public IntentEntities Entities => Match.Entities;
    public Workspace Workspace { get; } = workspace;

    /// <summary>Scoped services of this turn (a DbContext, the clock); the scope is made when first asked for.</summary>
    public IServiceProvider Services => services();

    /// <summary>The card action's data when the turn is a button press (already checked by the core), else null.</summary>
    public JsonObject? ActionData => Turn.Action?.Data;

    /// <summary>A plugin for this caller: constructed with the <see cref="PluginContext"/> and any scoped services it asks for.</summary>
    public T Plugin<T>()
        where T : class =>
        ActivatorUtilities.CreateInstance<T>(Services, new PluginContext(Caller, Workspace));
}

/// <summary>
/// A turn's service scope, created only when a plugin first asks for a service (an answer the core already keeps
/// needs none, and making and disposing a scope per turn was a visible share of such a turn), disposed with the turn.
/// </summary>
internal sealed class TurnScope(IServiceScopeFactory factory) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private AsyncServiceScope? scope;

    public IServiceProvider Services
    {
        get
        {
            lock (gate)
            {
                scope ??= factory.CreateAsyncScope();
                return scope.Value.ServiceProvider;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        AsyncServiceScope? created;
        lock (gate)
        {
            created = scope;
        }

        return created?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
