using Microsoft.Extensions.DependencyInjection.Extensions;
using TerritoryBot.Plugins;

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
        services.AddSingleton(_ => new IntentRegistry(PluginCatalog.Handlers()));
        services.TryAddSingleton<DatabaseWorkspaceSource>();
        services.TryAddSingleton<IWorkspaceSource>(sp => sp.GetRequiredService<DatabaseWorkspaceSource>());
        services.AddSingleton<ConversationCore>();
        return services;
    }
}
