using TerritoryBot.Conversation;

namespace TerritoryBot.Plugins;

/// <summary>Every plugin's intent handlers; the registry built from them throws on two handlers for one intent or verb.</summary>
internal static class PluginCatalog
{
    public static IEnumerable<IIntentHandler> Handlers() =>
    [
        .. HelpPlugin.Handlers(),
        .. TerritoryPlugin.Handlers(),
        .. AccountsPlugin.Handlers(),
        .. WhitespacePlugin.Handlers(),
        .. PlansPlugin.Handlers(),
        .. ProposalsPlugin.Handlers(),
        .. ScenariosPlugin.Handlers(),
        .. FairnessPlugin.Handlers(),
        .. CoveragePlugin.Handlers(),
        .. FitPlugin.Handlers(),
        .. QueryPlugin.Handlers(),
    ];
}
