using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TerritoryBot.Data;
using TerritoryBot.Import;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `import [--accounts N] [--runs R] [--parse-only]`: writes a synthetic data folder (default 100,000 accounts) and times
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
            SyntheticFolder.Write(folder, accounts, seed: 42);
            var megabytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine($"data folder: {accounts:N0} accounts, {accounts / 250:N0} reps, {accounts / 4:N0} opportunities, {megabytes:F1} MB");

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

/// <summary>
/// A plain synthetic data folder for measuring import speed (every column filled, quoting exercised).
/// Not realistic data: that is TerritoryBot.Core.Demo's job.
/// </summary>
internal static class SyntheticFolder
{
    private static readonly string[] Industries = ["Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Education"];
    private static readonly string[] Tiers = ["Strategic", "Enterprise", "Commercial", "SMB", ""];
    private static readonly string[] Stages = ["Discovery", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];

    public static void Write(string folder, int accounts, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var repCount = Math.Max(2, accounts / 250);
        var inv = CultureInfo.InvariantCulture;

        using (var reps = Writer(folder, "reps.csv"))
        {
            reps.WriteLine("rep_id,name,email,role,manager_id,seniority,quota,capacity,ramping,home_latitude,home_longitude,region,industry_strengths,slack_user_id,teams_aad_object_id");
            reps.WriteLine("M0,Manager Zero,m0@example.com,manager,,senior,,,no,,,East,,UM0,aad-m0");
            for (var r = 1; r < repCount; r++)
            {
                reps.WriteLine(string.Create(inv,
                    $"R{r},Rep {r},r{r}@example.com,rep,M0,{(r % 3 == 0 ? "junior" : r % 3 == 1 ? "mid" : "senior")},{500_000 + r * 1000},{100 + r % 50},{(r % 7 == 0 ? "yes" : "no")},{25 + random.NextDouble() * 20:F4},{-120 + random.NextDouble() * 50:F4},Region {r % 5},{Industries[r % Industries.Length]};{Industries[(r + 1) % Industries.Length]},U{r},aad-{r}"));
            }
        }

        using (var file = Writer(folder, "accounts.csv"))
        {
            file.WriteLine("account_id,name,industry,employees,annual_revenue,country,region,city,postal_code,latitude,longitude,tech_stack,growth_rate,funding_stage,intent_score,is_customer,current_arr,current_tier,owner_id,named_account,last_activity_date,relationship_notes");
            for (var a = 0; a < accounts; a++)
            {
                var customer = random.Next(10) == 0;
                var owner = random.Next(5) == 0 ? "" : $"R{1 + random.Next(repCount - 1)}";
                file.WriteLine(string.Create(inv,
                    $"A{a:D7},\"Company {a}, Inc.\",{Industries[random.Next(Industries.Length)]},{(int)Math.Exp(random.NextDouble() * 10)},{random.Next(1, 1000) * 100_000},US,State {a % 50},City {a % 300},{10000 + a % 90000},{25 + random.NextDouble() * 20:F5},{-120 + random.NextDouble() * 50:F5},Snowflake;Salesforce;AWS,{random.NextDouble() * 0.6 - 0.1:F3},Series {(char)('A' + random.Next(4))},{random.Next(101)},{(customer ? "true" : "false")},{(customer ? random.Next(10_000, 500_000) : 0)},{Tiers[random.Next(Tiers.Length)]},{owner},{(owner.Length > 0 && random.Next(50) == 0 ? "yes" : "no")},2024-{1 + random.Next(12):D2}-{1 + random.Next(28):D2},\"Met \"\"Pat\"\" at the summit; follow up\""));
            }
        }

        using (var file = Writer(folder, "opportunities.csv"))
        {
            file.WriteLine("opportunity_id,account_id,owner_id,amount,stage,created_date,close_date,last_activity_date,notes");
            for (var o = 0; o < accounts / 4; o++)
            {
                file.WriteLine(string.Create(inv,
                    $"O{o:D7},A{random.Next(accounts):D7},R{1 + random.Next(repCount - 1)},{random.Next(5, 500) * 1000},{Stages[random.Next(Stages.Length)]},2024-01-{1 + random.Next(28):D2},2024-06-{1 + random.Next(28):D2},2024-05-{1 + random.Next(28):D2},"));
            }
        }

        File.WriteAllText(Path.Combine(folder, "icp.json"), """{"product":"Bench","averageAcv":60000,"targetIndustries":{"Software":1},"employeeRange":{"min":200,"max":10000}}""");
    }

    private static StreamWriter Writer(string folder, string name) =>
        new(Path.Combine(folder, name), append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
}
