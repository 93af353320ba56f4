using System.Globalization;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Tests.Demo;

public sealed class DemoGeneratorTests
{
    private static readonly DateOnly AsOf = new(2025, 1, 15);

    private static readonly string[] KnownIndustries =
    [
        "Software", "Financial Services", "Insurance", "Healthcare", "Retail", "Manufacturing", "Telecommunications",
        "Media", "Logistics", "Professional Services", "Energy", "Hospitality", "Education", "Government",
    ];

    private static readonly string[] OpenStages = ["Discovery", "Qualification", "Proposal", "Negotiation"];

    // Generated once and shared: the default universe and a bigger one for share-of-population checks.
    private static readonly Lazy<DemoUniverse> Default = new(() => DemoGenerator.Generate(new DemoOptions(AsOf)));
    private static readonly Lazy<DemoUniverse> Large = new(() => DemoGenerator.Generate(new DemoOptions(AsOf, Accounts: 20_000, Reps: 25, Seed: 7)));

    [Fact]
    public void Generate_SameOptions_IdenticalDataAndLatentTruth()
    {
        var options = new DemoOptions(AsOf, Accounts: 1500, Reps: 6, Seed: 123);
        var a = DemoGenerator.Generate(options);
        var b = DemoGenerator.Generate(options);

        Assert.Equal(a.Data.Accounts.Select(Describe), b.Data.Accounts.Select(Describe));
        Assert.Equal(a.Data.Reps.Select(Describe), b.Data.Reps.Select(Describe));
        Assert.Equal(a.Data.Opportunities, b.Data.Opportunities);
        Assert.Equal(a.LatentPotentialArr.OrderBy(p => p.Key, StringComparer.Ordinal), b.LatentPotentialArr.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(a.LatentFit.OrderBy(p => p.Key, StringComparer.Ordinal), b.LatentFit.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentData()
    {
        var a = DemoGenerator.Generate(new DemoOptions(AsOf, Accounts: 500, Reps: 5, Seed: 1));
        var b = DemoGenerator.Generate(new DemoOptions(AsOf, Accounts: 500, Reps: 5, Seed: 2));

        Assert.NotEqual(a.Data.Accounts.Select(Describe), b.Data.Accounts.Select(Describe));
        Assert.NotEqual(a.LatentPotentialArr.Values, b.LatentPotentialArr.Values);
        Assert.NotEqual(a.Data.Reps.Select(r => r.TeamsAadObjectId), b.Data.Reps.Select(r => r.TeamsAadObjectId));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(250, 5)]
    [InlineData(4200, 8)]
    public void Generate_Counts_MatchOptionsWithManagerAndOps(int accounts, int reps)
    {
        var data = DemoGenerator.Generate(new DemoOptions(AsOf, accounts, reps)).Data;

        Assert.Equal(accounts, data.Accounts.Count);
        Assert.Equal(reps, data.Reps.Count(r => r.Role == RepRole.Rep));
        Assert.Single(data.Reps, r => r.Role == RepRole.Manager);
        Assert.Single(data.Reps, r => r.Role == RepRole.Ops);
        Assert.Equal("A000001", data.Accounts[0].AccountId);
        Assert.Equal("R001", data.Reps[0].RepId);
        Assert.All(data.Opportunities.Select((o, i) => (o, i)), x => Assert.Equal($"O{x.i + 1:D7}", x.o.OpportunityId));
    }

    [Fact]
    public void Generate_Team_ManagerManagesEveryRepAndOneRepRamps()
    {
        var reps = Default.Value.Data.Reps;
        var manager = Assert.Single(reps, r => r.Role == RepRole.Manager);

        Assert.All(reps.Where(r => r.Role == RepRole.Rep), r => Assert.Equal(manager.RepId, r.ManagerId));
        Assert.Single(reps, r => r.Ramping);
        Assert.Contains(reps, r => r.Role == RepRole.Rep && r.Seniority == Seniority.Junior);
        Assert.Contains(reps, r => r.Role == RepRole.Rep && r.Seniority == Seniority.Senior);
        Assert.All(reps.Where(r => r.Role == RepRole.Rep), r => Assert.InRange(r.IndustryStrengths.Count, 1, 3));
        // Quotas follow seniority: every senior's quota is above every non-ramping junior's.
        double seniorMin = reps.Where(r => r.Seniority == Seniority.Senior && r.Role == RepRole.Rep).Min(r => r.Quota!.Value);
        double juniorMax = reps.Where(r => r.Seniority == Seniority.Junior && !r.Ramping).Select(r => r.Quota!.Value).DefaultIfEmpty(0).Max();
        Assert.True(seniorMin > juniorMax);
        // Homes are spread: eight reps live in at least four different metros.
        Assert.True(reps.Where(r => r.Role == RepRole.Rep).Select(r => (Math.Round(r.Home!.Value.Latitude), Math.Round(r.Home!.Value.Longitude))).Distinct().Count() >= 4);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Generate_SmallTeam_NoRampingRep(int reps)
    {
        var data = DemoGenerator.Generate(new DemoOptions(AsOf, 200, reps)).Data;

        Assert.DoesNotContain(data.Reps, r => r.Ramping);
    }

    // Property: on many random shapes and seeds, every row obeys the DATA.md rules and the references hold.
    [Fact]
    public void Generate_RandomShapes_EveryFieldWithinDataRules()
    {
        var random = new Random(2024);
        for (int run = 0; run < 20; run++)
        {
            var options = new DemoOptions(AsOf, random.Next(1, 900), random.Next(1, 30), random.Next());
            AssertValid(DemoGenerator.Generate(options), options);
        }
    }

    [Fact]
    public void Generate_Default_EveryFieldWithinDataRules() => AssertValid(Default.Value, new DemoOptions(AsOf));

    [Fact]
    public void Generate_Large_CustomersAboutEightPercentAndBetterFitting()
    {
        var u = Large.Value;
        var accounts = u.Data.Accounts;
        double share = accounts.Count(a => a.IsCustomer) / (double)accounts.Count;

        Assert.InRange(share, 0.065, 0.095);
        double customerFit = accounts.Where(a => a.IsCustomer).Average(a => u.LatentFit[a.AccountId]);
        double prospectFit = accounts.Where(a => !a.IsCustomer).Average(a => u.LatentFit[a.AccountId]);
        Assert.True(customerFit > prospectFit + 0.05, $"customers {customerFit:F3} vs prospects {prospectFit:F3}");
    }

    [Fact]
    public void Generate_Customers_CurrentArrIsAFloorBelowLatentPotential()
    {
        var u = Large.Value;
        foreach (var a in u.Data.Accounts)
        {
            double potential = u.LatentPotentialArr[a.AccountId];
            Assert.True(a.CurrentArr <= potential, $"{a.AccountId}: ARR {a.CurrentArr} above potential {potential}");
            if (a.IsCustomer)
            {
                Assert.InRange(a.CurrentArr / potential, 0.19, 0.9);
            }
            else
            {
                Assert.Equal(0, a.CurrentArr);
            }
        }
    }

    [Fact]
    public void Generate_Large_ShapesOfTheUniverse()
    {
        var accounts = Large.Value.Data.Accounts;
        int n = accounts.Count;
        var employees = accounts.Select(a => (double)a.Employees).ToArray();

        Assert.Contains(accounts, a => a.Employees >= 50_000);
        Assert.InRange(Distribution.Percentile(employees, 0.5), 50, 300);
        Assert.InRange(accounts.Count(a => a.Employees is >= 20 and <= 500) / (double)n, 0.6, 0.9);
        Assert.InRange(accounts.Count(a => a.AnnualRevenue is null) / (double)n, 0.07, 0.13);
        Assert.InRange(accounts.Count(a => a.IntentScore is null) / (double)n, 0.1, 0.2);
        Assert.InRange(accounts.Count(a => a.OwnerId is null) / (double)n, 0.03, 0.07);
        Assert.InRange(accounts.Count(a => a.NamedAccount) / (double)n, 0.015, 0.035);
        Assert.True(accounts.Where(a => a.NamedAccount).Count(a => a.IsCustomer) >= 0.7 * accounts.Count(a => a.NamedAccount));
        Assert.True(accounts.Count(a => a.TechStack.Contains("Vantora")) > 0);
        Assert.Equal(n, accounts.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
        // Every listed industry is present and none dominates.
        Assert.All(KnownIndustries, i => Assert.InRange(accounts.Count(a => a.Industry == i) / (double)n, 0.01, 0.2));
        // Accounts cluster in metros: at least 30 distinct cities, the biggest metro holds the most accounts.
        Assert.True(accounts.Select(a => a.City).Distinct().Count() >= 30);
        Assert.Equal("New York", accounts.GroupBy(a => a.City).MaxBy(g => g.Count())!.Key);
    }

    [Fact]
    public void Generate_Locations_CityStateZipAndCoordinatesAgreeWithTheMetro()
    {
        var cities = DemoCatalog.Metros.SelectMany(m => m.Cities).ToDictionary(c => c.Name);

        Assert.All(Default.Value.Data.Accounts, a =>
        {
            var city = cities[a.City!];
            Assert.Equal(city.State, a.Region);
            Assert.InRange(int.Parse(a.PostalCode!, CultureInfo.InvariantCulture), city.ZipLow, city.ZipHigh);
            Assert.True(a.Location!.Value.DistanceKm(new GeoPoint(city.Latitude, city.Longitude)) <= 4 * city.SpreadKm + 0.1);
        });
    }

    [Fact]
    public void Generate_Large_RevenueFollowsEmployeesAndPotentialFollowsSize()
    {
        var u = Large.Value;
        var withRevenue = u.Data.Accounts.Where(a => a.AnnualRevenue is not null).ToArray();

        Assert.True(Distribution.Spearman(withRevenue.Select(a => (double)a.Employees).ToArray(), withRevenue.Select(a => a.AnnualRevenue!.Value).ToArray()) > 0.85);
        // The latent potential is recoverable from observables: size alone ranks it well.
        var accounts = u.Data.Accounts;
        Assert.True(Distribution.Spearman(accounts.Select(a => (double)a.Employees).ToArray(), accounts.Select(a => u.LatentPotentialArr[a.AccountId]).ToArray()) > 0.8);
    }

    [Fact]
    public void Generate_Large_IntentRisesWithLatentFit()
    {
        var u = Large.Value;
        var withIntent = u.Data.Accounts.Where(a => a.IntentScore is not null).ToArray();

        double rho = Distribution.Spearman(withIntent.Select(a => a.IntentScore!.Value).ToArray(), withIntent.Select(a => u.LatentFit[a.AccountId]).ToArray());

        Assert.InRange(rho, 0.3, 0.9);
    }

    [Fact]
    public void Generate_Large_LastYearsTiersOrderedByPotentialWithSomeMisclassified()
    {
        var u = Large.Value;
        var tiered = u.Data.Accounts.Where(a => a.CurrentTier is not null).ToArray();
        var medians = Enum.GetValues<Tier>()
            .Select(t => Distribution.Percentile(tiered.Where(a => a.CurrentTier == t).Select(a => u.LatentPotentialArr[a.AccountId]).ToArray(), 0.5))
            .ToArray();

        // Strategic > Enterprise > Commercial > SMB in median latent potential.
        Assert.True(medians[0] > medians[1] && medians[1] > medians[2] && medians[2] > medians[3]);
        // Some accounts are in a tier below one holding smaller accounts: last year's classification was imperfect.
        double smbP90 = Distribution.Percentile(tiered.Where(a => a.CurrentTier == Tier.SMB).Select(a => u.LatentPotentialArr[a.AccountId]).ToArray(), 0.99);
        Assert.True(smbP90 > medians[2]);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generate_DefaultShape_LastYearsPlanIsUneven(int seed)
    {
        var u = DemoGenerator.Generate(new DemoOptions(AsOf, Seed: seed));
        var potentialByRep = u.Data.Reps.Where(r => r.CarriesTerritory).Select(r => u.Data.Accounts.Where(a => a.OwnerId == r.RepId).Sum(a => u.LatentPotentialArr[a.AccountId])).ToArray();

        double ratio = potentialByRep.Max() / potentialByRep.Min();

        Assert.InRange(ratio, 2, 4.5);
    }

    [Fact]
    public void Generate_Plan_MostlyGeographic()
    {
        // Most of a rep's accounts sit within a few hundred km of the rep's home.
        var data = Default.Value.Data;
        var homes = data.Reps.Where(r => r.CarriesTerritory).ToDictionary(r => r.RepId, r => r.Home!.Value);
        var owned = data.Accounts.Where(a => a.OwnerId is not null).ToArray();

        double near = owned.Count(a => a.Location!.Value.DistanceKm(homes[a.OwnerId!]) < 1200) / (double)owned.Length;

        Assert.True(near > 0.8, $"{near:P0} of owned accounts within 1,200 km of the owner's home");
    }

    [Fact]
    public void Generate_ClosedDeals_WinRatesDifferByRepAndIndustry()
    {
        var data = Large.Value.Data;
        var industryOf = data.Accounts.ToDictionary(a => a.AccountId, a => a.Industry);
        var closed = data.Opportunities.Where(o => o.IsClosed).ToArray();

        var byRep = closed.GroupBy(o => o.OwnerId).Where(g => g.Count() >= 60).Select(g => g.Count(o => o.IsWon) / (double)g.Count()).ToArray();
        var byIndustry = closed.GroupBy(o => industryOf[o.AccountId]).Where(g => g.Count() >= 150).Select(g => g.Count(o => o.IsWon) / (double)g.Count()).ToArray();

        Assert.True(byRep.Length >= 10);
        Assert.True(byRep.Max() - byRep.Min() >= 0.12, $"rep win rates {byRep.Min():P0}–{byRep.Max():P0}");
        Assert.True(byIndustry.Length >= 8);
        Assert.True(byIndustry.Max() - byIndustry.Min() >= 0.07, $"industry win rates {byIndustry.Min():P0}–{byIndustry.Max():P0}");
    }

    [Fact]
    public void Generate_Customers_WonDealsAddUpToCurrentArr()
    {
        var data = Default.Value.Data;
        var won = data.Opportunities.Where(o => o.IsWon).GroupBy(o => o.AccountId).ToDictionary(g => g.Key, g => g.Sum(o => o.Amount));

        Assert.All(data.Accounts.Where(a => a.IsCustomer), a => Assert.Equal(a.CurrentArr, won[a.AccountId], 0));
        Assert.All(won.Keys, id => Assert.True(data.Accounts.Single(a => a.AccountId == id).IsCustomer));
    }

    [Fact]
    public void Generate_Activity_RecentForCustomersAndOpenDeals()
    {
        var data = Default.Value.Data;
        var openAccounts = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();

        Assert.All(data.Accounts.Where(a => a.IsCustomer || openAccounts.Contains(a.AccountId)), a =>
            Assert.True(a.LastActivityDate >= AsOf.AddDays(-200), $"{a.AccountId}: {a.LastActivityDate}"));
        Assert.Contains(data.Accounts, a => a.LastActivityDate is null);
        Assert.Contains(data.Accounts, a => a.RelationshipNotes is not null);
        Assert.Contains(data.Opportunities, o => o.Notes is not null);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(-5, 8)]
    [InlineData(10, 0)]
    [InlineData(DemoOptions.MaxAccounts + 1, 8)]
    [InlineData(10, DemoOptions.MaxReps + 1)]
    public void Generate_BadCounts_Throws(int accounts, int reps)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(new DemoOptions(AsOf, accounts, reps)));
    }

    [Fact]
    public void Generate_Null_Throws() => Assert.Throws<ArgumentNullException>(() => DemoGenerator.Generate(null!));

    [Fact]
    public void LatentMaps_LookupByAccountId_OnlyCanonicalIds()
    {
        var u = DemoGenerator.Generate(new DemoOptions(AsOf, Accounts: 20, Reps: 2));

        Assert.Equal(20, u.LatentFit.Count);
        Assert.True(u.LatentFit.ContainsKey("A000020"));
        Assert.False(u.LatentFit.ContainsKey("A000021"));
        Assert.False(u.LatentFit.ContainsKey("A20"));
        Assert.False(u.LatentFit.ContainsKey("B000001"));
        Assert.False(u.LatentPotentialArr.TryGetValue("A000000", out _));
        Assert.Throws<KeyNotFoundException>(() => u.LatentPotentialArr["nope"]);
        Assert.Equal(u.Data.Accounts.Select(a => a.AccountId), u.LatentFit.Keys);
        Assert.Equal(u.LatentFit.Values, u.LatentFit.Select(p => p.Value));
    }

    private static void AssertValid(DemoUniverse u, DemoOptions options)
    {
        var data = u.Data;
        var repsById = data.Reps.ToDictionary(r => r.RepId);
        var accountIds = data.Accounts.Select(a => a.AccountId).ToHashSet();
        Assert.Equal(data.Accounts.Count, accountIds.Count);
        Assert.Equal(data.Reps.Count, repsById.Count);
        Assert.Equal(data.Opportunities.Count, data.Opportunities.Select(o => o.OpportunityId).Distinct().Count());
        Assert.Equal(accountIds.Count, u.LatentFit.Count);
        Assert.Equal(accountIds.Count, u.LatentPotentialArr.Count);

        foreach (var a in data.Accounts)
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Name));
            Assert.Contains(a.Industry, KnownIndustries);
            Assert.True(a.Employees >= 1);
            Assert.True(a.AnnualRevenue is null or > 0);
            Assert.Equal("US", a.Country);
            Assert.Matches("^[A-Z]{2}$", a.Region);
            Assert.Matches("^[0-9]{5}$", a.PostalCode);
            var location = Assert.NotNull(a.Location);
            Assert.InRange(location.Latitude, 24.5, 49.5);
            Assert.InRange(location.Longitude, -125, -66.5);
            Assert.All(a.TechStack, t => Assert.False(string.IsNullOrWhiteSpace(t) || t.Contains(';')));
            Assert.Equal(a.TechStack.Count, a.TechStack.Distinct().Count());
            Assert.True(a.GrowthRate is null or (> -1 and < 3));
            Assert.True(a.IntentScore is null or (>= 0 and <= 100));
            Assert.True(a.CurrentArr >= 0);
            Assert.True(a.IsCustomer || a.CurrentArr == 0);
            Assert.True(a.CurrentArr <= u.LatentPotentialArr[a.AccountId]);
            if (a.OwnerId is not null)
            {
                Assert.Equal(RepRole.Rep, repsById[a.OwnerId].Role);
                Assert.NotNull(a.CurrentTier);
            }

            Assert.True(!a.NamedAccount || a.OwnerId is not null, $"{a.AccountId} is named but unowned");
            Assert.True(!a.IsCustomer || a.OwnerId is not null, $"{a.AccountId} is a customer but unowned");
            Assert.True(a.LastActivityDate is null || a.LastActivityDate <= options.AsOf);
            Assert.InRange(u.LatentFit[a.AccountId], 0, 1);
            Assert.True(u.LatentPotentialArr[a.AccountId] > 0);
        }

        var manager = data.Reps.Single(r => r.Role == RepRole.Manager);
        foreach (var r in data.Reps)
        {
            Assert.Matches("^R[0-9]{3,}$", r.RepId);
            Assert.False(string.IsNullOrWhiteSpace(r.Name));
            Assert.Matches("^[a-z.0-9]+@example\\.com$", r.Email);
            Assert.Matches("^U[A-Z0-9]{10}$", r.SlackUserId);
            Assert.True(Guid.TryParseExact(r.TeamsAadObjectId, "D", out _));
            var home = Assert.NotNull(r.Home);
            Assert.InRange(home.Latitude, 24.5, 49.5);
            Assert.InRange(home.Longitude, -125, -66.5);
            Assert.Matches("^[A-Z]{2}$", r.Region);
            if (r.Role == RepRole.Rep)
            {
                Assert.Equal(manager.RepId, r.ManagerId);
                Assert.True(r.Quota > 0);
                Assert.True(r.Capacity >= 1);
                Assert.All(r.IndustryStrengths, s => Assert.Contains(s, KnownIndustries));
            }
        }

        Assert.Equal(data.Reps.Count, data.Reps.Select(r => r.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(data.Reps.Count, data.Reps.Select(r => r.SlackUserId).Distinct().Count());

        foreach (var o in data.Opportunities)
        {
            Assert.Contains(o.AccountId, accountIds);
            Assert.Equal(RepRole.Rep, repsById[o.OwnerId].Role);
            Assert.True(o.Amount >= 0);
            Assert.True(o.IsClosed || OpenStages.Contains(o.Stage), o.Stage);
            Assert.True(o.CreatedDate <= options.AsOf);
            Assert.True(o.LastActivityDate <= options.AsOf);
            Assert.True(o.CreatedDate <= o.LastActivityDate);
            Assert.True(o.CreatedDate < o.CloseDate);
            if (o.IsClosed)
            {
                Assert.True(o.CloseDate < options.AsOf);
            }
        }
    }

    // Records with list members compare lists by reference; this flattens everything for value comparison.
    private static string Describe(Account a) => string.Join('|', a with { TechStack = [] }, string.Join(';', a.TechStack));

    private static string Describe(Rep r) => string.Join('|', r with { IndustryStrengths = [] }, string.Join(';', r.IndustryStrengths));
}
