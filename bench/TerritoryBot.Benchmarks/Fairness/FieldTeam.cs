using TerritoryBot.Core.Model;

namespace TerritoryBot.Benchmarks.Fairness;

/// <summary>
/// A field sales team spread across US metros: reps are homed in metros in proportion to each metro's
/// share of the accounts (largest remainder, at least the biggest metros get one), so small metros often
/// have no rep of their own and are covered from the nearest one; accounts cluster around metros
/// (Zipf-like sizes); the current owner is the nearest rep, with one account in ten given to the second
/// or third nearest instead (the untidy plan a real team inherits). 5% unassigned, 3% named, 12% with
/// an opportunity (a third of them open), 10% with relationship notes.
/// </summary>
internal static class FieldTeam
{
    internal static readonly (string City, string Region, double Lat, double Lon)[] Metros =
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

    /// <summary>Metro i's share of the accounts: P(floor(30·u²) = i) for u uniform.</summary>
    private static double Share(int i) => Math.Sqrt((i + 1.0) / Metros.Length) - Math.Sqrt((double)i / Metros.Length);

    public static DataSet Create(int accountCount, int repCount, int seed)
    {
        var rng = new Random(seed);
        // Largest remainder: each metro gets floor(share × reps), then the biggest remainders one more.
        var quota = Enumerable.Range(0, Metros.Length).Select(i => Share(i) * repCount).ToArray();
        var perMetro = quota.Select(q => (int)Math.Floor(q)).ToArray();
        foreach (int i in Enumerable.Range(0, Metros.Length).OrderByDescending(i => quota[i] - perMetro[i]).ThenBy(i => i).Take(repCount - perMetro.Sum()))
        {
            perMetro[i]++;
        }

        var reps = new List<Rep>(repCount);
        for (int m = 0; m < Metros.Length; m++)
        {
            for (int k = 0; k < perMetro[m]; k++)
            {
                int r = reps.Count;
                var metro = Metros[m];
                reps.Add(new Rep
                {
                    RepId = $"R{r:D3}",
                    Name = $"Rep {r:D3}",
                    Seniority = (Seniority)rng.Next(3),
                    Quota = 600_000 + rng.Next(8) * 100_000,
                    Capacity = 150 + rng.Next(200),
                    Home = new GeoPoint(metro.Lat + (rng.NextDouble() - 0.5) * 0.5, metro.Lon + (rng.NextDouble() - 0.5) * 0.5),
                    Region = metro.Region,
                    IndustryStrengths = [Industries[rng.Next(Industries.Length)], Industries[rng.Next(Industries.Length)]],
                });
            }
        }

        var accounts = new Account[accountCount];
        var opportunities = new List<Opportunity>();
        var order = new int[reps.Count];
        var dist = new double[reps.Count];
        for (int i = 0; i < accountCount; i++)
        {
            int mi = Math.Min(Metros.Length - 1, (int)(Metros.Length * Math.Pow(rng.NextDouble(), 2)));
            var m = Metros[mi];
            var at = new GeoPoint(m.Lat + Normal(rng) * 0.3, m.Lon + Normal(rng) * 0.3);
            for (int r = 0; r < reps.Count; r++)
            {
                dist[r] = reps[r].Home!.Value.DistanceKm(at);
                order[r] = r;
            }

            Array.Sort((double[])dist.Clone(), order);
            int owner = rng.NextDouble() < 0.1 && reps.Count > 2 ? order[1 + rng.Next(2)] : order[0];
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
                OwnerId = unassigned ? null : reps[owner].RepId,
                NamedAccount = !unassigned && rng.NextDouble() < 0.03,
                RelationshipNotes = rng.NextDouble() < 0.1 ? "Exec sponsor met in Q2" : null,
            };
            if (!unassigned && rng.NextDouble() < 0.12)
            {
                opportunities.Add(new Opportunity
                {
                    OpportunityId = $"O{i:D6}",
                    AccountId = accounts[i].AccountId,
                    OwnerId = reps[owner].RepId,
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
