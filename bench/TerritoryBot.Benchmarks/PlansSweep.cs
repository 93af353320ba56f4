using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `plans [repeats]`: the fit table and the plan documents (Markdown and HTML) for every rep, at 4.2k
/// accounts × 8 reps and 100k × 100. Scoring runs once outside the timings. Prints a Markdown table of medians.
/// </summary>
public sealed class PlansSweep : ISweep
{
    public string Name => "plans";

    public Task<int> RunAsync(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var asOf = new DateOnly(2025, 1, 6);
        Console.WriteLine("| accounts × reps | opportunities | fit table + affinity (ms) | plans for all reps (ms) | per plan (ms) | HTML per plan (KB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (accounts, reps) in new[] { (4_200, 8), (100_000, 100) })
        {
            var data = SyntheticData.Create(accounts, reps, seed: 42);
            var scores = ScoringEngine.Score(data, asOf).Accounts;
            var fitTimes = new List<double>();
            var planTimes = new List<double>();
            long htmlBytes = 0;
            for (int r = 0; r < repeats + 1; r++)
            {
                var sw = Stopwatch.StartNew();
                var fit = FitEngine.Analyze(data, scores);
                var affinity = FitEngine.Affinity(fit);
                sw.Stop();
                GC.KeepAlive(affinity);
                double fitMs = sw.Elapsed.TotalMilliseconds;

                sw.Restart();
                long bytes = 0;
                var input = new PlanInput { Data = data, Scores = scores, Fit = fit, RepId = "", AsOf = asOf };
                foreach (var plan in TerritoryPlanner.BuildMany(input, data.TerritoryReps.Select(x => x.RepId)))
                {
                    var document = PlanDocumentBuilder.Build(plan);
                    bytes += MarkdownRenderer.Render(document).Length + HtmlRenderer.Render(document).Length;
                }

                sw.Stop();
                if (r == 0)
                {
                    continue; // warm-up
                }

                fitTimes.Add(fitMs);
                planTimes.Add(sw.Elapsed.TotalMilliseconds);
                htmlBytes = bytes;
            }

            double plansMs = Median(planTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {accounts:#,0} × {reps} | {data.Opportunities.Count:#,0} | {Median(fitTimes):0.0} | {plansMs:0} | {plansMs / reps:0.0} | {htmlBytes / 1024.0 / reps:0} |"));
        }

        Console.WriteLine($"\n(median of {repeats} runs after one warm-up; last column: Markdown + HTML characters per rep, in K)");
        return Task.FromResult(0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>A seeded synthetic universe for the sweep (US-like coordinates, eight industries, one to two deals per account).</summary>
internal static class SyntheticData
{
    private static readonly string[] Industries = ["Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Media", "Education", "Logistics"];

    public static DataSet Create(int accounts, int reps, int seed)
    {
        var random = new Random(seed);
        var repList = Enumerable.Range(0, reps).Select(i => new Rep
        {
            RepId = $"R{i:000}",
            Name = $"Rep {i}",
            Quota = 600_000 + random.Next(0, 900_000),
            Capacity = accounts / reps + random.Next(-20, 20),
            Ramping = random.NextDouble() < 0.15,
            Home = new GeoPoint(28 + random.NextDouble() * 18, -122 + random.NextDouble() * 50),
            IndustryStrengths = [Industries[random.Next(Industries.Length)]],
            Seniority = (Seniority)random.Next(3),
        }).ToArray();
        var accountList = Enumerable.Range(0, accounts).Select(i =>
        {
            bool customer = random.NextDouble() < 0.25;
            return new Account
            {
                AccountId = $"A{i:000000}",
                Name = $"Company {i}",
                Industry = Industries[random.Next(Industries.Length)],
                Employees = (int)Math.Exp(3 + random.NextDouble() * 7),
                OwnerId = random.NextDouble() < 0.97 ? repList[random.Next(reps)].RepId : null,
                IsCustomer = customer,
                CurrentArr = customer ? random.Next(10_000, 400_000) : 0,
                IntentScore = random.Next(0, 101),
                Location = new GeoPoint(26 + random.NextDouble() * 22, -123 + random.NextDouble() * 54),
                Region = $"ST{random.Next(40)}",
                TechStack = random.NextDouble() < 0.4 ? ["Snowflake"] : ["Salesforce"],
                LastActivityDate = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 370)),
                RelationshipNotes = random.NextDouble() < 0.2 ? "Champion in finance" : null,
            };
        }).ToArray();
        string[] stages = ["Closed Won", "Closed Lost", "Closed Lost", "Discovery", "Proposal"];
        var opps = Enumerable.Range(0, accounts * 3 / 2).Select(i =>
        {
            var account = accountList[random.Next(accounts)];
            return new Opportunity
            {
                OpportunityId = $"O{i:0000000}",
                AccountId = account.AccountId,
                OwnerId = account.OwnerId ?? repList[random.Next(reps)].RepId,
                Amount = random.Next(5_000, 250_000),
                Stage = stages[random.Next(stages.Length)],
                CloseDate = new DateOnly(2024, 3, 1).AddDays(random.Next(0, 500)),
                LastActivityDate = new DateOnly(2024, 6, 1).AddDays(random.Next(0, 200)),
            };
        }).ToArray();
        return new DataSet(accountList, repList, opps, IcpProfile.Default);
    }
}
