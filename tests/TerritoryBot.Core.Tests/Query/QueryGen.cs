using CsCheck;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Core.Tests.Query;

/// <summary>A small universe for the query engine: data, scores and the date, all from shrinking generators.</summary>
internal sealed record Universe(DataSet Data, AccountScore[] Scores, DateOnly AsOf)
{
    public AccountTable Table() => AccountTable.Build(Data, Scores, AsOf);

    /// <summary>The accounts a scope may see, computed here without the engine.</summary>
    public HashSet<string> Visible(QueryScope scope) =>
        [.. Data.Accounts.Where(a => scope.Everything || (a.OwnerId is { } o && scope.OwnerIds.Contains(o))).Select(a => a.AccountId)];

    public override string ToString() =>
        $"{Data.Accounts.Count} accounts, {Data.Opportunities.Count} opportunities: " +
        string.Join("; ", Data.Accounts.Select(a => $"{a.AccountId} {a.Industry}/{a.Region}/{a.OwnerId} arr={a.CurrentArr}"));
}

/// <summary>Generators for universes, filters, measures and queries; small value pools so filters hit and ties happen.</summary>
internal static class QueryGen
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);
    public static readonly string[] Industries = ["Software", "Healthcare", "Retail", "healthcare"];
    public static readonly string?[] Regions = ["TX", "Texas", "CA", "california", "Ontario", null];
    public static readonly string?[] Cities = ["Austin", "Dallas", "Seattle", null];
    public static readonly string[] Techs = ["Snowflake", "Salesforce", "AWS"];
    public static readonly string[] Stages = ["Discovery", "Negotiation", "Closed Won", "Closed Lost"];
    public static readonly string[] RepIds = ["r0", "r1", "r2", "r3"];

    private static readonly Rep[] Reps =
    [
        new() { RepId = "r0", Name = "Ada Zero", ManagerId = "m0" },
        new() { RepId = "r1", Name = "Bo One", ManagerId = "m0" },
        new() { RepId = "r2", Name = "Cy Two", ManagerId = "m1" },
        new() { RepId = "r3", Name = "Di Three", ManagerId = "m1" },
        new() { RepId = "m0", Name = "Mo Manager", Role = RepRole.Manager },
        new() { RepId = "m1", Name = "Mia Manager", Role = RepRole.Manager },
        new() { RepId = "ops", Name = "Ops Person", Role = RepRole.Ops },
    ];

    private sealed record Firmo(int Industry, int Region, int City, int Owner, int TechMask, int Employees, int? Revenue, int? Growth);

    private sealed record Scored(int Arr, int Potential, int? Activity, AccountStatus Status, Tier Tier, int Fit, bool Named, bool Whitespace);

    private static readonly Gen<Firmo> FirmoGen = Gen.Select(
        Gen.Int[0, Industries.Length - 1], Gen.Int[0, Regions.Length - 1], Gen.Int[0, Cities.Length - 1], Gen.Int[-1, RepIds.Length - 1],
        Gen.Int[0, 7], Gen.Int[0, 50], Gen.Int[0, 20].Nullable(0.2), Gen.Int[-20, 60].Nullable(0.2),
        (i, r, c, o, t, e, rev, g) => new Firmo(i, r, c, o, t, e * 100, rev * 100_000, g));

    private static readonly Gen<Scored> ScoredGen = Gen.Select(
        Gen.Int[0, 5], Gen.Int[0, 10], Gen.Int[0, 400].Nullable(0.3), Gen.Enum<AccountStatus>(), Gen.Enum<Tier>(), Gen.Int[1, 5], Gen.Bool, Gen.Bool,
        (a, p, act, s, t, f, n, w) => new Scored(a * 10_000, p * 10_000, act, s, t, f, n, w));

    private static readonly Gen<(int Stage, int Amount)[]> DealsGen =
        Gen.Select(Gen.Int[0, Stages.Length - 1], Gen.Int[0, 5]).Array[0, 3];

    public static readonly Gen<Universe> UniverseGen =
        Gen.Select(FirmoGen, ScoredGen, DealsGen).Array[0, 30].Select(Build);

    private static Universe Build((Firmo F, Scored S, (int Stage, int Amount)[] Deals)[] rows)
    {
        var accounts = new List<Account>();
        var scores = new List<AccountScore>();
        var opportunities = new List<Opportunity>();
        for (int i = 0; i < rows.Length; i++)
        {
            var (f, s, deals) = rows[i];
            var id = $"a{i:00}";
            accounts.Add(new Account
            {
                AccountId = id,
                Name = $"Account {i}",
                Industry = Industries[f.Industry],
                Employees = f.Employees,
                AnnualRevenue = f.Revenue,
                Region = Regions[f.Region],
                City = Cities[f.City],
                TechStack = [.. Techs.Where((_, t) => (f.TechMask & (1 << t)) != 0)],
                GrowthRate = f.Growth / 100.0,
                IsCustomer = s.Status == AccountStatus.ActiveCustomer,
                CurrentArr = s.Arr,
                OwnerId = f.Owner < 0 ? null : RepIds[f.Owner],
                NamedAccount = s.Named,
                LastActivityDate = s.Activity is { } days ? AsOf.AddDays(-days) : null,
            });
            scores.Add(new AccountScore
            {
                AccountId = id,
                IcpFit = s.Fit,
                OpportunityScore = s.Fit * 20,
                PotentialArr = s.Potential,
                PotentialLow = s.Potential,
                PotentialHigh = s.Potential,
                Tier = s.Tier,
                Status = s.Status,
                Priority = Priority.Medium,
                Whitespace = s.Whitespace,
            });
            for (int d = 0; d < deals.Length; d++)
            {
                opportunities.Add(new Opportunity
                {
                    OpportunityId = $"o{i:00}-{d}",
                    AccountId = id,
                    OwnerId = f.Owner < 0 ? "r0" : RepIds[f.Owner],
                    Amount = deals[d].Amount * 5_000,
                    Stage = Stages[deals[d].Stage],
                });
            }
        }

        return new Universe(new DataSet(accounts, Reps, opportunities, IcpProfile.Default), [.. scores], AsOf);
    }

    public static readonly Gen<QueryScope> ScopeGen = Gen.OneOf(
        Gen.Const(QueryScope.All),
        Gen.Const(QueryScope.Owners(["r0"])),
        Gen.Const(QueryScope.Owners(["r0", "r1"])),
        Gen.Const(QueryScope.Owners(["r2", "r3", "gone"])),
        Gen.Const(QueryScope.Owners([])));

    /// <summary>Filters over every kind of field, plain or negated; owner filters may be refused outside ops scope.</summary>
    public static readonly Gen<QueryFilter> FilterGen = Gen.Select(
        Gen.OneOf(
            Gen.Int[0, Industries.Length - 1].Select(i => QueryFilter.Is(QueryField.Industry, Industries[i])),
            Gen.Int[0, Regions.Length - 2].Select(i => QueryFilter.Is(QueryField.State, Regions[i]!)),
            Gen.Int[0, Cities.Length - 2].Select(i => QueryFilter.Is(QueryField.City, Cities[i]!)),
            Gen.Enum<AccountStatus>().Select(s => QueryFilter.Is(QueryField.Status, s.ToString())),
            Gen.Enum<Tier>().Select(t => QueryFilter.Is(QueryField.Tier, t.ToString())),
            Gen.Bool.Select(b => QueryFilter.Flag(QueryField.Named, b)),
            Gen.Bool.Select(b => QueryFilter.Flag(QueryField.Customer, b)),
            Gen.Int[0, 5].Select(x => QueryFilter.Above(QueryField.CurrentArr, x * 10_000)),
            Gen.Int[0, 10].Select(x => QueryFilter.AtMost(QueryField.PotentialArr, x * 10_000)),
            Gen.Select(Gen.Int[0, 50], Gen.Int[0, 50]).Select((a, b) => QueryFilter.Between(QueryField.Employees, Math.Min(a, b) * 100, Math.Max(a, b) * 100)),
            Gen.Int[0, 400].Select(d => QueryFilter.AtMost(QueryField.LastActivityDays, d)),
            Gen.Int[-20, 60].Select(g => QueryFilter.AtLeast(QueryField.Growth, g / 100.0)),
            Gen.Int[0, Techs.Length - 1].Select(t => QueryFilter.Is(QueryField.Tech, Techs[t])),
            Gen.Int[0, 1].Select(s => QueryFilter.Is(QueryField.OpenStage, Stages[s])),
            Gen.Int[0, 5].Select(x => QueryFilter.Above(QueryField.OpenPipeline, x * 5_000)),
            Gen.Const(QueryFilter.Missing(QueryField.Revenue)),
            Gen.Const(QueryFilter.Contains(QueryField.Name, "1")),
            Gen.Int[1, 10].Select(n => QueryFilter.Top(QueryField.PotentialArr, n)),
            Gen.Int[1, 10].Select(n => QueryFilter.Bottom(QueryField.Growth, n)),
            Gen.Int[0, RepIds.Length - 1].Select(r => QueryFilter.Is(QueryField.Owner, RepIds[r]))),
        Gen.Bool,
        (filter, negated) => negated ? filter.Not() : filter);

    public static readonly Gen<QueryMeasure> MeasureGen = Gen.OneOf(
        Gen.Const(QueryMeasure.Count),
        Gen.Const(QueryMeasure.Sum(QueryField.CurrentArr)),
        Gen.Const(QueryMeasure.Sum(QueryField.OpenPipeline)),
        Gen.Const(QueryMeasure.Average(QueryField.Growth)),
        Gen.Const(QueryMeasure.Median(QueryField.PotentialArr)),
        Gen.Const(QueryMeasure.Min(QueryField.Revenue)),
        Gen.Const(QueryMeasure.Max(QueryField.LastActivityDays)),
        Gen.Const(QueryMeasure.Share()),
        Gen.Const(QueryMeasure.Share(QueryField.PotentialArr)),
        Gen.Const(QueryMeasure.Penetration),
        Gen.Const(QueryMeasure.CustomerRate));

    /// <summary>Measures whose group figures add up to the total.</summary>
    public static readonly Gen<QueryMeasure> AdditiveMeasureGen = Gen.OneOf(
        Gen.Const(QueryMeasure.Count),
        Gen.Const(QueryMeasure.Sum(QueryField.CurrentArr)),
        Gen.Const(QueryMeasure.Sum(QueryField.Revenue)),
        Gen.Const(QueryMeasure.Sum(QueryField.OpenPipeline)),
        Gen.Const(QueryMeasure.Share()),
        Gen.Const(QueryMeasure.Share(QueryField.PotentialArr)));

    public static readonly Gen<QueryField> GroupGen = Gen.OneOf(
        QueryField.Industry, QueryField.State, QueryField.City, QueryField.Owner, QueryField.Team, QueryField.Status,
        QueryField.Tier, QueryField.Named, QueryField.Whitespace, QueryField.IcpFit, QueryField.FundingStage);

    public static readonly Gen<QueryField> NumericGen = Gen.OneOf(
        QueryField.CurrentArr, QueryField.PotentialArr, QueryField.Growth, QueryField.Employees, QueryField.Revenue,
        QueryField.LastActivityDays, QueryField.OpenPipeline, QueryField.IcpFit);

    public static readonly Gen<QueryRank> RankGen = Gen.Select(NumericGen, Gen.Bool, Gen.Int[1, 12].Nullable(0.3), (f, asc, n) => new QueryRank(f, asc, n));

    public static readonly Gen<AccountQuery> QueryGenerator = Gen.Select(
        FilterGen.Array[0, 3], MeasureGen, GroupGen.Nullable(0.5), RankGen.Null(0.5), Gen.Int[0, 5],
        (filters, measure, group, rank, rows) => new AccountQuery
        {
            Filters = filters,
            Measure = measure,
            GroupBy = group,
            Rank = rank,
            ListFields = [QueryField.CurrentArr, QueryField.State, QueryField.Tech, QueryField.Named],
            RowLimit = rows,
        });
}
