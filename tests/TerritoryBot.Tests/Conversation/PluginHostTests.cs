using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Llm;

namespace TerritoryBot.Tests.Conversation;

/// <summary>The Semantic Kernel plugin host: what it derives from the plugin classes (tools, intents, help, the cache's read-only set).</summary>
public sealed partial class PluginHostTests
{
    private const string RepTools =
        "accounts_account_lookup,accounts_score_summary,accounts_tier_review,accounts_top_accounts,fit_fit,help_help,plans_business_plan," +
        "proposals_list_proposals,proposals_show_proposal,query_accounts,query_standing,query_why,territory_my_territory,territory_territory_document,territory_transition_package," +
        "whitespace_whitespace";

    private const string TeamTools = "coverage_gaps,fairness_check,scenarios_compare,scenarios_show";

    internal static PluginHost Host(PluginTypes? types = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IWorkspaceSource>(new FixedWorkspaceSource(new Workspace(ConversationHarness.Demo(40, 2, 1), ConversationHarness.AsOf)));
        return new PluginHost(services.BuildServiceProvider(), types ?? PluginTypes.Application);
    }

    private static IEnumerable<string> ToolNames(PluginHost host, RepRole role) =>
        host.ToolsFor(role).Select(f => ((AIFunction)f).Name).Order(StringComparer.Ordinal);

    [Theory]
    [InlineData("Rep", RepTools)]
    [InlineData("Manager", RepTools + "," + TeamTools)]
    [InlineData("Ops", RepTools + "," + TeamTools)]
    public void ToolsFor_ProductionPlugins_OffersExactlyTheseReadOnlyTools(string role, string expected)
    {
        // A new tool changes this table on purpose: whoever adds one says here that it only reads.
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), ToolNames(Host(), Enum.Parse<RepRole>(role)));
    }

    [Theory]
    [InlineData("Rep", false)]
    [InlineData("Manager", true)]
    [InlineData("Ops", true)]
    public void ToolsFor_MinimumRole_KeepsTeamToolsFromReps(string role, bool teamTool)
    {
        var names = ToolNames(Host(LlmTestKit.ProbePlugins), Enum.Parse<RepRole>(role)).ToList();

        Assert.Contains("account_probe_account", names);
        Assert.Equal(teamTool, names.Contains("team_probe_team_size"));
    }

    [Theory]
    [InlineData("Rep")]
    [InlineData("Manager")]
    [InlineData("Ops")]
    public void ToolsFor_AnyRole_NeverOffersAFunctionThatWrites(string role)
    {
        var host = Host(LlmTestKit.ProbePlugins);
        var tools = host.ToolsFor(Enum.Parse<RepRole>(role));

        Assert.All(tools, f => Assert.False(host.Describe(f).Writes));
        var names = tools.Select(f => ((AIFunction)f).Name).ToList();
        Assert.DoesNotContain(names, n => n.Contains("propose", StringComparison.Ordinal) || n.Contains("approve", StringComparison.Ordinal)
            || n.Contains("reject", StringComparison.Ordinal) || n.Contains("settle", StringComparison.Ordinal));
        // Writing functions are still the role's to call in person (buttons, typed words): they are in its collection.
        Assert.Contains(host.PluginsFor(RepRole.Ops).SelectMany(p => p), f => f.Name == "settle");
    }

    [Theory]
    [InlineData("propose_moves")]
    [InlineData("propose_scenario")]
    [InlineData("propose_fairness_fixes")]
    [InlineData("propose_revert")]
    [InlineData("approve")]
    [InlineData("reject")]
    public void Describe_ProposalFunctionsThatChangeData_AreDeclaredWrites(string function)
    {
        var host = Host();

        Assert.True(host.Describe(host.Plugins.Single(p => p.Name == "proposals")[function]).Writes);
    }

    [Fact]
    public void Functions_NamedLikeAChange_AreAllDeclaredWrites()
    {
        // The one way to say "this writes" is [Access(Writes = true)]; a function named like a change without it is a slip.
        var host = Host();
        var unmarked = host.Plugins.SelectMany(p => p)
            .Where(f => ChangeName().IsMatch(f.Name) && !host.Describe(f).Writes)
            .Select(f => $"{f.PluginName}.{f.Name}");

        Assert.Empty(unmarked);
    }

    [Theory]
    [InlineData("Rep")]
    [InlineData("Ops")]
    public void ToolsFor_EveryTool_HasAnObjectSchemaWithoutTheTurnsState(string role)
    {
        foreach (AIFunction tool in Host().ToolsFor(Enum.Parse<RepRole>(role)))
        {
            Assert.Equal("object", tool.JsonSchema.GetProperty("type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            Assert.Matches("^[a-z0-9_]{1,64}$", tool.Name);
            var properties = tool.JsonSchema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(o => o.Name).ToList() : [];
            Assert.DoesNotContain(properties, n => n is "context" or "db" or "turn" or "ct" or "cancellationToken");
        }
    }

    [Fact]
    public void ReadOnlyIntents_DerivedFromTheDescriptors_AreTheOnesTheCacheKept()
    {
        string[] expected =
        [
            "help", "unknown", "my_territory", "top_accounts", "account_lookup", "whitespace", "business_plan", "territory_doc",
            "transition_package", "score_summary", "tier_review", "scenarios", "fairness_check", "coverage_gaps", "rep_fit",
            "account_query", "where_i_stand", "explain_why", "draft_message",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Host().ReadOnlyIntents.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["list_proposals"], Host().ProposalReadingIntents.Select(i => i.Name));
    }

    [Fact]
    public void Registry_DerivedFromTheDescriptors_AnswersEveryBuiltInIntentAndItsVerbs()
    {
        var host = Host();

        Assert.Empty(host.Registry.Missing());
        Assert.True(host.Registry.TryGetByVerb(FitPlugin.ShowVerb, out var fit));
        Assert.Equal(Intent.RepFit, fit.Intent);
        Assert.True(host.Registry.TryGetByVerb(ScenariosPlugin.ShowVerb, out var scenario));
        Assert.Equal(Intent.Scenarios, scenario.Intent);
    }

    [Theory]
    [InlineData("Rep", "Your territory|Top accounts|One account|Whitespace|Business plan|Territory document|Transition package|Ask about your book|Figures|Rankings|Where you stand|Why")]
    [InlineData("Manager", "One account|Team territories|Fairness|Scenarios|Rep fit|Coverage gaps|Propose a move|Proposals|Team questions|Team figures")]
    [InlineData("Ops", "One account|Team territories|Fairness|Scenarios|Rep fit|Coverage gaps|Propose a move|Proposals|Team questions|Team figures|Scores|Tiers|Rebalance|Approve|Reject|Any account question")]
    public void HelpFor_Role_ListsTheDeclaredExamplesInOrder(string role, string topics)
    {
        Assert.Equal(topics.Split('|'), Host().HelpFor(Enum.Parse<RepRole>(role)).Select(h => h.Topic));
    }

    [Fact]
    public void PluginName_ClassName_IsSnakeCaseWithoutPlugin()
    {
        Assert.Equal("team_probe", PluginHost.PluginName(typeof(TeamProbePlugin)));
        Assert.Equal("proposals", PluginHost.PluginName(typeof(ProposalsPlugin)));
    }

    [Fact]
    public void PluginHost_TwoPluginsDeclareOneIntent_StartUpFails()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Host(new PluginTypes([.. PluginTypes.Application.Types, typeof(SecondHelpPlugin)])));

        Assert.Contains("'help'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginsFor_TwoTurns_ShareThePluginsBuiltOnceAtStartUp()
    {
        await using var harness = new ConversationHarness();
        var host = harness.Services.GetRequiredService<PluginHost>();
        await using var scope1 = harness.Services.CreateAsyncScope();
        await using var scope2 = harness.Services.CreateAsyncScope();

        var first = KernelTurns.For(harness, "R001", scope1).Kernel;
        var second = KernelTurns.For(harness, "R002", scope2).Kernel;

        Assert.NotSame(first, second);
        Assert.Same(first.Plugins, second.Plugins);
        Assert.Same(host, harness.Services.GetRequiredService<PluginHost>());
    }

    [GeneratedRegex("^(approve|reject|revert|apply|decide|propose|create|add|delete|remove|update|set|save|import|move|assign|reassign|cancel|send|notify|settle)(_|$)")]
    private static partial Regex ChangeName();

    /// <summary>A slip: a second plugin claiming the help intent.</summary>
    internal sealed class SecondHelpPlugin
    {
        [KernelFunction("help")]
        [Intent("help")]
        [System.ComponentModel.Description("Another help.")]
        public TextReply Help() => new("another");
    }
}

/// <summary>A turn context for kernel tests, as the conversation core makes one.</summary>
internal static class KernelTurns
{
    public static TurnContext For(ConversationHarness harness, string userId, AsyncServiceScope scope, IntentMatch? match = null)
    {
        var user = new ChannelUser(ChannelKind.Cli, userId);
        var person = IdentityResolver.Resolve(user, harness.Workspace)!;
        return new TurnContext(Turn.Message(user, "test", "?"), Caller.For(person, harness.Workspace),
            match ?? new IntentMatch(Intent.Unknown, 0, IntentEntities.None), harness.Workspace, () => scope.ServiceProvider,
            harness.Services.GetRequiredService<TurnKernels>());
    }
}
