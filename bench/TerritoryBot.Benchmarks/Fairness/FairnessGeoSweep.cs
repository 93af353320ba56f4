using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks.Fairness;

/// <summary>
/// `-- fairness-geo [runs] [--workload]`: what the fairness fixes ask of the field. On the demo universe
/// (seed 42) and on <see cref="FieldTeam"/> universes: moves, median and p90 km from each moved account to
/// its new owner's home, the share of moves (of accounts that had an owner) that bring the account closer,
/// the reference (median km of every owned account to its current owner), the worst potential and
/// workload deviation before → after, and the CPU time of the whole assessment (median of the runs
/// after a warm-up). `--workload` balances workload as well as potential.
/// </summary>
public sealed class FairnessGeoSweep : ISweep
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "fairness-geo";

    public Task<int> RunAsync(string[] args)
    {
        int runs = args.Length > 0 && int.TryParse(args[0], Inv, out int r) ? r : 3;
        bool workload = args.Contains("--workload");
        var asOf = new DateOnly(2025, 6, 30);
        var cases = new List<(string Name, DataSet Data)>
        {
            ("demo 4,200 × 8", DemoGenerator.Generate(new DemoOptions(asOf)).Data),
            ("field 4,200 × 8", FieldTeam.Create(4_200, 8, 42)),
            ("field 20,000 × 25", FieldTeam.Create(20_000, 25, 42)),
            ("field 100,000 × 100", FieldTeam.Create(100_000, 100, 42)),
        };
        if (args.Contains("--small"))
        {
            cases.RemoveAt(cases.Count - 1);
        }

        Console.WriteLine("| universe | moves | median km to new owner | p90 km | closer | reference km (all accounts, current owner) | max potential dev before → after | max workload dev before → after | within | CPU ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, data) in cases)
        {
            var scores = ScoringEngine.Score(data, asOf).Accounts;
            var options = Options(workload);
            FairnessReport? report = null;
            var cpu = new List<double>();
            for (int run = 0; run <= runs; run++)
            {
                var c0 = Process.GetCurrentProcess().TotalProcessorTime;
                report = FairnessEngine.Assess(data, scores, null, asOf, options);
                var c1 = Process.GetCurrentProcess().TotalProcessorTime;
                if (run > 0)
                {
                    cpu.Add((c1 - c0).TotalMilliseconds);
                }
            }

            var f = Figures.Of(data, scores, report!);
            Console.WriteLine(string.Create(Inv,
                $"| {name} | {report!.Adjustments.Moves.Count} | {f.MedianKm:0} | {f.P90Km:0} | {f.Closer}/{f.LeavingOwner} ({f.CloserShare:0%}) | {f.ReferenceKm:0} "
                + $"| {report.Adjustments.MaxAbsDeviationBeforePct:0.0}% → {report.Adjustments.MaxAbsDeviationAfterPct:0.0}% | {f.WorkloadBefore:0.0}% → {f.WorkloadAfter:0.0}% "
                + $"| {(report.Adjustments.WithinTolerance ? "yes" : "no")} | {Median(cpu):0} |"));
            if (args.Contains("--kinds"))
            {
                foreach (var g in report.Adjustments.Moves.GroupBy(m => m.Kind))
                {
                    var km = g.Select(m => m.DistanceKm).OfType<double>().ToList();
                    Console.WriteLine(string.Create(Inv, $"  {g.Key}: {g.Count()} moves, median {Percentile(km, 0.5):0} km, p90 {Percentile(km, 0.9):0} km, pool {g.Count(m => m.FromRepId.Length == 0)}"));
                }
            }
        }

        return Task.FromResult(0);
    }

    private static FairnessOptions Options(bool workload) => workload ? FairnessOptions.Default with { BalanceWorkload = true } : FairnessOptions.Default;

    private static double Median(List<double> xs) => Percentile(xs, 0.5);

    internal static double Percentile(IReadOnlyList<double> xs, double q)
    {
        if (xs.Count == 0)
        {
            return double.NaN;
        }

        var s = xs.Order().ToArray();
        double pos = q * (s.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(s.Length - 1, lo + 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    internal sealed record Figures(double MedianKm, double P90Km, int Closer, int LeavingOwner, double ReferenceKm, double WorkloadBefore, double WorkloadAfter)
    {
        public double CloserShare => LeavingOwner > 0 ? (double)Closer / LeavingOwner : 0;

        public static Figures Of(DataSet data, IReadOnlyList<AccountScore> scores, FairnessReport report)
        {
            var reps = data.TerritoryReps.ToDictionary(x => x.RepId);
            var accounts = data.Accounts.ToDictionary(a => a.AccountId);
            double? Km(Account a, string? rep) => rep is not null && reps.TryGetValue(rep, out var x) && x.Home is { } h && a.Location is { } at ? at.DistanceKm(h) : null;
            var reference = data.Accounts.Select(a => Km(a, a.OwnerId)).OfType<double>().ToList();
            var km = new List<double>();
            int closer = 0, leaving = 0;
            foreach (var m in report.Adjustments.Moves)
            {
                var a = accounts[m.AccountId];
                if (Km(a, m.ToRepId) is not { } to)
                {
                    continue;
                }

                km.Add(to);
                if (m.FromRepId.Length > 0 && Km(a, m.FromRepId) is { } from)
                {
                    leaving++;
                    closer += to < from ? 1 : 0;
                }
            }

            var work = WorkloadModel.Default;
            var score = scores.ToDictionary(s => s.AccountId);
            var before = data.TerritoryReps.ToDictionary(x => x.RepId, _ => 0.0);
            foreach (var a in data.Accounts.Where(a => a.OwnerId is not null && before.ContainsKey(a.OwnerId)))
            {
                before[a.OwnerId!] += work.Of(score[a.AccountId]);
            }

            var after = new Dictionary<string, double>(before);
            foreach (var m in report.Adjustments.Moves)
            {
                double w = work.Of(score[m.AccountId]);
                if (m.FromRepId.Length > 0)
                {
                    after[m.FromRepId] -= w;
                }

                after[m.ToRepId] += w;
            }

            static double MaxDev(Dictionary<string, double> v)
            {
                double mean = v.Values.Average();
                return v.Values.Max(x => Math.Abs(x - mean)) * 100 / mean;
            }

            return new Figures(Percentile(km, 0.5), Percentile(km, 0.9), closer, leaving, Percentile(reference, 0.5), MaxDev(before), MaxDev(after));
        }
    }
}
