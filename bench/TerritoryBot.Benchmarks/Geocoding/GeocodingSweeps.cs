using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Demo;
using TerritoryBot.Import;
using TerritoryBot.Import.Geocoding;

namespace TerritoryBot.Benchmarks.Geocoding;

/// <summary>
/// `geocode-accuracy [--truth FILE]`: places every row of a list that has true coordinates (default: the Fortune 500
/// headquarters list in bench/datasets/fortune500-hq, columns CITY, STATE, ZIP, LATITUDE, LONGITUDE) from its postal
/// code alone, its city and state, its state alone and the whole address as the import does, and prints the share
/// placed within 30 km of the true position and the median error.
/// </summary>
public sealed class GeocodeAccuracySweep : ISweep
{
    public string Name => "geocode-accuracy";

    public Task<int> RunAsync(string[] args)
    {
        var path = GeocodingBench.Option(args, "--truth") ?? GeocodingBench.DefaultTruth;
        var rows = GeocodingBench.ReadTruth(path);
        var geocoder = new Geocoder(Gazetteer.Shipped);
        Console.WriteLine($"{rows.Count:N0} rows with true coordinates from {path}");
        Console.WriteLine();
        Console.WriteLine("| address given | placed | source of placements | within 30 km (of all rows) | within 30 km (of placed) | median km | 90th pct km |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        var modes = new (string Name, Func<TruthRow, Place> Place)[]
        {
            ("postal code + country", r => new Place("United States", null, null, r.Zip)),
            ("city + state + country", r => new Place("United States", r.State, r.City, null)),
            ("city + state name (no country)", r => new Place(null, GeocodingBench.StateName(r.State), r.City, null)),
            ("state only", r => new Place("US", r.State, null, null)),
            ("full address (as import)", r => new Place("US", r.State, r.City, r.Zip)),
        };
        foreach (var (name, make) in modes)
        {
            var errors = new List<double>();
            var sources = new Dictionary<LocationSource, int>();
            foreach (var row in rows)
            {
                var found = geocoder.Locate(make(row));
                sources[found.Source] = sources.GetValueOrDefault(found.Source) + 1;
                if (found.Location is { } at)
                {
                    errors.Add(at.DistanceKm(row.Truth));
                    if (at.DistanceKm(row.Truth) > 30)
                    {
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {row.Name} ({row.City}, {row.State} {row.Zip}) placed by {found.Source} {at.DistanceKm(row.Truth):F0} km off"));
                    }
                }
            }

            errors.Sort();
            int within = errors.Count(e => e <= 30);
            var bySource = string.Join(", ", sources.OrderBy(s => s.Key).Select(s => $"{ImportGeocoding.Name(s.Key)} {s.Value}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {errors.Count}/{rows.Count} | {bySource} | {100.0 * within / rows.Count:F1}% | {(errors.Count > 0 ? 100.0 * within / errors.Count : 0):F1}% | {GeocodingBench.Quantile(errors, 0.5):F1} | {GeocodingBench.Quantile(errors, 0.9):F1} |"));
        }

        return Task.FromResult(0);
    }
}

/// <summary>
/// `geocode-speed [--accounts N] [--runs R]`: a demo data folder of N accounts (default 100,000) written with and
/// without coordinates; times the gazetteer load, N lookups, and the whole folder read (parse, validate, geocode).
/// Medians of R runs (default 3).
/// </summary>
public sealed class GeocodeSpeedSweep : ISweep
{
    public string Name => "geocode-speed";

    public async Task<int> RunAsync(string[] args)
    {
        int accounts = int.Parse(GeocodingBench.Option(args, "--accounts") ?? "100000", CultureInfo.InvariantCulture);
        int runs = int.Parse(GeocodingBench.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var root = Directory.CreateTempSubdirectory("tb-bench-geocode-").FullName;
        try
        {
            var universe = DemoGenerator.Generate(new DemoOptions(new DateOnly(2026, 1, 15), accounts, Math.Max(8, accounts / 500), Seed: 42));
            var with = Path.Combine(root, "with");
            var without = Path.Combine(root, "without");
            await DemoDataWriter.WriteAsync(universe.Data, with, CancellationToken.None);
            await DemoDataWriter.WriteAsync(GeocodingBench.Strip(universe.Data, reps: true), without, CancellationToken.None);

            var load = GeocodingBench.Measure(runs, () =>
            {
                using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(Gazetteer.ResourceName)!;
                using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
                _ = Gazetteer.Parse(reader);
            });
            var geocoder = new Geocoder(Gazetteer.Shipped);
            var places = universe.Data.Accounts.Select(a => new Place(a.Country, a.Region, a.City, a.PostalCode)).ToArray();
            var lookups = GeocodingBench.Measure(runs, () =>
            {
                foreach (var p in places)
                {
                    _ = geocoder.Locate(p);
                }
            });
            var stripped = GeocodingBench.Strip(universe.Data, reps: true);
            var apply = GeocodingBench.Measure(runs, () => ImportGeocoding.Apply(stripped, () => geocoder));
            var readWith = GeocodingBench.Measure(runs, () => GeocodingBench.Check(DataFolderLoader.Load(with)));
            var readWithout = GeocodingBench.Measure(runs, () => GeocodingBench.Check(DataFolderLoader.Load(without)));

            Console.WriteLine($"| step ({accounts:N0} accounts, median of {runs}) | wall s | CPU s |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (what, (wall, cpu)) in new[]
                     {
                         ("gazetteer load (decompress + index, once per process)", load),
                         ($"{accounts:N0} lookups, no cache (Geocoder.Locate)", lookups),
                         ("geocoding step of the import (distinct addresses cached)", apply),
                         ("folder read with coordinates (parse + validate)", readWith),
                         ("folder read without coordinates (parse + validate + geocode)", readWithout),
                     })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {wall:F3} | {cpu:F3} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>
/// `geocode-compact [--accounts N] [--reps K] [--truth FILE]`: the issue 15 acceptance check. Runs the geographic
/// scenario on a list with its coordinates and on the same list with them removed (accounts; then accounts and reps'
/// homes), geocoded from the address, and measures both assignments with the true coordinates: mean km from an
/// account to its rep's home and to its territory's centre. Lists: the demo (N accounts, default 10,000, K reps,
/// default 20, seed 42) and the Fortune 500 headquarters list with K reps homed in its K busiest HQ cities.
/// </summary>
public sealed class GeocodeCompactSweep : ISweep
{
    public string Name => "geocode-compact";

    public Task<int> RunAsync(string[] args)
    {
        int accounts = int.Parse(GeocodingBench.Option(args, "--accounts") ?? "10000", CultureInfo.InvariantCulture);
        int reps = int.Parse(GeocodingBench.Option(args, "--reps") ?? "20", CultureInfo.InvariantCulture);
        var truthPath = GeocodingBench.Option(args, "--truth") ?? GeocodingBench.DefaultTruth;
        var asOf = new DateOnly(2026, 1, 15);
        var lists = new List<(string Name, DataSet Data)>
        {
            ($"demo {accounts:N0} × {reps}", DemoGenerator.Generate(new DemoOptions(asOf, accounts, reps, Seed: 42)).Data),
            ($"Fortune 500 HQ × {Math.Min(reps, 10)}", GeocodingBench.FortuneDataSet(GeocodingBench.ReadTruth(truthPath), Math.Min(reps, 10))),
        };

        Console.WriteLine("| list | coordinates | accounts placed (given/postal/city/region/none) | mean km to rep home | mean km to territory centre | ratio to kept (home / centre) |");
        Console.WriteLine("|---|---|---|---:|---:|---:|");
        foreach (var (name, data) in lists)
        {
            var geocoder = new Geocoder(Gazetteer.Shipped);
            (double Home, double Centre)? kept = null;
            foreach (var (label, input) in new[]
                     {
                         ("kept", data),
                         ("accounts' removed, not geocoded (before issue 15)", GeocodingBench.Strip(data, reps: false)),
                         ("accounts' removed, geocoded", ImportGeocoding.Apply(GeocodingBench.Strip(data, reps: false), () => geocoder).Data),
                         ("accounts' and reps' removed, geocoded", ImportGeocoding.Apply(GeocodingBench.Strip(data, reps: true), () => geocoder).Data),
                         ("accounts' and reps' removed, reps' home city written", ImportGeocoding.Apply(GeocodingBench.Strip(GeocodingBench.WithHomeCities(data), reps: true), () => geocoder).Data),
                     })
            {
                var scores = ScoringEngine.Score(input, asOf).Accounts;
                var result = DesignEngine.Run(new DesignInput(input, scores), new DesignOptions { Seed = 42, Scenarios = ["geographic"] });
                var (home, centre) = GeocodingBench.TrueDistances(data, result.Scenario("geographic")!);
                kept ??= (home, centre);
                var counts = new[] { LocationSource.Given, LocationSource.Postal, LocationSource.City, LocationSource.Region, LocationSource.None }
                    .Select(s => input.Accounts.Count(a => a.LocationSource == s).ToString("N0", CultureInfo.InvariantCulture));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {label} | {string.Join(" / ", counts)} | {home:F0} | {centre:F0} | {home / kept.Value.Home:F3} / {centre / kept.Value.Centre:F3} |"));
            }
        }

        return Task.FromResult(0);
    }
}

internal sealed record TruthRow(string Name, string City, string State, string Zip, GeoPoint Truth);

internal static class GeocodingBench
{
    public static readonly string DefaultTruth = Path.Combine(RepoRoot(), "bench", "datasets", "fortune500-hq", "Fortune_500_Corporate_Headquarters.csv");

    private static readonly Dictionary<string, string> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AL"] = "Alabama", ["AK"] = "Alaska", ["AZ"] = "Arizona", ["AR"] = "Arkansas", ["CA"] = "California", ["CO"] = "Colorado",
        ["CT"] = "Connecticut", ["DE"] = "Delaware", ["DC"] = "District of Columbia", ["FL"] = "Florida", ["GA"] = "Georgia",
        ["HI"] = "Hawaii", ["ID"] = "Idaho", ["IL"] = "Illinois", ["IN"] = "Indiana", ["IA"] = "Iowa", ["KS"] = "Kansas",
        ["KY"] = "Kentucky", ["LA"] = "Louisiana", ["ME"] = "Maine", ["MD"] = "Maryland", ["MA"] = "Massachusetts",
        ["MI"] = "Michigan", ["MN"] = "Minnesota", ["MS"] = "Mississippi", ["MO"] = "Missouri", ["MT"] = "Montana",
        ["NE"] = "Nebraska", ["NV"] = "Nevada", ["NH"] = "New Hampshire", ["NJ"] = "New Jersey", ["NM"] = "New Mexico",
        ["NY"] = "New York", ["NC"] = "North Carolina", ["ND"] = "North Dakota", ["OH"] = "Ohio", ["OK"] = "Oklahoma",
        ["OR"] = "Oregon", ["PA"] = "Pennsylvania", ["RI"] = "Rhode Island", ["SC"] = "South Carolina", ["SD"] = "South Dakota",
        ["TN"] = "Tennessee", ["TX"] = "Texas", ["UT"] = "Utah", ["VT"] = "Vermont", ["VA"] = "Virginia", ["WA"] = "Washington",
        ["WV"] = "West Virginia", ["WI"] = "Wisconsin", ["WY"] = "Wyoming",
    };

    public static string? StateName(string code) => States.GetValueOrDefault(code, code);

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static List<TruthRow> ReadTruth(string path)
    {
        // The BCL's RFC 4180 reader is enough for a benchmark input file.
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(path) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.Select((h, i) => (h.Trim('\uFEFF'), i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.OrdinalIgnoreCase);
        var rows = new List<TruthRow>();
        while (parser.ReadFields() is { } f)
        {
            string Get(string name) => f[header[name]];
            rows.Add(new TruthRow(Get("NAME"), Get("CITY"), Get("STATE"), Get("ZIP"),
                new GeoPoint(double.Parse(Get("LATITUDE"), CultureInfo.InvariantCulture), double.Parse(Get("LONGITUDE"), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>The headquarters list as accounts (true coordinates given) and K reps homed in its K busiest HQ cities.</summary>
    public static DataSet FortuneDataSet(List<TruthRow> rows, int k)
    {
        var accounts = rows.Select((r, i) => new Account
        {
            AccountId = $"F{i + 1:000}", Name = r.Name, Industry = "Unknown", Employees = 10_000,
            Country = "US", Region = r.State, City = r.City, PostalCode = r.Zip, Location = r.Truth,
        }).ToList();
        var cities = rows.GroupBy(r => (r.City, r.State)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.City, StringComparer.Ordinal).Take(k).ToList();
        var reps = cities.Select((g, i) =>
        {
            var centre = g.First().Truth;
            return new Rep
            {
                RepId = $"R{i + 1:00}", Name = $"Rep {i + 1}", Region = g.Key.State, Home = centre,
                HomePlace = new Place("US", g.Key.State, g.Key.City, null),
            };
        }).ToList();
        return new DataSet(accounts, reps, [], IcpProfile.Default);
    }

    /// <summary>
    /// Reps with their home city written as a user would (home_city + region): the demo's reps.csv gives only the state,
    /// so the city is the demo catalogue's city nearest the rep's true home; reps that already have a home place keep it.
    /// </summary>
    public static DataSet WithHomeCities(DataSet data) => data with
    {
        Reps = data.Reps.Select(r => r.HomePlace is not null || r.Home is not { } home ? r : r with
        {
            HomePlace = DemoCatalog.Metros.SelectMany(m => m.Cities)
                .MinBy(c => new GeoPoint(c.Latitude, c.Longitude).DistanceKm(home)) is { } city
                ? new Place("US", city.State, city.Name, null) : null,
        }).ToList(),
    };

    /// <summary>The same data without coordinates: accounts always, reps' homes when asked (they keep region/home place).</summary>
    public static DataSet Strip(DataSet data, bool reps) => data with
    {
        Accounts = data.Accounts.Select(a => a with { Location = null }).ToList(),
        Reps = reps ? data.Reps.Select(r => r with { Home = null }).ToList() : data.Reps,
    };

    /// <summary>Mean km from each account to its rep's home and to its territory's centre, with the true coordinates.</summary>
    public static (double Home, double Centre) TrueDistances(DataSet truth, ScenarioResult scenario)
    {
        var homes = truth.Reps.Where(r => r.Home is not null).ToDictionary(r => r.RepId, r => r.Home!.Value);
        var members = new Dictionary<string, List<GeoPoint>>();
        double home = 0;
        int homeCount = 0;
        for (int i = 0; i < truth.Accounts.Count; i++)
        {
            if (scenario.RepIdOf(i) is not { } rep || truth.Accounts[i].Location is not { } at)
            {
                continue;
            }

            (members.TryGetValue(rep, out var list) ? list : members[rep] = []).Add(at);
            if (homes.TryGetValue(rep, out var h))
            {
                home += at.DistanceKm(h);
                homeCount++;
            }
        }

        double centre = 0;
        int centreCount = 0;
        foreach (var points in members.Values)
        {
            double x = 0, y = 0, z = 0;
            foreach (var p in points)
            {
                var (px, py, pz) = p.ToCartesian();
                x += px; y += py; z += pz;
            }

            var c = new GeoPoint(Math.Atan2(z, Math.Sqrt(x * x + y * y)) * 180 / Math.PI, Math.Atan2(y, x) * 180 / Math.PI);
            foreach (var p in points)
            {
                centre += p.DistanceKm(c);
                centreCount++;
            }
        }

        return (homeCount > 0 ? home / homeCount : double.NaN, centreCount > 0 ? centre / centreCount : double.NaN);
    }

    public static void Check(DataFolderResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("data did not validate:\n" + string.Join("\n", result.Errors.Take(10)));
        }
    }

    public static double Quantile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(q * sorted.Count))];

    /// <summary>Median wall and CPU seconds of <paramref name="runs"/> runs after one untimed warm-up.</summary>
    public static (double Wall, double Cpu) Measure(int runs, Action body)
    {
        body();
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            body();
            wall.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[runs / 2], cpu[runs / 2]);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TerritoryBot.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
