using System.Text.Json.Nodes;

namespace TerritoryBot.Conversation;

/// <summary>What a plugin is constructed with: who asks (and so what they may see) and the data.</summary>
internal sealed record PluginContext(Caller Caller, Workspace Workspace);

/// <summary>Everything a handler needs for one turn.</summary>
internal sealed class TurnContext(
    Turn turn, Caller caller, IntentMatch match, Workspace workspace, Func<IServiceProvider> services, TurnKernels kernels)
{
    private Microsoft.SemanticKernel.Kernel? kernel;
    private PluginContext? pluginContext;

    public Turn Turn { get; } = turn;
    public Caller Caller { get; } = caller;
    public IntentMatch Match { get; } = match;
    public IntentEntities Entities => Match.Entities;
    public Workspace Workspace { get; } = workspace;

    /// <summary>Scoped services of this turn (a DbContext, the clock); the scope is made when first asked for.</summary>
    public IServiceProvider Services => services();

    /// <summary>The card action's data when the turn is a button press (already checked by the core), else null.</summary>
    public JsonObject? ActionData => Turn.Action?.Data;

    /// <summary>Who asks and the data, as plugin functions receive it (<c>[FromKernelServices] PluginContext</c>).</summary>
    public PluginContext PluginContext => pluginContext ??= new PluginContext(Caller, Workspace);

    /// <summary>This turn's kernel over the caller's plugins, made when first used (a kept answer needs none).</summary>
    public Microsoft.SemanticKernel.Kernel Kernel => kernel ??= kernels.Create(this);

    public TurnKernels Kernels => kernels;
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
