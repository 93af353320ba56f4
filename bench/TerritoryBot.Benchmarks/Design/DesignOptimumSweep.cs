using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Tests.Design;

namespace TerritoryBot.Benchmarks.Design;

/// <summary>
/// `design-optimum`: the exact reference of the design engine on small instances. The min–max relative
/// deviation of potential, with the move cap, the locks (named accounts and protected pipeline) and the
/// tier rule, as a CP-SAT model with scaled integers; the solver is started from the engine's own plan
/// (a hint), so its incumbent is never worse than the engine, and reports OPTIMAL or its best bound.
/// Arguments: `--seconds S` solver time limit per instance (default 20), `--workers W` (default 2).
/// </summary>
public sealed class DesignOptimumSweep : ISweep
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Potential / target is scaled by this before rounding: rounding moves a sum by at most N / 2 of these units.</summary>
    private const long Scale = 1_000_000_000;

    public string Name => "design-optimum";

    public Task<int> RunAsync(string[] args)
    {
        int seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(a => int.Parse(a, Inv)).FirstOrDefault(20);
        int workers = args.SkipWhile(a => a != "--workers").Skip(1).Select(a => int.Parse(a, Inv)).FirstOrDefault(2);
        var cases = new[]
        {
            (60, 3, 1, 15.0), (60, 3, 2, 100.0), (100, 4, 1, 15.0), (150, 5, 2, 15.0), (200, 5, 1, 15.0), (200, 5, 3, 100.0),
            (300, 8, 1, 15.0), (400, 10, 2, 15.0),
        };
        Console.WriteLine("| accounts × reps | seed | move cap | locked | engine max dev | engine moved | engine s | CP-SAT best | CP-SAT bound | status | CP-SAT s | engine − best (pp) | engine / best |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (n, k, seed, cap) in cases)
        {
            var input = RandomUniverse.Create(new RandomUniverse.Settings { Accounts = n, Reps = k, Seed = seed, Ramping = false });
            var options = new DesignOptions
            {
                Seed = 42, ProtectPipeline = true, MaxMovedPct = cap, Scenarios = [ScenarioNames.Rebalance], Parallel = false,
                MinSeniorityByTier = DesignOptions.StrategicOnlyToSeniors,
            };
            var sw = Stopwatch.StartNew();
            var result = DesignEngine.Run(input, options);
            sw.Stop();
            var rebalance = result.Scenarios[0];
            double engineDev = rebalance.Metrics.Potential.MaxDeviationFromTarget;

            var problem = DesignProblem.Build(input, options);
            int maxMoved = (int)Math.Floor(cap / 100 * problem.OwnedAccounts + 1e-9);
            var repIndex = problem.RepIds.Select((id, r) => (id, r)).ToDictionary(x => x.id, x => x.r);
            var hint = new int[problem.N];
            var byAccount = rebalance.Assignments.ToDictionary(a => a.AccountId, a => a.RepId);
            for (int i = 0; i < problem.N; i++)
            {
                hint[i] = byAccount.TryGetValue(problem.AccountIds[i], out var rep) && rep is not null ? repIndex[rep] : problem.Orig[i];
            }

            var solveWatch = Stopwatch.StartNew();
            var (status, best, bound) = Solve(problem, maxMoved, hint, seconds, workers);
            solveWatch.Stop();
            int locked = problem.Fixed.Count(f => f);
            Console.WriteLine(string.Create(Inv,
                $"| {n} × {k} | {seed} | {cap:0}% ({maxMoved}) | {locked} | {engineDev * 100:0.00000}% | {rebalance.Metrics.AccountsMoved} | {sw.Elapsed.TotalSeconds:0.00} "
                + $"| {best * 100:0.00000}% | {bound * 100:0.00000}% | {status} | {solveWatch.Elapsed.TotalSeconds:0.0} | {(engineDev - best) * 100:0.00000} | {(best > 0 ? engineDev / best : double.PositiveInfinity):0.00}× |"));
        }

        return Task.FromResult(0);
    }

    /// <summary>
    /// min z s.t. every account on exactly one allowed rep (locked ones on their owner), at least owned − cap
    /// accounts keep their owner, and |Σ_i round(p_i / T_r · Scale) x_ir − Scale| ≤ z for every rep r.
    /// Returns the status, the best plan's true max relative deviation (recomputed in doubles) and a
    /// lower bound on the optimum (the solver's bound less the rounding slack).
    /// </summary>
    internal static (string Status, double Best, double Bound) Solve(DesignProblem p, int maxMoved, int[] hint, int seconds, int workers)
    {
        var model = new CpModel();
        var x = new BoolVar?[p.N, p.K];
        bool Var(int i, int r) => p.Fixed[i] ? r == p.Orig[i] : p.Allowed(i, r);
        for (int i = 0; i < p.N; i++)
        {
            var row = new List<ILiteral>();
            for (int r = 0; r < p.K; r++)
            {
                if (Var(i, r))
                {
                    var v = model.NewBoolVar($"x{i}_{r}");
                    x[i, r] = v;
                    row.Add(v);
                    model.AddHint(v, hint[i] == r ? 1 : 0);
                }
            }

            model.AddExactlyOne(row);
        }

        var z = model.NewIntVar(0, 4 * Scale, "z");
        for (int r = 0; r < p.K; r++)
        {
            double target = p.Targets[r * DesignProblem.D + DesignProblem.Potential];
            var vars = new List<BoolVar>();
            var coefs = new List<long>();
            for (int i = 0; i < p.N; i++)
            {
                if (x[i, r] is { } v)
                {
                    vars.Add(v);
                    coefs.Add((long)Math.Round(p.Values[i * DesignProblem.D + DesignProblem.Potential] / target * Scale));
                }
            }

            var load = LinearExpr.WeightedSum(vars, coefs);
            model.Add(load - Scale <= z);
            model.Add(Scale - load <= z);
        }

        var keep = Enumerable.Range(0, p.N).Where(i => p.Orig[i] >= 0 && x[i, p.Orig[i]] is not null).Select(i => (ILiteral)x[i, p.Orig[i]]!).ToList();
        int mustKeep = p.OwnedAccounts - maxMoved;
        if (keep.Count > 0 && mustKeep > 0)
        {
            model.Add(LinearExpr.Sum(keep.Cast<BoolVar>()) >= Math.Min(mustKeep, keep.Count));
        }

        model.Minimize(z);
        var solver = new CpSolver { StringParameters = string.Create(Inv, $"max_time_in_seconds:{seconds} num_workers:{workers} random_seed:1") };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (status.ToString(), double.NaN, double.NaN);
        }

        var sums = new double[p.K];
        for (int i = 0; i < p.N; i++)
        {
            for (int r = 0; r < p.K; r++)
            {
                if (x[i, r] is { } v && solver.BooleanValue(v))
                {
                    sums[r] += p.Values[i * DesignProblem.D + DesignProblem.Potential];
                }
            }
        }

        double best = Enumerable.Range(0, p.K).Max(r => Math.Abs(sums[r] / p.Targets[r * DesignProblem.D + DesignProblem.Potential] - 1));
        double bound = Math.Max(0, (solver.BestObjectiveBound - 0.5 * p.N) / Scale);
        return (status == CpSolverStatus.Optimal ? "optimal" : "time limit", best, status == CpSolverStatus.Optimal ? Math.Min(best, Math.Max(bound, best - 0.5 * p.N / Scale)) : bound);
    }
}
