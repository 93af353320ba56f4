using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks.Scoring;

/// <summary>
/// `scoring [SIZES] [--runs N]`: times ScoringEngine.Score on demo universes of 10k/100k/1M accounts (median of N runs after a warm-up)
/// and prints a Markdown table.
/// </summary>
public sealed class ScoringSweep : ISweep
{
    public string Name => "scoring";

    public Task<int> RunAsync(string[] args)
    {
        int runs = 5;
        var sizes = new List<int>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length)
            {
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            }
        }

        if (sizes.Count == 0)
        {
            sizes = [10_000, 100_000, 1_000_000];
        }

        var asOf = new DateOnly(2025, 6, 30);
        Console.WriteLine($"Scoring sweep: {Environment.ProcessorCount} logical cores, median of {runs} runs after one warm-up.");
        Console.WriteLine();
        Console.WriteLine("| accounts | customers | median wall | min wall | max wall | median CPU (all threads) | fallback share | allocated |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int n in sizes)
        {
            var data = DemoGenerator.Generate(new DemoOptions(asOf, n, Math.Max(8, n / 500), Seed: 42)).Data;
            var warm = ScoringEngine.Score(data, asOf);
            var times = new List<double>();
            var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            long allocated = 0;
            for (int r = 0; r < runs; r++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = ScoringEngine.Score(data, asOf);
                watch.Stop();
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                times.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                GC.KeepAlive(result);
            }

            times.Sort();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0:N0} | {1:N0} | {2:N0} ms | {3:N0} ms | {4:N0} ms | {5:N0} ms | {6:0.0%} | {7:N0} MB |",
                n, warm.Summary.Customers, Median(times), times[0], times[^1], Median(cpu), (double)warm.Summary.FallbackEstimates / n, allocated / 1_048_576.0));
        }

        return Task.FromResult(0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
