using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Tests.Design;

namespace TerritoryBot.Benchmarks.Design;

/// <summary>
/// `design` sweep: runs all seven scenarios on synthetic universes of growing size and prints time,
/// peak memory and quality per size. Arguments: sizes as ACCOUNTSxREPS (default 4200x8 10000x20 100000x100);
/// `--once` runs each size once instead of three times.
/// </summary>
public sealed class DesignSweep : ISweep
{
    public string Name => "design";

    public Task<int> RunAsync(string[] args)
    {
        var sizes = args.Where(a => a.Contains('x')).Select(a => a.Split('x')).Select(p => (N: int.Parse(p[0], CultureInfo.InvariantCulture), K: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        if (sizes.Count == 0)
        {
            sizes = [(4200, 8), (10_000, 20), (100_000, 100)];
        }

        int repeats = args.Contains("--once") ? 1 : 3;
        var scenarios = args.SkipWhile(a => a != "--scenario").Skip(1).Take(1).ToArray();
        Console.WriteLine("| accounts × reps | runs | median wall s (CPU s) | peak working set MB | potential Gini (opportunity) | workload Gini (opportunity) | workload Gini (workload) | potential Gini (workload) | rebalance spread cut | rebalance moved | geographic Gini / km to home | passes (max) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (n, k) in sizes)
        {
            var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = n, Reps = k, Seed = 7 });
            var times = new List<double>();
            var cpuTimes = new List<double>();
            DesignResult? result = null;
            for (int rep = 0; rep < repeats; rep++)
            {
                GC.Collect();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                result = DesignEngine.Run(input, new DesignOptions { Seed = 42, ProtectPipeline = true, Scenarios = scenarios.Length > 0 ? scenarios : null });
                sw.Stop();
                times.Add(sw.Elapsed.TotalSeconds);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
                cpuTimes.Add(cpu.TotalSeconds);
                Console.Error.WriteLine($"{n}x{k} run {rep + 1}: {sw.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s CPU");
            }

            times.Sort();
            cpuTimes.Sort();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
            string Get(string name, Func<ScenarioResult, string> f) => result!.Scenario(name) is { } s ? f(s) : "–";
            var cur = result!.Current.Metrics.Potential.Spread;
            Console.WriteLine(string.Join(" | ", new[]
            {
                $"| {n:N0} × {k:N0}", repeats.ToString(CultureInfo.InvariantCulture), times[times.Count / 2].ToString("0.00", CultureInfo.InvariantCulture) + " (CPU " + cpuTimes[cpuTimes.Count / 2].ToString("0.00", CultureInfo.InvariantCulture) + ")",
                peak.ToString("0", CultureInfo.InvariantCulture),
                Get("opportunity", s => s.Metrics.Potential.Gini.ToString("0.0000", CultureInfo.InvariantCulture)),
                Get("opportunity", s => s.Metrics.Workload.Gini.ToString("0.0000", CultureInfo.InvariantCulture)),
                Get("workload", s => s.Metrics.Workload.Gini.ToString("0.0000", CultureInfo.InvariantCulture)),
                Get("workload", s => s.Metrics.Potential.Gini.ToString("0.0000", CultureInfo.InvariantCulture)),
                Get("rebalance", s => $"{(1 - s.Metrics.Potential.Spread / cur) * 100:0.0}% ({cur:0.00} → {s.Metrics.Potential.Spread:0.000})"),
                Get("rebalance", s => $"{(double)s.Metrics.AccountsMoved / Math.Max(1, n - s.Metrics.Unassigned) * 100:0.0}%"),
                Get("geographic", s => $"{s.Metrics.Potential.Gini:0.000} / {s.Metrics.MeanKmToHome:0} km"),
                result.Scenarios.Max(s => s.Stats!.Passes).ToString(CultureInfo.InvariantCulture) + " |",
            }));
            if (args.Contains("--detail"))
            {
                foreach (var s in result.Scenarios)
                {
                    var m = s.Metrics;
                    Console.Error.WriteLine($"  {s.Name,-12} potG {m.Potential.Gini:0.0000} potDev {m.Potential.MaxDeviationFromTarget:0.000} workG {m.Workload.Gini:0.0000} cntG {m.Accounts.Gini:0.000} kmHome {m.MeanKmToHome:0} seg {m.SegmentConsistency:0.00} focus {m.IndustryFocus:0.00} fit {m.RepFit:0.00} cont {m.ContinuityAccounts:0.00} moved {m.AccountsMoved} passes {s.Stats!.Passes} mv {s.Stats.MovesApplied} sw {s.Stats.SwapsApplied} evals {s.Stats.Evaluations} obj {s.Stats.InitialObjective:0.####}→{s.Stats.FinalObjective:0.######} issues {s.Issues.Count}");
                    foreach (var i in s.Issues)
                    {
                        Console.Error.WriteLine($"     ! {i.Message}");
                    }
                }

                foreach (var t in result.Current.Territories.Zip(result.Scenario("rebalance")?.Territories ?? result.Current.Territories))
                {
                    Console.Error.WriteLine($"    {t.First.RepId} cur {t.First.DeviationPct,7:0.0}% n={t.First.Accounts}  → rebalance {t.Second.DeviationPct,7:0.0}% n={t.Second.Accounts}");
                }

                Console.Error.WriteLine($"  current potG {result.Current.Metrics.Potential.Gini:0.000} spread {cur:0.000}; recommended {result.Recommended}: {result.Recommendation}");
                foreach (var i in result.Issues)
                {
                    Console.Error.WriteLine($"  ! {i.Message}");
                }
            }
        }

        return Task.FromResult(0);
    }
}
