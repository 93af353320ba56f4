using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Llm;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

public sealed class LlmToolCatalogTests
{
    private const string RepTools =
        "accounts_account_lookup,accounts_score_summary,accounts_tier_review,accounts_top_accounts,fit_fit,help_help,plans_business_plan," +
        "proposals_list_proposals,proposals_show_proposal,query_accounts,query_standing,query_why,territory_my_territory,territory_territory_document,territory_transition_package," +
        "whitespace_whitespace";

    private const string TeamTools = "coverage_gaps,fairness_check,scenarios_compare,scenarios_show";

    [Theory]
    [InlineData("Rep", "account_probe_account")]
    [InlineData("Manager", "account_probe_account,team_probe_team_size")]
    [InlineData("Ops", "account_probe_account,team_probe_team_size")]
    public void MethodsFor_Role_OffersOnlyThatRolesTools(string role, string expected)
    {
        var catalog = new LlmToolCatalog(LlmTestKit.Probes);

        Assert.Equal(expected, string.Join(",", Names(catalog, Enum.Parse<RepRole>(role))));
    }

    [Theory]
    [InlineData("Rep", RepTools)]
    [InlineData("Manager", RepTools + "," + TeamTools)]
    [InlineData("Ops", RepTools + "," + TeamTools)]
    public void MethodsFor_ProductionCatalog_OffersExactlyTheseReadOnlyTools(string role, string expected)
    {
        // A new tool changes this table on purpose: whoever adds one says here that it only reads.
        var names = Names(new LlmToolCatalog(), Enum.Parse<RepRole>(role));

        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("Rep")]
    [InlineData("Manager")]
    [InlineData("Ops")]
    public void MethodsFor_AnyRole_NeverOffersAMethodThatChangesData(string role)
    {
        // The production catalog and the probes (which declare Approve/Reject/[HumanOnly] methods with descriptions).
        foreach (var catalog in new[] { new LlmToolCatalog(), new LlmToolCatalog(LlmTestKit.ProbePlugins) })
        {
            var methods = catalog.MethodsFor(Enum.Parse<RepRole>(role));

            Assert.DoesNotContain(methods, m => m.Method.IsDefined(typeof(HumanOnlyAttribute))
                || m.Method.Name.StartsWith("Propose", StringComparison.Ordinal)
                || m.Method.Name.Contains("Approve", StringComparison.OrdinalIgnoreCase)
                || m.Method.Name.Contains("Reject", StringComparison.OrdinalIgnoreCase)
                || m.Method.Name.Contains("Revert", StringComparison.OrdinalIgnoreCase)
                || m.Method.Name == nameof(AccountProbePlugin.Settle));
        }
    }

    [Theory]
    [InlineData(nameof(ProposalsPlugin.ProposeMovesAsync))]
    [InlineData(nameof(ProposalsPlugin.ProposeScenarioAsync))]
    [InlineData(nameof(ProposalsPlugin.ProposeFairnessFixesAsync))]
    [InlineData(nameof(ProposalsPlugin.ProposeRevertAsync))]
    [InlineData(nameof(ProposalsPlugin.ApproveAsync))]
    [InlineData(nameof(ProposalsPlugin.RejectAsync))]
    public void IsHumanOnly_ProposalMethodsThatChangeData_AreMarkedAndExcluded(string method)
    {
        var info = typeof(ProposalsPlugin).GetMethod(method)!;

        Assert.True(info.IsDefined(typeof(HumanOnlyAttribute)), $"{method} must carry [HumanOnly]");
        Assert.True(LlmToolCatalog.IsHumanOnly(info));
        Assert.DoesNotContain(LlmToolCatalog.ToolMethods(typeof(ProposalsPlugin)), m => m.Name == method);
    }

    [Fact]
    public void IsHumanOnly_EveryPluginMethodNamedLikeAChange_CarriesTheAttribute()
    {
        // The name rule backs up the attribute; a described method named like a change without the mark is a slip.
        var unmarked = PluginTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<DescriptionAttribute>() is not null && LlmToolCatalog.IsHumanOnly(m) && !m.IsDefined(typeof(HumanOnlyAttribute)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Empty(unmarked);
    }

    [Theory]
    [InlineData("ProposeMoves", true)]
    [InlineData("Propose", true)]
    [InlineData("ApproveAsync", true)]
    [InlineData("DeleteAccount", true)]
    [InlineData("SetOwner", true)]
    [InlineData("Settings", false)]
    [InlineData("Compare", false)]
    [InlineData("Movement", false)]
    [InlineData("ShowProposalAsync", false)]
    public void IsHumanOnly_MethodName_ChangeVerbsAsAWholeFirstWord(string name, bool expected)
    {
        var method = new NamedMethod(name);

        Assert.Equal(expected, LlmToolCatalog.IsHumanOnly(method));
    }

    [Fact]
    public void Default_EveryPluginOfTheConversationCore_IsConsidered()
    {
        // Every plugin type with [Description] methods that the intent handlers use should be in the LLM catalog,
        // or a new plugin silently stays invisible to the model.
        var pluginTypes = PluginTypes().Where(t => LlmToolCatalog.ToolMethods(t).Any()).Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(pluginTypes, LlmToolCatalog.Default.Select(p => p.PluginType.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("R001", RepTools)]
    [InlineData("R005", RepTools + "," + TeamTools)]
    [InlineData("R006", RepTools + "," + TeamTools)]
    public async Task Create_RealPluginsForACaller_EveryToolHasAnObjectSchema(string userId, string expected)
    {
        await using var harness = new ConversationHarness();
        var person = IdentityResolver.Resolve(new ChannelUser(ChannelKind.Cli, userId), harness.Workspace)!;
        await using var scope = harness.Services.CreateAsyncScope();
        var turn = new TurnContext(Turn.Message(new ChannelUser(ChannelKind.Cli, userId), "test", "?"), Caller.For(person, harness.Workspace),
            new IntentMatch(Intent.Unknown, 0, IntentEntities.None), harness.Workspace, () => scope.ServiceProvider);

        var tools = new LlmToolCatalog().Create(turn);

        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), tools.Names.Order(StringComparer.Ordinal));
        Assert.All(tools.Functions.Cast<Microsoft.Extensions.AI.AIFunction>(), f =>
        {
            Assert.Equal("object", f.JsonSchema.GetProperty("type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(f.Description));
        });
    }

    [Fact]
    public void ToolName_PluginAndMethod_IsSnakeCaseWithinOpenAiLimits()
    {
        var name = LlmToolCatalog.ToolName(typeof(TeamProbePlugin), typeof(TeamProbePlugin).GetMethod(nameof(TeamProbePlugin.TeamSize), Type.EmptyTypes)!);

        Assert.Equal("team_probe_team_size", name);
        Assert.Matches("^[a-z0-9_]{1,64}$", name);
    }

    [Fact]
    public void ToolName_AsyncMethod_DropsTheSuffix()
    {
        var name = LlmToolCatalog.ToolName(typeof(ProposalsPlugin), typeof(ProposalsPlugin).GetMethod(nameof(ProposalsPlugin.ListProposalsAsync))!);

        Assert.Equal("proposals_list_proposals", name);
    }

    private static IEnumerable<Type> PluginTypes() =>
        typeof(LlmToolCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == "TerritoryBot.Plugins" && t.Name.EndsWith("Plugin", StringComparison.Ordinal));

    private static IEnumerable<string> Names(LlmToolCatalog catalog, RepRole role) =>
        catalog.MethodsFor(role).Select(t => LlmToolCatalog.ToolName(t.Plugin, t.Method)).Order(StringComparer.Ordinal);

    /// <summary>A method stand-in with just a name, for the name rule.</summary>
    private sealed class NamedMethod(string name) : MethodInfo
    {
        public override string Name => name;
        public override Type? DeclaringType => null;
        public override Type? ReflectedType => null;
        public override MethodAttributes Attributes => MethodAttributes.Public;
        public override RuntimeMethodHandle MethodHandle => throw new NotSupportedException();
        public override ICustomAttributeProvider ReturnTypeCustomAttributes => throw new NotSupportedException();
        public override MethodInfo GetBaseDefinition() => this;
        public override object[] GetCustomAttributes(bool inherit) => [];
        public override object[] GetCustomAttributes(Type attributeType, bool inherit) => [];
        public override MethodImplAttributes GetMethodImplementationFlags() => MethodImplAttributes.IL;
        public override ParameterInfo[] GetParameters() => [];
        public override object? Invoke(object? obj, BindingFlags invokeAttr, Binder? binder, object?[]? parameters, System.Globalization.CultureInfo? culture) =>
            throw new NotSupportedException();
        public override bool IsDefined(Type attributeType, bool inherit) => false;
    }
}
