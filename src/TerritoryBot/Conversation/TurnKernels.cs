using Microsoft.SemanticKernel;

namespace TerritoryBot.Conversation;

/// <summary>
/// Makes each turn's <see cref="Kernel"/>: the caller's prebuilt plugin collection, the filters, and services that
/// answer the per-turn state (<see cref="PluginContext"/>, <see cref="TurnContext"/>) themselves and everything else
/// from the turn's scope — created only when a function asks for a scoped service, as before.
/// </summary>
internal sealed class TurnKernels(PluginHost host, ILoggerFactory loggers)
{
    private readonly IReadOnlyList<IFunctionInvocationFilter> filters = KernelFilters.All(host, loggers);

    public PluginHost Host => host;

    public Kernel Create(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new Kernel(new TurnServices(turn, loggers, filters), host.PluginsFor(turn.Caller.Role));
    }

    private sealed class TurnServices(TurnContext turn, ILoggerFactory loggers, IReadOnlyList<IFunctionInvocationFilter> filters)
        : IServiceProvider, IKeyedServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(PluginContext))
            {
                return turn.PluginContext;
            }

            if (serviceType == typeof(TurnContext))
            {
                return turn;
            }

            if (serviceType == typeof(ILoggerFactory))
            {
                return loggers;
            }

            // The kernel asks for these when it is made; answering here keeps the turn's scope unmade until needed.
            if (serviceType == typeof(IEnumerable<IFunctionInvocationFilter>))
            {
                return filters;
            }

            if (serviceType == typeof(IEnumerable<IPromptRenderFilter>))
            {
                return Array.Empty<IPromptRenderFilter>();
            }

            if (serviceType == typeof(IEnumerable<IAutoFunctionInvocationFilter>))
            {
                return Array.Empty<IAutoFunctionInvocationFilter>();
            }

            if (serviceType == typeof(IEnumerable<KernelPlugin>))
            {
                return Array.Empty<KernelPlugin>();
            }

            if (serviceType == typeof(KernelPluginCollection) || serviceType == typeof(Kernel))
            {
                return null;
            }

            return turn.Services.GetService(serviceType);
        }

        public object? GetKeyedService(Type serviceType, object? serviceKey) =>
            serviceKey is null ? GetService(serviceType) : (turn.Services as IKeyedServiceProvider)?.GetKeyedService(serviceType, serviceKey);

        public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
            GetKeyedService(serviceType, serviceKey) ?? throw new InvalidOperationException($"No service for {serviceType.Name}.");
    }
}
