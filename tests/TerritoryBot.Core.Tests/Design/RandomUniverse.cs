using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Design;

/// <summary>
/// A seeded synthetic universe for design tests and benchmarks: accounts clustered around metro
/// areas, heavy-tailed potential, reps homed in metros, and a deliberately uneven current plan
/// (nearest rep, so busy metros overload their reps). Scores are produced directly so tests do not
/// depend on the scoring engine. Also linked into the benchmark project.
/// </summary>
public static class RandomUniverse
{
    private static readonly string[] Industries =
        ["Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Logistics", "Media", "Education", "Energy", "Telecom"];

    public sealed record Settings
    {
        public int Accounts { get; init; } = 200;
        public int Reps { get; init; } = 5;
        public int Seed { get; init; } = 1;
        public double NamedShare { get; init; } = 0.03;
        public double OpenPipelineShare { get; init; } = 0.15;
        public double CustomerShare { get; init; } = 0.2;
        public double UnownedShare { get; init; } = 0.03;
        public double SeniorShare { get; init; } = 0.4;
        public double JuniorShare { get; init; } = 0.2;
        public int? Capacity { get; init; }
        public bool Ramping { get; init; } = true;
        public bool Locations { get; init; } = true;
    }

    public static DesignInput Create(Settings s)
    {
        var rng = new Random(s.Seed);
        int metros = Math.Max(3, Math.Min(60, s.Reps * 2));
        var metroCentres = new (double Lat, double Lon, double Weight, string Region)[metros];
        for (int m = 0; m < metros; m++)
        {
            metroCentres[m] = (26 + rng.NextDouble() * 22, -122 + rng.NextDouble() * 50, 0.3 + rng.NextDouble(), $"R{m % 12:00}");
        }

        double totalWeight = metroCentres.Sum(x => x.Weight);
        var reps = new Rep[s.Reps];
        for (int r = 0; r < s.Reps; r++)
        {
            var metro = PickMetro(rng.NextDouble() * totalWeight);
            double u = rng.NextDouble();
            var seniority = r == 0 ? Seniority.Senior : u < s.SeniorShare ? Seniority.Senior : u < s.SeniorShare + s.JuniorShare ? Seniority.Junior : Seniority.Mid;
            reps[r] = new Rep
            {
                RepId = $"rep{r:0000}",
                Name = $"Rep {r}",
                Seniority = seniority,
                Quota = 800_000 + rng.Next(0, 8) * 100_000,
                Capacity = s.Capacity,
                Ramping = s.Ramping && r > 0 && rng.NextDouble() < 0.15,
                Home = new GeoPoint(metro.Lat + Noise(rng, 0.3), metro.Lon + Noise(rng, 0.3)),
                Region = metro.Region,
                IndustryStrengths = [Industries[rng.Next(Industries.Length)], Industries[rng.Next(Industries.Length)]],
            };
        }

        var accounts = new Account[s.Accounts];
        var scores = new AccountScore[s.Accounts];
        var opportunities = new List<Opportunity>();
        for (int i = 0; i < s.Accounts; i++)
        {
            var metro = PickMetro(rng.NextDouble() * totalWeight);
            double lat = metro.Lat + Noise(rng, 1.2), lon = metro.Lon + Noise(rng, 1.5);
            // Log-normal potential: most accounts small, a few very large.
            double potential = Math.Round(Math.Exp(10.6 + 1.1 * Gaussian(rng)));
            var tier = potential > 400_000 ? Tier.Strategic : potential > 120_000 ? Tier.Enterprise : potential > 40_000 ? Tier.Commercial : Tier.SMB;
            bool customer = rng.NextDouble() < s.CustomerShare;
            bool open = rng.NextDouble() < s.OpenPipelineShare;
            // Current owner: the rep with the nearest home (uneven on purpose), or nobody.
            string? owner = null;
            if (rng.NextDouble() >= s.UnownedShare)
            {
                int best = 0;
                double bestD = double.MaxValue;
                if (s.Reps <= 64)
                {
                    var here = new GeoPoint(lat, lon);
                    for (int r = 0; r < s.Reps; r++)
                    {
                        double d = here.DistanceKm(reps[r].Home!.Value) * (0.4 + 1.2 * rng.NextDouble());
                        if (d < bestD)
                        {
                            bestD = d;
                            best = r;
                        }
                    }
                }
                else
                {
                    best = rng.Next(s.Reps);
                }

                owner = reps[best].RepId;
            }

            var id = $"A{i:0000000}";
            accounts[i] = new Account
            {
                AccountId = id,
                Name = $"Company {i}",
                Industry = Industries[rng.Next(Industries.Length)],
                Employees = (int)Math.Min(200_000, potential / 100),
                Region = metro.Region,
                Location = s.Locations ? new GeoPoint(Math.Clamp(lat, -89, 89), lon) : null,
                IsCustomer = customer,
                CurrentArr = customer ? Math.Round(potential * (0.2 + 0.5 * rng.NextDouble())) : 0,
                OwnerId = owner,
                NamedAccount = owner is not null && rng.NextDouble() < s.NamedShare,
            };
            if (open && owner is not null)
            {
                opportunities.Add(new Opportunity
                {
                    OpportunityId = $"O{i:0000000}", AccountId = id, OwnerId = owner,
                    Amount = Math.Round(potential * (0.1 + 0.4 * rng.NextDouble())), Stage = "Proposal",
                });
            }

            scores[i] = new AccountScore
            {
                AccountId = id, IcpFit = 3, OpportunityScore = 50, PotentialArr = potential,
                PotentialLow = potential * 0.8, PotentialHigh = potential * 1.2, Tier = tier,
                Status = customer ? AccountStatus.ActiveCustomer : open && owner is not null ? AccountStatus.ActiveProspect : AccountStatus.ColdProspect,
                Priority = Priority.Medium, Whitespace = false,
            };
        }

        return new DesignInput(new DataSet(accounts, reps, opportunities, IcpProfile.Default), scores);

        (double Lat, double Lon, double Weight, string Region) PickMetro(double u)
        {
            foreach (var m in metroCentres)
            {
                u -= m.Weight;
                if (u <= 0)
                {
                    return m;
                }
            }

            return metroCentres[^1];
        }
    }

    private static double Noise(Random rng, double scale) => Gaussian(rng) * scale;

    private static double Gaussian(Random rng)
    {
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
