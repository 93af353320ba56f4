using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests;

/// <summary>Small random data sets for property tests (seeded, so failures reproduce).</summary>
internal static class RandomData
{
    private static readonly string[] Industries = ["Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "software"];

    public static DataSet Create(int seed, int accounts, int reps, int opportunities)
    {
        var random = new Random(seed);
        var repList = Enumerable.Range(0, reps).Select(i => new Rep
        {
            RepId = $"r{i}",
            Name = $"Rep {i}",
            Quota = random.NextDouble() < 0.8 ? 200_000 + random.Next(0, 1_000_000) : null,
            Capacity = random.NextDouble() < 0.5 ? random.Next(1, 40) : null,
            Ramping = random.NextDouble() < 0.25,
            Home = random.NextDouble() < 0.8 ? new GeoPoint(30 + random.NextDouble() * 15, -120 + random.NextDouble() * 45) : null,
            IndustryStrengths = random.NextDouble() < 0.5 ? [Industries[random.Next(Industries.Length)]] : [],
            Seniority = (Seniority)random.Next(3),
        }).Append(new Rep { RepId = "mgr", Name = "Manager", Role = RepRole.Manager }).ToArray();
        var accountList = Enumerable.Range(0, accounts).Select(i =>
        {
            bool customer = random.NextDouble() < 0.3;
            return new Account
            {
                AccountId = $"a{i}",
                Name = $"Account {i}",
                Industry = Industries[random.Next(Industries.Length)],
                Employees = random.Next(0, 20_000),
                OwnerId = random.NextDouble() < 0.9 ? $"r{random.Next(reps)}" : null,
                IsCustomer = customer,
                CurrentArr = customer ? random.Next(0, 400_000) : 0,
                IntentScore = random.NextDouble() < 0.7 ? random.Next(0, 101) : null,
                Location = random.NextDouble() < 0.8 ? new GeoPoint(25 + random.NextDouble() * 24, -124 + random.NextDouble() * 57) : null,
                Region = random.NextDouble() < 0.8 ? $"S{random.Next(6)}" : null,
                LastActivityDate = random.NextDouble() < 0.6 ? new DateOnly(2024, 1, 1).AddDays(random.Next(0, 380)) : null,
                TechStack = random.NextDouble() < 0.5 ? ["Snowflake"] : [],
                GrowthRate = random.NextDouble() * 0.5,
            };
        }).ToArray();
        string[] stages = ["Closed Won", "Closed Lost", "closed won", "Discovery", "Proposal"];
        var opps = accounts == 0 ? [] : Enumerable.Range(0, opportunities).Select(i => new Opportunity
        {
            OpportunityId = $"o{i}",
            AccountId = $"a{random.Next(accounts)}",
            OwnerId = random.NextDouble() < 0.95 ? $"r{random.Next(reps)}" : "mgr",
            Amount = random.Next(1_000, 300_000),
            Stage = stages[random.Next(stages.Length)],
            CloseDate = random.NextDouble() < 0.8 ? new DateOnly(2024, 6, 1).AddDays(random.Next(0, 500)) : null,
        }).ToArray();
        return new DataSet(accountList, repList, opps, IcpProfile.Default);
    }
}
