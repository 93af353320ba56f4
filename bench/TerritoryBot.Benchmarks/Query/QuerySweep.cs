using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Benchmarks.Query;

/// <summary>
/// `query [ACCOUNTS] [--runs N]`: each representative query over a demo universe (default 100k accounts), median of N
/// runs after a warm-up, wall time and the process's CPU time per run (CPU time is less inflated than wall time when
/// the machine is shared), plus the one-off table build. Prints a Markdown table.
/// </summary>
public sealed class QuerySweep : ISweep
{
    public string Name => "query";

    public Task<int> RunAsync(string[] args)
    {
        int runs = 31, accounts = 100_000;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length)
            {
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                accounts = int.Parse(args[i], CultureInfo.InvariantCulture);
            }
        }

        var cases = new QueryCases(accounts);
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"Query sweep: {accounts:N0} accounts, {Environment.ProcessorCount} logical cores, median of {runs} runs after a warm-up.");
        Console.WriteLine();
        Console.WriteLine("| query | matched | median wall | min wall | max wall | median CPU |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, query, scope) in cases.All)
        {
            var warm = (QueryAnswer)QueryEngine.Run(cases.Table, query, scope);
            var (wall, cpu) = Measure(runs, process, () => QueryEngine.Run(cases.Table, query, scope));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {warm.MatchCount:N0} | {Median(wall):0.00} ms | {wall.Min():0.00} ms | {wall.Max():0.00} ms | {Median(cpu):0.00} ms |"));
        }

        var (buildWall, buildCpu) = Measure(Math.Min(runs, 5), process, () => AccountTable.Build(cases.Data, cases.Scores.Accounts, QueryCases.AsOf));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| table build (once per workspace) | {cases.Table.Count:N0} | {Median(buildWall):0.0} ms | {buildWall.Min():0.0} ms | {buildWall.Max():0.0} ms | {Median(buildCpu):0.0} ms |"));
        return Task.FromResult(0);
    }

    private static (List<double> Wall, List<double> Cpu) Measure(int runs, Process process, Func<object> run)
    {
        var wall = new List<double>(runs);
        var cpu = new List<double>(runs);
        GC.KeepAlive(run());
        for (int r = 0; r < runs; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(run());
            watch.Stop();
            process.Refresh();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        return (wall, cpu);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
