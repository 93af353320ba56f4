using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `plans [repeats]`: the fit table and the plan documents (Markdown and HTML) for every rep, at 4.2k
/// accounts × 8 reps and 100k × 100 (demo generator, seed 42). Scoring runs once outside the timings. Prints a Markdown table of medians.
/// </summary>
public sealed class PlansSweep : ISweep
{
    public string Name => "plans";

    public Task<int> RunAsync(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var asOf = new DateOnly(2025, 1, 6);
        Console.WriteLine("| accounts × reps | opportunities | fit table + affinity (ms) | plans for all reps (ms) | plans, process CPU (ms) | per plan (ms) | output per plan (K chars) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (accounts, reps) in new[] { (4_200, 8), (100_000, 100) })
        {
            var data = DemoGenerator.Generate(new DemoOptions(asOf, accounts, reps, Seed: 42)).Data;
            var scores = ScoringEngine.Score(data, asOf).Accounts;
            var fitTimes = new List<double>();
            var planTimes = new List<double>();
            var planCpu = new List<double>();
            long htmlBytes = 0;
            const int warmUps = 3;
            for (int r = 0; r < repeats + warmUps; r++)
            {
                var sw = Stopwatch.StartNew();
                var fit = FitEngine.Analyze(data, scores);
                var affinity = FitEngine.Affinity(fit);
                sw.Stop();
                GC.KeepAlive(affinity);
                double fitMs = sw.Elapsed.TotalMilliseconds;

                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                long bytes = 0;
                var input = new PlanInput { Data = data, Scores = scores, Fit = fit, RepId = "", AsOf = asOf };
                foreach (var plan in TerritoryPlanner.BuildMany(input, data.TerritoryReps.Select(x => x.RepId)))
                {
                    var document = PlanDocumentBuilder.Build(plan);
                    bytes += MarkdownRenderer.Render(document).Length + HtmlRenderer.Render(document).Length;
                }

                sw.Stop();
                double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                if (r < warmUps)
                {
                    continue; // let tiered compilation settle
                }

                fitTimes.Add(fitMs);
                planTimes.Add(sw.Elapsed.TotalMilliseconds);
                planCpu.Add(cpuMs);
                htmlBytes = bytes;
            }

            double plansMs = Median(planTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {accounts:#,0} × {reps} | {data.Opportunities.Count:#,0} | {Median(fitTimes):0.0} | {plansMs:0} | {Median(planCpu):0} | {plansMs / reps:0.0} | {htmlBytes / 1024.0 / reps:0} |"));
        }

        Console.WriteLine($"\n(median of {repeats} runs after three warm-ups; process CPU includes the GC threads; last column: Markdown + HTML characters per rep)");
        return Task.FromResult(0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
