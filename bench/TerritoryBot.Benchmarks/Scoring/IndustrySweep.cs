using System.Diagnostics;
using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Import;

namespace TerritoryBot.Benchmarks.Scoring;

/// <summary>
/// `industries [--accounts N] [--runs R]`: industry normalisation at load (IndustryTable.Normalize) of N accounts
/// (default 100,000), medians of R runs (default 5). Three label mixes: realistic (~90 export labels from the
/// shipped table, typos and unknown ones), 1,000 distinct unknown labels, and every label distinct and unknown
/// (each one fuzzy-matched against the whole table: the hostile worst case).
/// </summary>
public sealed class IndustrySweep : ISweep
{
    public string Name => "industries";

    public Task<int> RunAsync(string[] args)
    {
        int accounts = Option(args, "--accounts", 100_000);
        int runs = Option(args, "--runs", 5);
        string[] known =
        [
            .. IndustryTable.Shipped.Where((_, i) => i % 5 == 0).Select(r => r.Label),
            "Finacial Services", "Helthcare", "Retail Trade ", "COMPUTER SOFTWARE", "Zeppelins", "Crypto", "Other",
        ];
        Console.WriteLine("| labels | distinct | median ms | min ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, label) in new (string, Func<Random, int, string>)[]
        {
            ("realistic export labels", (random, _) => known[random.Next(known.Length)]),
            ("1,000 distinct unknown", (_, i) => $"Unknown sector {i % 1000:x}"),
            ("all distinct unknown", (_, i) => $"Unknown sector {i:x}"),
        })
        {
            var random = new Random(7);
            var list = new Account[accounts];
            for (int i = 0; i < accounts; i++)
            {
                list[i] = new Account { AccountId = $"A{i:D6}", Name = $"Company {i}", Industry = label(random, i), Employees = 100 };
            }

            var data = new DataSet(list, [], [], IcpProfile.Default);
            IndustryTable.Normalize(data); // JIT and the table's first load are not in the figures
            var times = new List<double>();
            for (int r = 0; r < runs; r++)
            {
                var watch = Stopwatch.StartNew();
                IndustryTable.Normalize(data);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            int distinct = list.Select(a => a.Industry).Distinct(StringComparer.Ordinal).Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {distinct:N0} | {times[times.Count / 2]:F0} | {times[0]:F0} |"));
        }

        return Task.FromResult(0);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
