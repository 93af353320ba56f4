using TerritoryBot.Core.Model;

namespace TerritoryBot.Benchmarks.Scoring;

/// <summary>A large synthetic universe for timing: heavy-tailed sizes, 12 industries, ~3% customers, some opportunities.</summary>
internal static class SyntheticUniverse
{
    private static readonly string[] Industries =
        ["Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Logistics", "Energy", "Education", "Media", "Insurance", "Telecommunications", "Government"];
    private static readonly string[] Techs = ["Snowflake", "Salesforce", "AWS", "Azure", "GCP", "HubSpot", "SAP", "Oracle", "Databricks", "CompetitorX", "Workday", "Zendesk"];
    private static readonly string[] Stages = ["Seed", "Series A", "Series B", "Series C", "Public", "Private Equity"];

    public static DataSet Create(int accounts, int seed = 42)
    {
        var random = new Random(seed);
        int reps = Math.Max(10, accounts / 500);
        var repList = Enumerable.Range(0, reps).Select(r => new Rep
        {
            RepId = $"R{r}", Name = $"Rep {r}", Region = $"S{r % 50}", Home = new GeoPoint(25 + random.NextDouble() * 23, -122 + random.NextDouble() * 50),
        }).ToList();
        var list = new Account[accounts];
        var opportunities = new List<Opportunity>();
        for (int i = 0; i < accounts; i++)
        {
            int employees = (int)Math.Min(400_000, 5 * Math.Exp(-Math.Log(random.NextDouble() + 1e-9) * 1.6));
            bool customer = random.NextDouble() < 0.03;
            var stack = new List<string>();
            foreach (var t in Techs)
            {
                if (random.NextDouble() < 0.25)
                {
                    stack.Add(t);
                }
            }

            list[i] = new Account
            {
                AccountId = $"A{i:D7}",
                Name = $"Company {i}",
                Industry = Industries[random.Next(Industries.Length)],
                Employees = employees,
                AnnualRevenue = random.NextDouble() < 0.7 ? employees * (80_000 + random.NextDouble() * 250_000) : null,
                Region = $"S{random.Next(50)}",
                Location = new GeoPoint(25 + random.NextDouble() * 23, -122 + random.NextDouble() * 50),
                TechStack = stack,
                GrowthRate = random.NextDouble() < 0.8 ? -0.1 + random.NextDouble() * 0.5 : null,
                FundingStage = random.NextDouble() < 0.6 ? Stages[random.Next(Stages.Length)] : null,
                IntentScore = random.NextDouble() < 0.6 ? random.Next(101) : null,
                IsCustomer = customer,
                CurrentArr = customer ? Math.Round(400 * Math.Pow(employees, 0.7) * (0.3 + random.NextDouble())) : 0,
                CurrentTier = (Tier)random.Next(4),
                OwnerId = random.NextDouble() < 0.6 ? $"R{random.Next(reps)}" : null,
                LastActivityDate = random.NextDouble() < 0.4 ? new DateOnly(2025, 6, 30).AddDays(-random.Next(700)) : null,
            };
            if (random.NextDouble() < 0.05)
            {
                opportunities.Add(new Opportunity
                {
                    OpportunityId = $"O{i}", AccountId = list[i].AccountId, OwnerId = list[i].OwnerId ?? "R0",
                    Amount = 50_000, Stage = random.NextDouble() < 0.5 ? "Discovery" : "Closed Won",
                    CreatedDate = new DateOnly(2025, 1, 1),
                });
            }
        }

        return new DataSet(list, repList, opportunities, IcpProfile.Default with { Competitors = ["CompetitorX"] });
    }
}
