using TerritoryBot.Core.Model;
using TerritoryBot.Llm;

namespace TerritoryBot.Tests.Llm;

public sealed class LlmToolCatalogTests
{
    [Theory]
    [InlineData("Rep", "account_probe_account,help_help")]
    [InlineData("Manager", "account_probe_account,help_help,team_probe_team_size")]
    [InlineData("Ops", "account_probe_account,help_help,team_probe_team_size")]
    public void MethodsFor_Role_OffersOnlyThatRolesTools(string role, string expected)
    {
        var catalog = new LlmToolCatalog(LlmTestKit.ProbePlugins);

        var names = catalog.MethodsFor(Enum.Parse<RepRole>(role)).Select(t => LlmToolCatalog.ToolName(t.Plugin, t.Method)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, string.Join(",", names));
    }

    [Theory]
    [InlineData("Rep")]
    [InlineData("Manager")]
    [InlineData("Ops")]
    public void MethodsFor_AnyRole_NeverOffersApproveRejectOrHumanOnly(string role)
    {
        // The production catalog and the probes (which declare Approve/Reject/[HumanOnly] methods with descriptions).
        foreach (var catalog in new[] { new LlmToolCatalog(), new LlmToolCatalog(LlmTestKit.ProbePlugins) })
        {
            var methods = catalog.MethodsFor(Enum.Parse<RepRole>(role));

            Assert.DoesNotContain(methods, m => m.Method.Name.Contains("Approve", StringComparison.OrdinalIgnoreCase)
                || m.Method.Name.Contains("Reject", StringComparison.OrdinalIgnoreCase)
                || m.Method.Name.Contains("Revert", StringComparison.OrdinalIgnoreCase)
                || m.Method.Name == nameof(AccountProbePlugin.Settle));
        }
    }

    [Fact]
    public void Default_EveryPluginOfTheConversationCore_IsConsidered()
    {
        // Every plugin type with [Description] methods that the intent handlers use should be in the LLM catalog,
        // or a new plugin silently stays invisible to the model.
        var pluginTypes = typeof(LlmToolCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == "TerritoryBot.Plugins" && t.Name.EndsWith("Plugin", StringComparison.Ordinal) && LlmToolCatalog.ToolMethods(t).Any())
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(pluginTypes, LlmToolCatalog.Default.Select(p => p.PluginType.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToolName_PluginAndMethod_IsSnakeCaseWithinOpenAiLimits()
    {
        var name = LlmToolCatalog.ToolName(typeof(TeamProbePlugin), typeof(TeamProbePlugin).GetMethod(nameof(TeamProbePlugin.TeamSize), Type.EmptyTypes)!);

        Assert.Equal("team_probe_team_size", name);
        Assert.Matches("^[a-z0-9_]{1,64}$", name);
    }
}
