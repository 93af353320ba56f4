using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `chat-turns [accounts] [reps]`: the conversation core in process (no HTTP, no database) over a demo workspace:
/// every example utterance for every identity, warm, one at a time; prints the slowest kinds and the spread.
/// Where a chat turn's time goes before the web layer adds its share (compare with `chat-load`).
/// </summary>
public sealed class ChatTurnSweep : ISweep
{
    public string Name => "chat-turns";

    private static readonly string[] Utterances =
    [
        "show my territory", "my top 10 accounts", "whitespace I should prospect", "what can you do?",
        "build my business plan", "score summary", "tier review", "transition package", "territory doc",
        "fairness check before I announce", "compare scenarios", "who fits the fintech accounts best",
        "where are our coverage gaps", "rebalance with at most 10% of accounts moved",
    ];

    public async Task<int> RunAsync(string[] args)
    {
        int accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4200;
        int reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var asOf = new DateOnly(2026, 11, 1);
        var data = DemoGenerator.Generate(new DemoOptions(asOf, accounts, reps, Seed: 42)).Data;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IWorkspaceSource>(new FixedWorkspaceSource(new Workspace(data, asOf)));
        services.AddConversation();
        await using var provider = services.BuildServiceProvider();
        var core = provider.GetRequiredService<ConversationCore>();
        var people = data.Reps.Where(r => r.Role != RepRole.Rep || r.RepId is "R001" or "R002").ToList();

        var warm = Stopwatch.StartNew();
        foreach (var person in people)
        {
            foreach (var text in Utterances)
            {
                await Turn(core, person.RepId, text);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{accounts:N0} accounts × {reps} reps; warm-up (caches filled) {warm.Elapsed.TotalSeconds:F1} s"));
        var results = new List<(double Ms, string Who, string Text, string Intent)>();
        foreach (var person in people)
        {
            foreach (var text in Utterances)
            {
                var runs = new List<double>();
                string intent = "";
                for (int i = 0; i < 7; i++)
                {
                    var sw = Stopwatch.StartNew();
                    intent = (await Turn(core, person.RepId, text)).IntentName;
                    runs.Add(sw.Elapsed.TotalMilliseconds);
                }

                runs.Sort();
                results.Add((runs[3], $"{person.RepId} ({person.Role.ToString().ToLowerInvariant()})", text, intent));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| turn | who | intent | median (ms) |");
        Console.WriteLine("|---|---|---|---:|");
        foreach (var r in results.OrderByDescending(r => r.Ms).Take(12))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Text} | {r.Who} | {r.Intent} | {r.Ms:F2} |"));
        }

        var all = results.Select(r => r.Ms).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\n{all.Length} turn kinds: median {all[all.Length / 2]:F2} ms, mean {all.Average():F2} ms, max {all[^1]:F2} ms"));
        return 0;
    }

    private static Task<TurnResult> Turn(ConversationCore core, string repId, string text) =>
        core.HandleAsync(TerritoryBot.Conversation.Turn.Message(new ChannelUser(ChannelKind.Cli, repId), "bench", text), CancellationToken.None);
}
