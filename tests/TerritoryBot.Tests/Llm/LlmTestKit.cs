using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Llm;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

/// <summary>
/// A rep-level plugin over the real workspace for the loop tests: one account with its name, notes and potential
/// (scoped by the caller like every plugin), plus methods the catalog must never offer.
/// </summary>
internal sealed class AccountProbePlugin(PluginContext context)
{
    [Description("Shows one account the user may see: name, relationship notes and estimated potential ARR.")]
    public AccountProbeView Account([Description("The account id, e.g. A000017.")] string accountId)
    {
        if (!context.Workspace.Accounts.TryGetValue(accountId.Trim(), out var account))
        {
            throw new TurnInputException($"{accountId} is not an account I know.");
        }

        if (!context.Caller.CanSeeAccount(account))
        {
            throw new TurnInputException(Refusal.NotYours("accounts").Text);
        }

        var potential = context.Workspace.Scores.Accounts.First(s => s.AccountId == account.AccountId).PotentialArr;
        return new AccountProbeView(account.AccountId, account.Name, account.RelationshipNotes, Math.Round(potential));
    }

    [Description("Approves a reassignment proposal.")]
    public TextReply ApproveProposal([Description("Proposal number.")] int number) => new($"approved {number}");

    [Description("Rejects a reassignment proposal.")]
    public TextReply RejectProposal([Description("Proposal number.")] int number) => new($"rejected {number}");

    [HumanOnly]
    [Description("Decides something only a person may decide.")]
    public TextReply Settle([Description("Proposal number.")] int number) => new($"settled {number}");

    // No [Description]: not a tool.
    public TextReply Hidden() => new("hidden");
}

/// <summary>A manager-level plugin: the team's rep count (the catalog must keep it from reps).</summary>
internal sealed class TeamProbePlugin(PluginContext context)
{
    [Description("Counts the territory reps the user may see.")]
    public TextReply TeamSize() => new($"You can see {context.Caller.VisibleRepIds.Count} reps.");

    // An overload: one tool name, so only the fuller one is offered.
    [Description("Counts the territory reps the user may see whose id starts with a prefix.")]
    public TextReply TeamSize([Description("Rep id prefix, e.g. R00.")] string prefix) =>
        new($"You can see {context.Caller.VisibleRepIds.Count(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))} reps.");
}

internal sealed record AccountProbeView(string AccountId, string Name, string? Notes, double PotentialArr) : IViewModel
{
    public string Text => $"{Name} ({AccountId}): potential {PotentialArr:0}.";

    public AdaptiveCard? ToCard() => new() { Body = [new TextBlock(Text) { Wrap = true }] };
}

internal static class LlmTestKit
{
    public static readonly IReadOnlyList<ToolPlugin> Probes =
    [
        new(typeof(AccountProbePlugin), RepRole.Rep),
        new(typeof(TeamProbePlugin), RepRole.Manager),
    ];

    /// <summary>The production catalog plus the probes.</summary>
    public static readonly IReadOnlyList<ToolPlugin> ProbePlugins = [.. LlmToolCatalog.Default, .. Probes];

    public static LlmPrompts Prompts { get; } = LlmPrompts.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));

    /// <summary>
    /// The conversation core with the LLM assistant over the production model pipeline (function-invocation loop,
    /// resilience) around <paramref name="model"/> (a mock, or the OpenAI SDK's client); the tools are the production
    /// catalog plus the probes unless <paramref name="catalog"/> is given.
    /// </summary>
    public static ConversationHarness Harness(
        IChatClient model, DataSet? data = null, Action<LlmOptions>? configure = null, LlmToolCatalog? catalog = null) =>
        new(data, services =>
        {
            var settings = Settings(configure);
            services.AddSingleton(LlmSetup.Pipeline(new ModelOnly(model), settings, TimeProvider.System));
            services.AddSingleton(Prompts);
            services.AddSingleton(catalog ?? new LlmToolCatalog(ProbePlugins));
            services.AddSingleton(Options.Create(settings));
            services.AddSingleton<IConversationAssistant, LlmAssistant>();
        });

    /// <summary>The model's two calls only: a strict mock need not script the pipeline's service look-ups.</summary>
    private sealed class ModelOnly(IChatClient model) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            model.GetResponseAsync(messages, options, cancellationToken);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            model.GetStreamingResponseAsync(messages, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    public static LlmOptions Settings(Action<LlmOptions>? configure = null)
    {
        var options = new LlmOptions { Endpoint = "http://127.0.0.1:9/v1", Model = "stub", TimeoutSeconds = 5 };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>An account the rep (R001 in the demo layout) owns, with a potential.</summary>
    public static Account OwnedAccount(DataSet data, string repId) =>
        data.Accounts.Where(a => a.OwnerId == repId).OrderBy(a => a.AccountId, StringComparer.Ordinal).First();

    public static DataSet WithNote(DataSet data, string accountId, string note) =>
        data with { Accounts = [.. data.Accounts.Select(a => a.AccountId == accountId ? a with { RelationshipNotes = note } : a)] };
}
