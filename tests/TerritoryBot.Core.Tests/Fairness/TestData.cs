using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Tests.Fairness;

/// <summary>Builds small universes with potentials chosen by the test (scores are crafted, not computed).</summary>
internal sealed class TestData
{
    private readonly List<Account> accounts = [];
    private readonly List<Rep> reps = [];
    private readonly List<Opportunity> opportunities = [];
    private readonly List<AccountScore> scores = [];

    public TestData Rep(string id, Seniority seniority = Seniority.Mid, double? quota = null, string[]? strengths = null,
        GeoPoint? home = null, int? capacity = null, RepRole role = RepRole.Rep)
    {
        reps.Add(new Rep
        {
            RepId = id,
            Name = "Rep " + id,
            Seniority = seniority,
            Quota = quota,
            IndustryStrengths = strengths ?? [],
            Home = home,
            Capacity = capacity,
            Role = role,
        });
        return this;
    }

    public TestData Account(string id, string? owner, double potential, string industry = "Software", bool named = false,
        string? notes = null, GeoPoint? at = null, string? city = null, string? region = null, double currentArr = 0,
        Tier tier = Tier.Commercial, AccountStatus status = AccountStatus.ColdProspect)
    {
        accounts.Add(new Account
        {
            AccountId = id,
            Name = "Company " + id,
            Industry = industry,
            Employees = 500,
            OwnerId = owner,
            NamedAccount = named,
            RelationshipNotes = notes,
            Location = at,
            City = city,
            Region = region,
            CurrentArr = currentArr,
            IsCustomer = currentArr > 0,
        });
        scores.Add(new AccountScore
        {
            AccountId = id,
            IcpFit = 3,
            OpportunityScore = 50,
            PotentialArr = potential,
            PotentialLow = potential * 0.8,
            PotentialHigh = potential * 1.2,
            Tier = tier,
            Status = status,
            Priority = Priority.Medium,
            Whitespace = false,
        });
        return this;
    }

    public TestData Opportunity(string accountId, string owner, double amount, string stage = "Negotiation", DateOnly? closed = null)
    {
        opportunities.Add(new Opportunity
        {
            OpportunityId = "O" + (opportunities.Count + 1),
            AccountId = accountId,
            OwnerId = owner,
            Amount = amount,
            Stage = stage,
            CloseDate = closed,
        });
        return this;
    }

    public DataSet Data => new(accounts.ToArray(), reps.ToArray(), opportunities.ToArray(), IcpProfile.Default);

    public IReadOnlyList<AccountScore> Scores => scores.ToArray();

    /// <summary>
    /// A random universe: reps with random strengths and homes, accounts with heavy-tailed potential,
    /// random owners (some unassigned), some named, some with notes or open deals.
    /// </summary>
    public static TestData Random(int seed, int accountCount, int repCount, double namedShare = 0.05, double unassignedShare = 0.05, double maxPotential = 2_000_000)
    {
        var rng = new Random(seed);
        string[] industries = ["Software", "Healthcare", "Retail", "Manufacturing", "Financial Services"];
        var t = new TestData();
        for (int r = 0; r < repCount; r++)
        {
            t.Rep($"R{r}", (Seniority)rng.Next(3), quota: rng.Next(2) == 0 ? null : 500_000 + rng.Next(10) * 100_000,
                strengths: [industries[rng.Next(industries.Length)]],
                home: new GeoPoint(30 + rng.NextDouble() * 15, -120 + rng.NextDouble() * 45), capacity: 20 + rng.Next(40));
        }

        for (int i = 0; i < accountCount; i++)
        {
            string? owner = rng.NextDouble() < unassignedShare ? null : $"R{rng.Next(repCount)}";
            double potential = Math.Min(maxPotential, 10_000 * Math.Exp(rng.NextDouble() * 4));
            t.Account($"A{i}", owner, potential, industries[rng.Next(industries.Length)],
                named: owner is not null && rng.NextDouble() < namedShare,
                notes: rng.NextDouble() < 0.1 ? "met the CFO" : null,
                at: new GeoPoint(30 + rng.NextDouble() * 15, -120 + rng.NextDouble() * 45),
                city: $"City{rng.Next(20)}", region: $"S{rng.Next(6)}",
                currentArr: rng.NextDouble() < 0.2 ? potential * rng.NextDouble() : 0,
                tier: (Tier)rng.Next(4), status: (AccountStatus)rng.Next(4));
            if (owner is not null && rng.NextDouble() < 0.1)
            {
                t.Opportunity($"A{i}", owner, 20_000 + rng.Next(100_000));
            }
        }

        return t;
    }
}
