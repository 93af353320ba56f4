using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TerritoryBot.Conversation;

internal static class ConversationSetup
{
    /// <summary>
    /// The conversation core, the handlers of every plugin and the workspace of the territory database.
    /// Hosts without a database (<c>ask --data DIR</c>, tests) register their own <see cref="IWorkspaceSource"/> first.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Plugins are built once, here; a host or test may register its own PluginTypes first.
        services.TryAddSingleton(PluginTypes.Application);
        services.AddSingleton(sp => new PluginHost(sp, sp.GetRequiredService<PluginTypes>()));
        services.AddSingleton(sp => sp.GetRequiredService<PluginHost>().Registry);
        services.AddSingleton(sp => new TurnKernels(
            sp.GetRequiredService<PluginHost>(), sp.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        services.TryAddSingleton<DatabaseWorkspaceSource>();
        services.TryAddSingleton<IWorkspaceSource>(sp => sp.GetRequiredService<DatabaseWorkspaceSource>());
        services.AddSingleton<ConversationCore>();
        return services;
    }
}
