using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Demo;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `router [repeats]`: vocabulary indexing once, then per-turn routing of a fixed mix of utterances
/// (names with typos, ids, off-topic) at 4.2k accounts × 8 reps and 100k × 100 (demo generator, seed 42).
/// Prints a Markdown table of medians.
/// </summary>
public sealed class RouterSweep : ISweep
{
    public string Name => "router";

    public Task<int> RunAsync(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var asOf = new DateOnly(2025, 1, 6);
        Console.WriteLine("| accounts × reps | index vocabulary (ms) | per turn, median over the mix (µs) | slowest turn (µs) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var (accounts, reps) in new[] { (4_200, 8), (100_000, 100) })
        {
            var data = DemoGenerator.Generate(new DemoOptions(asOf, accounts, reps, Seed: 42)).Data;
            var someAccount = data.Accounts[accounts / 2];
            var someRep = data.Reps[^1];
            var name = someAccount.Name.ToLowerInvariant();
            var typo = name.Length > 5 ? name[..2] + name[3] + name[2] + name[4..] : name;
            string[] mix =
            [
                "show my territory", "my top 10 accounts", $"tell me about {typo}", $"move {someAccount.AccountId} to {someRep.RepId}",
                $"show {someRep.Name.Split(' ')[0]}'s territory", "rebalance with at most 10% of accounts moved",
                "approve proposal 42", "what's the weather in Paris", "whitespace i should prospect for next quarter please",
                "is the geographic scenario fair to everyone on the team",
            ];

            var index = new List<double>();
            var turn = new List<double>();
            var slowest = 0.0;
            var slowestText = "";
            for (int r = 0; r < repeats + 10; r++)
            {
                var sw = Stopwatch.StartNew();
                var router = new IntentRouter(RouterVocabulary.From(data));
                sw.Stop();
                var turns = new List<double>();
                foreach (var text in mix)
                {
                    var t = Stopwatch.StartNew();
                    GC.KeepAlive(router.Route(text));
                    t.Stop();
                    turns.Add(t.Elapsed.TotalMicroseconds);
                    if (r >= 10 && t.Elapsed.TotalMicroseconds > slowest)
                    {
                        (slowest, slowestText) = (t.Elapsed.TotalMicroseconds, text);
                    }
                }

                if (r < 10)
                {
                    continue; // warm-up
                }

                index.Add(sw.Elapsed.TotalMilliseconds);
                turns.Sort();
                turn.Add(turns[turns.Count / 2]);
            }

            index.Sort();
            turn.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {accounts:N0} × {reps} | {index[index.Count / 2]:F1} | {turn[turn.Count / 2]:F0} | {slowest:F0} (\"{slowestText}\") |"));
        }

        return Task.FromResult(0);
    }
}
