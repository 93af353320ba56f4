using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TerritoryBot.Core.Demo;
using TerritoryBot.Data;
using TerritoryBot.Demo;
using TerritoryBot.Import;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `import [--accounts N] [--reps K] [--runs R] [--parse-only] [--no-coordinates]`: writes a demo data folder (TerritoryBot.Core.Demo,
/// default 100,000 accounts and accounts/500 reps) and times
/// parse+validate alone, then the full import (parse, validate, migrate, upsert) into a fresh SQLite file,
/// and into PostgreSQL when TERRITORYBOT_TEST_POSTGRES is set. Medians of R runs (default 3).
/// </summary>
public sealed class ImportSweep : ISweep
{
    public string Name => "import";

    public async Task<int> RunAsync(string[] args)
    {
        var accounts = Option(args, "--accounts", 100_000);
        var runs = Option(args, "--runs", 3);
        var parseOnly = args.Contains("--parse-only");
        var root = Directory.CreateTempSubdirectory("tb-bench-import-").FullName;
        try
        {
            var folder = Path.Combine(root, "data");
            var reps = Option(args, "--reps", Math.Max(8, accounts / 500));
            var universe = DemoGenerator.Generate(new DemoOptions(new DateOnly(2026, 1, 15), accounts, reps, Seed: 42));
            // --no-coordinates: the same folder without latitude/longitude columns' values, so the import geocodes it.
            var written = args.Contains("--no-coordinates") ? Geocoding.GeocodingBench.Strip(universe.Data, reps: true) : universe.Data;
            await DemoDataWriter.WriteAsync(written, folder, CancellationToken.None);
            var megabytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine($"demo data folder (seed 42): {universe.Data.Accounts.Count:N0} accounts, {universe.Data.Reps.Count:N0} people, {universe.Data.Opportunities.Count:N0} opportunities, {megabytes:F1} MB");

            // One untimed run so JIT and EF model building are not in the figures.
            Check(DataFolderLoader.Load(folder));

            var parse = Measure(runs, () =>
            {
                Check(DataFolderLoader.Load(folder));
                return Task.CompletedTask;
            });

            if (parseOnly)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse + validate: {parse.Wall:F2} s wall, {parse.Cpu:F2} s CPU (median of {runs}); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
                return 0;
            }

            var sqlite = Measure(runs, async () =>
            {
                var file = Path.Combine(root, $"sqlite-{Guid.NewGuid():N}", "territory.db");
                var config = Config("Sqlite", $"Data Source={file};Pooling=False");
                await ImportAsync(folder, config);
            });

            var rows = new List<(string What, (double Wall, double Cpu) Seconds)>
            {
                ("parse + validate (no database)", parse),
                ("full import, fresh SQLite file", sqlite),
            };

            var postgres = Environment.GetEnvironmentVariable("TERRITORYBOT_TEST_POSTGRES");
            if (!string.IsNullOrWhiteSpace(postgres))
            {
                var config = Config("Postgres", postgres);
                var seconds = Measure(runs, async () =>
                {
                    await using (var db = await TerritoryDatabase.OpenAsync(config))
                    {
                        await db.Database.ExecuteSqlRawAsync("TRUNCATE scenario_assignments, scenarios, account_scores, icp, opportunities, accounts, reps");
                    }

                    await ImportAsync(folder, config);
                });
                rows.Add(("full import, empty PostgreSQL", seconds));
                rows.Add(("re-import (all updates), PostgreSQL", Measure(runs, () => ImportAsync(folder, config))));
            }

            Console.WriteLine();
            Console.WriteLine($"| step ({accounts:N0} accounts, median of {runs}) | wall s | CPU s |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (what, (wall, cpu)) in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {wall:F2} | {cpu:F2} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task ImportAsync(string folder, IConfiguration config)
    {
        var result = DataFolderLoader.Load(folder);
        Check(result);
        await using var db = await TerritoryDatabase.OpenAsync(config);
        await db.ImportDataSetAsync(result.Data!, result.HasIcp);
    }

    private static void Check(DataFolderResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("synthetic data did not validate:\n" + string.Join("\n", result.Errors.Take(10)));
        }
    }

    /// <summary>Median wall-clock and median CPU seconds (this process, all threads): on a shared machine the
    /// CPU time is the steadier figure, the wall time what a user waits.</summary>
    private static (double Wall, double Cpu) Measure(int runs, Func<Task> body)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            body().GetAwaiter().GetResult();
            wall.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[wall.Count / 2], cpu[cpu.Count / 2]);
    }

    private static IConfiguration Config(string provider, string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Territory"] = connectionString,
            ["Database:Provider"] = provider,
        })
        .Build();

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
