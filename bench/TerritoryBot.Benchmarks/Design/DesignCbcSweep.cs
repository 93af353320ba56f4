using System.Diagnostics;
using System.Globalization;
using System.Text;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Tests.Design;

namespace TerritoryBot.Benchmarks.Design;

/// <summary>
/// `design-cbc`: exact reference for small instances. Writes the min–max relative deviation of
/// potential, with the move cap, locks and tier rules, as a MIP in LP format, solves it with the
/// `cbc` binary (Debian coinor-cbc) and compares the engine's rebalance scenario with CBC's best.
/// Arguments: optional `--seconds S` CBC time limit per instance (default 60), `--keep DIR` to keep LP files.
/// </summary>
public sealed class DesignCbcSweep : ISweep
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "design-cbc";

    public async Task<int> RunAsync(string[] args)
    {
        int seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(a => int.Parse(a, Inv)).FirstOrDefault(60);
        string? keep = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault();
        var cases = new List<(int N, int K, int Seed, double Cap)>();
        foreach (var (n, k, seed, cap) in new[] { (60, 3, 1, 15.0), (60, 3, 2, 100.0), (100, 4, 1, 15.0), (150, 5, 2, 15.0), (200, 5, 1, 15.0), (200, 5, 3, 100.0) })
        {
            cases.Add((n, k, seed, cap));
        }

        Console.WriteLine("| accounts × reps | seed | move cap | locked | engine max dev | engine moved | engine s | CBC max dev | CBC status | CBC s | gap (pp) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var gaps = new List<double>();
        foreach (var (n, k, seed, cap) in cases)
        {
            var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = n, Reps = k, Seed = seed, Ramping = false });
            var options = new DesignOptions { Seed = 42, ProtectPipeline = true, MaxMovedPct = cap, Scenarios = [ScenarioNames.Rebalance], Parallel = false, MinSeniorityByTier = DesignOptions.StrategicOnlyToSeniors };
            var sw = Stopwatch.StartNew();
            var result = DesignEngine.Run(input, options);
            sw.Stop();
            var rebalance = result.Scenarios[0];
            double engineDev = rebalance.Metrics.Potential.MaxDeviationFromTarget;

            var problem = DesignProblem.Build(input, options);
            int maxMoved = (int)Math.Floor(cap / 100 * problem.OwnedAccounts + 1e-9);
            var dir = keep ?? Path.Combine(Path.GetTempPath(), "tb-cbc");
            Directory.CreateDirectory(dir);
            var lp = Path.Combine(dir, $"design-{n}x{k}-s{seed}-c{cap:0}.lp");
            var sol = Path.ChangeExtension(lp, ".sol");
            await File.WriteAllTextAsync(lp, WriteLp(problem, maxMoved));
            var cbcWatch = Stopwatch.StartNew();
            var (status, objective) = await SolveAsync(lp, sol, seconds);
            cbcWatch.Stop();
            double gap = (engineDev - objective) * 100;
            if (!double.IsNaN(objective))
            {
                gaps.Add(gap);
            }

            int locked = problem.Fixed.Count(f => f);
            Console.WriteLine(string.Create(Inv,
                $"| {n} × {k} | {seed} | {cap:0}% ({maxMoved}) | {locked} | {engineDev * 100:0.000}% | {rebalance.Metrics.AccountsMoved} | {sw.Elapsed.TotalSeconds:0.00} | {objective * 100:0.000}% | {status} | {cbcWatch.Elapsed.TotalSeconds:0.0} | {gap:0.000} |"));
        }

        if (gaps.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(Inv, $"Gap to CBC (engine − CBC, percentage points): median {Median(gaps):0.000}, worst {gaps.Max():0.000} over {gaps.Count} instances."));
        }

        return 0;
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>min z s.t. every account on exactly one allowed rep, locks, move cap, |S_r / T_r − 1| ≤ z.</summary>
    internal static string WriteLp(DesignProblem p, int maxMoved)
    {
        var sb = new StringBuilder();
        sb.AppendLine("\\ TerritoryBot design: min-max relative deviation of potential");
        sb.AppendLine("Minimize");
        sb.AppendLine(" obj: z");
        sb.AppendLine("Subject To");
        string X(int i, int r) => $"x{i}_{r}";
        bool Var(int i, int r) => p.Fixed[i] ? r == p.Orig[i] : p.Allowed(i, r);
        for (int i = 0; i < p.N; i++)
        {
            var terms = Enumerable.Range(0, p.K).Where(r => Var(i, r)).Select(r => X(i, r));
            sb.AppendLine($" one{i}: {string.Join(" + ", terms)} = 1");
        }

        for (int r = 0; r < p.K; r++)
        {
            double target = p.Targets[r * DesignProblem.D + DesignProblem.Potential];
            var terms = Enumerable.Range(0, p.N).Where(i => Var(i, r))
                .Select(i => string.Create(Inv, $"{p.Values[i * DesignProblem.D + DesignProblem.Potential] / target:0.############} {X(i, r)}")).ToList();
            string sum = terms.Count > 0 ? string.Join(" + ", terms) : "0 z";
            sb.AppendLine($" up{r}: {sum} - z <= 1");
            sb.AppendLine($" lo{r}: {sum} + z >= 1");
        }

        // Kept accounts: at least owned − cap keep their owner (an owner the rules forbid cannot be kept).
        var keepTerms = Enumerable.Range(0, p.N).Where(i => p.Orig[i] >= 0 && Var(i, p.Orig[i])).Select(i => X(i, p.Orig[i])).ToList();
        int mustKeep = p.OwnedAccounts - maxMoved;
        if (keepTerms.Count > 0 && mustKeep > 0)
        {
            sb.AppendLine($" cap: {string.Join(" + ", keepTerms)} >= {Math.Min(mustKeep, keepTerms.Count)}");
        }

        for (int i = 0; i < p.N; i++)
        {
            if (p.Fixed[i])
            {
                sb.AppendLine($" lock{i}: {X(i, p.Orig[i])} = 1");
            }
        }

        sb.AppendLine("Bounds");
        sb.AppendLine(" z >= 0");
        sb.AppendLine("Binaries");
        for (int i = 0; i < p.N; i++)
        {
            for (int r = 0; r < p.K; r++)
            {
                if (Var(i, r))
                {
                    sb.AppendLine($" {X(i, r)}");
                }
            }
        }

        sb.AppendLine("End");
        return sb.ToString();
    }

    private static async Task<(string Status, double Objective)> SolveAsync(string lp, string sol, int seconds)
    {
        var psi = new ProcessStartInfo("cbc", [lp, "sec", seconds.ToString(Inv), "threads", "1", "solve", "solu", sol])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start cbc");
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!File.Exists(sol))
        {
            return ("no solution", double.NaN);
        }

        var first = (await File.ReadAllLinesAsync(sol)).FirstOrDefault() ?? "";
        // e.g. "Optimal - objective value 0.01234567" or "Stopped on time - objective value ..."
        int at = first.IndexOf("objective value", StringComparison.Ordinal);
        double objective = at >= 0 && double.TryParse(first[(at + "objective value".Length)..].Trim(), NumberStyles.Float, Inv, out var v) ? v : double.NaN;
        string status = at > 0 ? first[..at].Trim(' ', '-') : first;
        return (status, objective);
    }
}
