using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Demo;
using TerritoryBot.Demo;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// Demo universe generation (and, with --write, writing the data folder) at growing sizes.
/// Usage: <c>demo-data [--repeat R] [--write] [ACCOUNTSxREPS ...]</c>, default 4200x8 100000x100 1000000x1000.
/// </summary>
public sealed class DemoDataSweep : ISweep
{
    public string Name => "demo-data";

    public async Task<int> RunAsync(string[] args)
    {
        int repeat = 5;
        bool write = false;
        var sizes = new List<(int Accounts, int Reps)>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat")
            {
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--write")
            {
                write = true;
            }
            else
            {
                var parts = args[i].Split('x');
                sizes.Add((int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)));
            }
        }

        if (sizes.Count == 0)
        {
            sizes.AddRange([(4200, 8), (100_000, 100), (1_000_000, 1000)]);
        }

        var asOf = new DateOnly(2025, 1, 15);
        DemoGenerator.Generate(new DemoOptions(asOf, 2000, 5)); // warm up the JIT
        Console.WriteLine($"| accounts × reps | opportunities | generate median (min–max) | CPU median | allocated | live after |{(write ? " write median |" : "")}");
        Console.WriteLine($"|---|---|---|---|---|---|{(write ? "---|" : "")}");
        foreach (var (accounts, reps) in sizes)
        {
            var wall = new List<double>();
            var cpu = new List<double>();
            var writes = new List<double>();
            long allocated = 0, live = 0;
            int opportunities = 0;
            for (int r = 0; r < repeat; r++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var universe = DemoGenerator.Generate(new DemoOptions(asOf, accounts, reps, Seed: 42 + r));
                sw.Stop();
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                wall.Add(sw.Elapsed.TotalMilliseconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                live = GC.GetTotalMemory(forceFullCollection: true);
                opportunities = universe.Data.Opportunities.Count;
                if (write)
                {
                    string dir = Path.Combine(Path.GetTempPath(), "tb-demo-bench-" + Guid.NewGuid().ToString("N"));
                    try
                    {
                        var ws = Stopwatch.StartNew();
                        await DemoDataWriter.WriteAsync(universe.Data, dir, CancellationToken.None);
                        writes.Add(ws.Elapsed.TotalMilliseconds);
                    }
                    finally
                    {
                        Directory.Delete(dir, recursive: true);
                    }
                }

                GC.KeepAlive(universe);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {accounts:N0} × {reps:N0} | {opportunities:N0} | {Median(wall):N0} ms ({wall.Min():N0}–{wall.Max():N0}) | {Median(cpu):N0} ms | {allocated / 1e6:N0} MB | {live / 1e6:N0} MB |{(write ? $" {Median(writes):N0} ms |" : "")}"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
