using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Scoring;

/// <summary>Small random account universes for property tests: every field varied, some missing.</summary>
internal static class RandomUniverse
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    private static readonly string[] Industries = ["Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Logistics", "Education"];
    private static readonly string[] Techs = ["Snowflake", "Salesforce", "AWS", "Azure", "HubSpot", "SAP", "CompetitorX", "Oracle"];
    private static readonly string[] Regions = ["CA", "NY", "TX", "WA", "IL"];
    private static readonly string[] Stages = ["Seed", "Series A", "Series B", "Series C", "Public", "Bootstrapped"];

    public static IcpProfile Icp { get; } = IcpProfile.Default with { Competitors = ["CompetitorX"] };

    public static DataSet Create(int seed, int accounts = 300, int reps = 5)
    {
        var random = new Random(seed);
        var repList = Enumerable.Range(1, reps).Select(r => new Rep
        {
            RepId = $"R{r}",
            Name = $"Rep {r}",
            Region = Regions[r % Regions.Length],
            Home = random.NextDouble() < 0.8 ? new GeoPoint(30 + random.NextDouble() * 15, -120 + random.NextDouble() * 45) : null,
        }).Append(new Rep { RepId = "M1", Name = "Manager", Role = RepRole.Manager }).ToList();

        var list = new List<Account>(accounts);
        var opportunities = new List<Opportunity>();
        for (int i = 0; i < accounts; i++)
        {
            int employees = (int)Math.Min(500_000, Math.Exp(2 + random.NextDouble() * 9));
            bool customer = random.NextDouble() < 0.2;
            var a = new Account
            {
                AccountId = $"A{i:D5}",
                Name = $"Company {i}",
                Industry = Industries[random.Next(Industries.Length)],
                Employees = employees,
                AnnualRevenue = random.NextDouble() < 0.8 ? employees * (100_000 + random.NextDouble() * 300_000) : null,
                Region = random.NextDouble() < 0.9 ? Regions[random.Next(Regions.Length)] : null,
                Location = random.NextDouble() < 0.8 ? new GeoPoint(30 + random.NextDouble() * 15, -120 + random.NextDouble() * 45) : null,
                TechStack = Techs.Where(_ => random.NextDouble() < 0.3).ToList(),
                GrowthRate = random.NextDouble() < 0.85 ? -0.2 + random.NextDouble() * 0.7 : null,
                FundingStage = random.NextDouble() < 0.7 ? Stages[random.Next(Stages.Length)] : null,
                IntentScore = random.NextDouble() < 0.7 ? random.Next(0, 101) : null,
                IsCustomer = customer,
                CurrentArr = customer ? Math.Round(20_000 * Math.Pow(employees / 100.0, 0.6) * (0.3 + random.NextDouble())) : 0,
                CurrentTier = random.NextDouble() < 0.7 ? (Tier)random.Next(4) : null,
                OwnerId = random.NextDouble() < 0.6 ? $"R{random.Next(1, reps + 1)}" : null,
                LastActivityDate = random.NextDouble() < 0.5 ? AsOf.AddDays(-random.Next(0, 700)) : null,
            };
            list.Add(a);
            if (random.NextDouble() < 0.2)
            {
                bool open = random.NextDouble() < 0.5;
                opportunities.Add(new Opportunity
                {
                    OpportunityId = $"O{i}",
                    AccountId = a.AccountId,
                    OwnerId = a.OwnerId ?? "R1",
                    Amount = 10_000 + random.Next(200_000),
                    Stage = open ? "Discovery" : random.NextDouble() < 0.5 ? "Closed Won" : "Closed Lost",
                    CreatedDate = AsOf.AddDays(-random.Next(30, 800)),
                    LastActivityDate = random.NextDouble() < 0.5 ? AsOf.AddDays(-random.Next(0, 500)) : null,
                });
            }
        }

        return new DataSet(list, repList, opportunities, Icp);
    }
}
