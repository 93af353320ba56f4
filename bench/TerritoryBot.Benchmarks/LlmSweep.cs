using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Demo;
using TerritoryBot.Llm;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `llm [repeats]`: what the LLM path costs on our side, the model excluded (an instant scripted model): a whole
/// free-form turn through the core (tools built for the caller, one tool call, the tool result serialised, the
/// final text grounded), and the grounding check alone against a 16,000-character tool result.
/// Demo data, seed 42; medians after warm-up.
/// </summary>
public sealed class LlmSweep : ISweep
{
    public string Name => "llm";

    public async Task<int> RunAsync(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var asOf = new DateOnly(2025, 1, 6);
        Console.WriteLine("| accounts × reps | same turn without LLM (help; ms, median) | free-form turn via tools, model excluded (ms, median) | grounding check vs 16k chars (µs, median) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var (accounts, reps) in new[] { (4_200, 8), (100_000, 100) })
        {
            var data = DemoGenerator.Generate(new DemoOptions(asOf, accounts, reps, Seed: 42)).Data;
            var workspace = new Workspace(data, asOf);
            _ = workspace.Scores;
            var services = new ServiceCollection();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
            services.AddSingleton<IWorkspaceSource>(new FixedWorkspaceSource(workspace));
            services.AddSingleton(LlmSetup.Pipeline(
                new ScriptedModel(), new LlmOptions { Endpoint = "http://127.0.0.1:9/v1", Model = "bench" }, TimeProvider.System));
            services.AddSingleton(LlmPrompts.Load(Path.Combine(AppContext.BaseDirectory, "prompts")));
            services.AddSingleton(Options.Create(new LlmOptions { Endpoint = "http://127.0.0.1:9/v1", Model = "bench" }));
            services.AddSingleton<IConversationAssistant, LlmAssistant>();
            services.AddConversation();
            await using var provider = services.BuildServiceProvider();
            var core = provider.GetRequiredService<ConversationCore>();
            var plainServices = new ServiceCollection();
            plainServices.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
            plainServices.AddSingleton<IWorkspaceSource>(new FixedWorkspaceSource(workspace));
            plainServices.AddConversation();
            await using var plainProvider = plainServices.BuildServiceProvider();
            var plainCore = plainProvider.GetRequiredService<ConversationCore>();
            var ops = data.Reps.First(r => r.Role == Core.Model.RepRole.Ops);
            var turn = Turn.Message(new ChannelUser(ChannelKind.Cli, ops.RepId), "bench", "so what can you even do");

            var turns = new List<double>();
            var plainTurns = new List<double>();
            for (int r = 0; r < repeats + 20; r++)
            {
                var plain = Stopwatch.StartNew();
                GC.KeepAlive(await plainCore.HandleAsync(turn, CancellationToken.None));
                plain.Stop();
                var sw = Stopwatch.StartNew();
                var result = await core.HandleAsync(turn, CancellationToken.None);
                sw.Stop();
                if (result.Text != ScriptedModel.Answer)
                {
                    throw new InvalidOperationException("the scripted turn did not go through the model: " + result.Text);
                }

                if (r >= 20)
                {
                    turns.Add(sw.Elapsed.TotalMilliseconds);
                    plainTurns.Add(plain.Elapsed.TotalMilliseconds);
                }
            }

            var source = string.Join(",", data.Accounts.Take(400).Select(a => $"{{\"id\":\"{a.AccountId}\",\"arr\":{a.CurrentArr.ToString(CultureInfo.InvariantCulture)}}}"));
            source = source.Length > 16_000 ? source[..16_000] : source;
            var text = $"{data.Accounts[3].AccountId} holds about 1.2M, 12% of the team; {data.Accounts[7].AccountId} is second with 15k.";
            var checks = new List<double>();
            for (int r = 0; r < repeats + 20; r++)
            {
                var sw = Stopwatch.StartNew();
                GC.KeepAlive(Grounding.Ungrounded(text, [source]));
                sw.Stop();
                if (r >= 20)
                {
                    checks.Add(sw.Elapsed.TotalMicroseconds);
                }
            }

            turns.Sort();
            plainTurns.Sort();
            checks.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {accounts:N0} × {reps} | {plainTurns[plainTurns.Count / 2]:F2} | {turns[turns.Count / 2]:F2} | {checks[checks.Count / 2]:F0} |"));
        }

        return 0;
    }

    /// <summary>An instant model: asks for help_help once, then answers a fixed sentence without figures.</summary>
    private sealed class ScriptedModel : IChatClient
    {
        public const string Answer = "Here is what I can do for you.";

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var toolRan = messages.Any(m => m.Role == ChatRole.Tool);
            var message = toolRan
                ? new ChatMessage(ChatRole.Assistant, Answer)
                : new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "help_help", new Dictionary<string, object?>())]);
            return Task.FromResult(new ChatResponse(message));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
