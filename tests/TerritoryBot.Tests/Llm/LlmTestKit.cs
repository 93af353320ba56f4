using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Llm;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

/// <summary>
/// A rep-level plugin over the real workspace for the loop tests: one account with its name, notes and potential
/// (scoped by the caller like every plugin), plus functions that write, which no model may ever call.
/// </summary>
internal sealed class AccountProbePlugin
{
    /// <summary>Calls that reached a writing function's body (none may come from a model through the kernel).</summary>
    public static int Writes;

    [KernelFunction("account")]
    [Description("Shows one account the user may see: name, relationship notes and estimated potential ARR.")]
    public AccountProbeView Account([FromKernelServices] PluginContext context, [Description("The account id, e.g. A000017.")] string accountId)
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

    [KernelFunction("approve_proposal")]
    [Access(Writes = true)]
    [Description("Approves a reassignment proposal.")]
    public TextReply ApproveProposal([Description("Proposal number.")] int number)
    {
        Interlocked.Increment(ref Writes);
        return new($"approved {number}");
    }

    [KernelFunction("settle")]
    [Access(Writes = true)]
    [Description("Decides something only a person may decide.")]
    public TextReply Settle([Description("Proposal number.")] int number)
    {
        Interlocked.Increment(ref Writes);
        return new($"settled {number}");
    }

    // Not a kernel function: not a tool, not an intent.
    public static TextReply Hidden() => new("hidden");
}

/// <summary>A manager-level plugin: the team's rep count (the host must keep it from reps).</summary>
internal sealed class TeamProbePlugin
{
    [KernelFunction("team_size")]
    [Access(MinimumRole = RepRole.Manager, Subject = "the team size")]
    [Description("Counts the territory reps the user may see, optionally only those whose id starts with a prefix.")]
    public TextReply TeamSize([FromKernelServices] PluginContext context, [Description("Rep id prefix, e.g. R00.")] string? prefix = null) =>
        new($"You can see {context.Caller.VisibleRepIds.Count(r => prefix is null || r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))} reps.");
}

internal sealed record AccountProbeView(string AccountId, string Name, string? Notes, double PotentialArr) : IViewModel
{
    public string Text => $"{Name} ({AccountId}): potential {PotentialArr:0}.";

    public AdaptiveCard? ToCard() => new() { Body = [new TextBlock(Text) { Wrap = true }] };
}

internal static class LlmTestKit
{
    /// <summary>The application's plugins plus the probes.</summary>
    public static readonly PluginTypes ProbePlugins = new([.. PluginTypes.Application.Types, typeof(AccountProbePlugin), typeof(TeamProbePlugin)]);

    public static LlmPrompts Prompts { get; } = LlmPrompts.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));

    /// <summary>
    /// The conversation core with the LLM assistant over the production model pipeline (function-invocation loop,
    /// resilience) around <paramref name="model"/> (a mock, or the OpenAI SDK's client); the tools are the production
    /// plugins plus the probes unless <paramref name="probes"/> is false.
    /// </summary>
    public static ConversationHarness Harness(
        IChatClient model, DataSet? data = null, Action<LlmOptions>? configure = null, bool probes = true, PluginTypes? plugins = null) =>
        new(data, services =>
        {
            var settings = Settings(configure);
            services.AddSingleton(LlmSetup.Pipeline(new ModelOnly(model), settings, TimeProvider.System));
            services.AddSingleton(Prompts);
            if (plugins is not null || probes)
            {
                services.AddSingleton(plugins ?? ProbePlugins);
            }

            services.AddSingleton(Options.Create(settings));
            services.AddSingleton<IConversationAssistant, LlmAssistant>();
        });

    /// <summary>The model's two calls only: a strict mock need not script the pipeline's service look-ups.</summary>
    internal sealed class ModelOnly(IChatClient model) : IChatClient
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
