using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Coverage;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks.Fairness;

/// <summary>
/// `-- fairness [runs]`: fairness assessment (with the adjustment search) and coverage gaps on synthetic
/// universes of 4.2k×8, 20k×25 and 100k×100 accounts×reps. Median of the runs (default 5), in ms.
/// </summary>
public sealed class FairnessSweep : ISweep
{
    public string Name => "fairness";

    public Task<int> RunAsync(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        if (args.Length > 1 && args[1] == "phases")
        {
            return Phases(runs);
        }

        var asOf = new DateOnly(2025, 6, 30);
        Console.WriteLine("| accounts × reps | fairness wall ms | fairness CPU ms | moves | within ±10% | max dev before → after | gaps wall ms | gaps CPU ms | gap clusters |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (accounts, reps) in new[] { (4_200, 8), (20_000, 25), (100_000, 100) })
        {
            var data = Universe(accounts, reps, seed: 42);
            var scores = ScoringEngine.Score(data, asOf).Accounts;
            FairnessReport? fairness = null;
            CoverageReport? gaps = null;
            var fairnessMs = new List<double>();
            var gapsMs = new List<double>();
            var fairnessCpu = new List<double>();
            var gapsCpu = new List<double>();
            for (int run = 0; run <= runs; run++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                fairness = FairnessEngine.Assess(data, scores, null, asOf);
                double f = sw.Elapsed.TotalMilliseconds;
                var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                gaps = CoverageEngine.Analyze(data, scores);
                double g = sw.Elapsed.TotalMilliseconds;
                var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
                if (run > 0)
                {
                    // Run 0 warms up the JIT.
                    fairnessMs.Add(f);
                    gapsMs.Add(g);
                    fairnessCpu.Add((cpu1 - cpu0).TotalMilliseconds);
                    gapsCpu.Add((cpu2 - cpu1).TotalMilliseconds);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {accounts:N0} × {reps} | {Median(fairnessMs):0} | {Median(fairnessCpu):0} | {fairness!.Adjustments.Moves.Count} | {(fairness.Adjustments.WithinTolerance ? "yes" : "no")} "
                + $"| {fairness.Adjustments.MaxAbsDeviationBeforePct:0}% → {fairness.Adjustments.MaxAbsDeviationAfterPct:0.0}% | {Median(gapsMs):0} | {Median(gapsCpu):0} | {gaps!.ClusterCount} |"));
        }

        return Task.FromResult(0);
    }

    /// <summary>`-- fairness N phases`: assessment without the search, the full assessment, and gaps, at 4.2k×8 and 100k×100.</summary>
    private static Task<int> Phases(int runs)
    {
        var asOf = new DateOnly(2025, 6, 30);
        foreach (var (accounts, reps) in new[] { (4_200, 8), (100_000, 100) })
        {
            var data = Universe(accounts, reps, seed: 42);
            var scores = ScoringEngine.Score(data, asOf).Accounts;
            var noSearch = new List<double>();
            var full = new List<double>();
            for (int run = 0; run <= runs; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                FairnessEngine.Assess(data, scores, null, asOf, new FairnessOptions { MaxMoves = 0 });
                var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
                FairnessEngine.Assess(data, scores, null, asOf);
                var cpu3 = Process.GetCurrentProcess().TotalProcessorTime;
                double a = (cpu2 - cpu).TotalMilliseconds;
                double b = (cpu3 - cpu2).TotalMilliseconds;
                if (run > 0)
                {
                    noSearch.Add(a);
                    full.Add(b);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{accounts}x{reps}: CPU time without search {Median(noSearch):0} ms, with search {Median(full):0} ms"));
        }

        return Task.FromResult(0);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static readonly (string City, string Region, double Lat, double Lon)[] Metros =
    [
        ("New York", "NY", 40.71, -74.01), ("Los Angeles", "CA", 34.05, -118.24), ("Chicago", "IL", 41.88, -87.63),
        ("Houston", "TX", 29.76, -95.37), ("Phoenix", "AZ", 33.45, -112.07), ("Philadelphia", "PA", 39.95, -75.17),
        ("San Antonio", "TX", 29.42, -98.49), ("San Diego", "CA", 32.72, -117.16), ("Dallas", "TX", 32.78, -96.80),
        ("San Jose", "CA", 37.34, -121.89), ("Austin", "TX", 30.27, -97.74), ("Seattle", "WA", 47.61, -122.33),
        ("Denver", "CO", 39.74, -104.99), ("Boston", "MA", 42.36, -71.06), ("Atlanta", "GA", 33.75, -84.39),
        ("Miami", "FL", 25.76, -80.19), ("Minneapolis", "MN", 44.98, -93.27), ("Portland", "OR", 45.52, -122.68),
        ("Salt Lake City", "UT", 40.76, -111.89), ("Nashville", "TN", 36.16, -86.78), ("Charlotte", "NC", 35.23, -80.84),
        ("Detroit", "MI", 42.33, -83.05), ("St. Louis", "MO", 38.63, -90.20), ("Pittsburgh", "PA", 40.44, -79.99),
        ("Raleigh", "NC", 35.78, -78.64), ("Columbus", "OH", 39.96, -83.00), ("Kansas City", "MO", 39.10, -94.58),
        ("Las Vegas", "NV", 36.17, -115.14), ("Boise", "ID", 43.62, -116.20), ("Albuquerque", "NM", 35.08, -106.65),
    ];

    private static readonly string[] Industries = ["Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Education", "Logistics"];

    /// <summary>Accounts clustered around metros (bigger metros get more), reps homed in metros in the same proportion, owner = nearest rep.</summary>
    internal static DataSet Universe(int accountCount, int repCount, int seed)
    {
        var rng = new Random(seed);
        var reps = new Rep[repCount];
        for (int r = 0; r < repCount; r++)
        {
            // Reps are placed where the accounts are: the same metro weights as the accounts below.
            var m = Metros[Math.Min(Metros.Length - 1, (int)(Metros.Length * Math.Pow((r + 0.5) / repCount, 2)))];
            reps[r] = new Rep
            {
                RepId = $"R{r:D3}",
                Name = $"Rep {r:D3}",
                Seniority = (Seniority)rng.Next(3),
                Quota = 600_000 + rng.Next(8) * 100_000,
                Capacity = rng.Next(4) == 0 ? null : 150 + rng.Next(200),
                Home = new GeoPoint(m.Lat + (rng.NextDouble() - 0.5), m.Lon + (rng.NextDouble() - 0.5)),
                Region = m.Region,
                IndustryStrengths = [Industries[rng.Next(Industries.Length)], Industries[rng.Next(Industries.Length)]],
            };
        }

        var accounts = new Account[accountCount];
        var opportunities = new List<Opportunity>();
        for (int i = 0; i < accountCount; i++)
        {
            // Zipf-like metro weights: the first metros are much bigger.
            int mi = Math.Min(Metros.Length - 1, (int)(Metros.Length * Math.Pow(rng.NextDouble(), 2)));
            var m = Metros[mi];
            var at = new GeoPoint(m.Lat + Normal(rng) * 0.4, m.Lon + Normal(rng) * 0.4);
            int nearest = 0;
            double best = double.MaxValue;
            for (int r = 0; r < repCount; r++)
            {
                double d = reps[r].Home!.Value.DistanceKm(at);
                if (d < best)
                {
                    best = d;
                    nearest = r;
                }
            }

            bool unassigned = rng.NextDouble() < 0.05;
            bool customer = rng.NextDouble() < 0.15;
            int employees = (int)Math.Min(200_000, 20 * Math.Exp(rng.NextDouble() * 8));
            accounts[i] = new Account
            {
                AccountId = $"A{i:D6}",
                Name = $"Company {i:D6}",
                Industry = Industries[rng.Next(Industries.Length)],
                Employees = employees,
                City = m.City,
                Region = m.Region,
                Country = "US",
                Location = at,
                IsCustomer = customer,
                CurrentArr = customer ? 20_000 + rng.Next(200_000) : 0,
                OwnerId = unassigned ? null : reps[nearest].RepId,
                NamedAccount = !unassigned && rng.NextDouble() < 0.03,
                RelationshipNotes = rng.NextDouble() < 0.1 ? "Exec sponsor met in Q2" : null,
            };
            if (!unassigned && rng.NextDouble() < 0.12)
            {
                opportunities.Add(new Opportunity
                {
                    OpportunityId = $"O{i:D6}",
                    AccountId = accounts[i].AccountId,
                    OwnerId = reps[nearest].RepId,
                    Amount = 10_000 + rng.Next(150_000),
                    Stage = rng.Next(3) switch { 0 => "Closed Won", 1 => "Closed Lost", _ => "Proposal" },
                    CloseDate = new DateOnly(2025, 1, 1).AddDays(rng.Next(180)),
                });
            }
        }

        return new DataSet(accounts, reps, opportunities, IcpProfile.Default);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
