using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Coverage;

/// <summary>
/// Coverage gaps: potential against rep capacity by segment and region, spatial clusters of
/// high-potential accounts that nobody covers (no owner, or an owner over capacity), the revenue
/// opportunity cost of each gap, and where one added rep would recover the most.
/// </summary>
/// <remarks>
/// Coverage model: a rep with n accounts and capacity c covers each account with share
/// min(1, c / n) — an overloaded rep spreads thin rather than dropping a fixed list. Unassigned
/// accounts have share 0; accounts held by someone without a territory (a manager) count as covered.
/// Opportunity cost of an account = potential × (1 − share) × win rate, the expected yearly revenue
/// that goes unwon because nobody has time for it.
/// </remarks>
public static class CoverageEngine
{
    /// <summary>Analyses <paramref name="assignments"/> (null: the accounts' current owners).</summary>
    /// <param name="data">The account universe and team.</param>
    /// <param name="scores">One score per account, e.g. <c>ScoringEngine.Score(data, asOf).Accounts</c>.</param>
    /// <param name="assignments">Account → rep; null for the current owners; missing accounts are unassigned.</param>
    /// <param name="options">Capacity default, clustering and win-rate settings; defaults when null.</param>
    public static CoverageReport Analyze(
        DataSet data,
        IReadOnlyList<AccountScore> scores,
        IReadOnlyList<Assignment>? assignments = null,
        CoverageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scores);
        options ??= CoverageOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.DefaultCapacity);
        if (!(options.HighPotentialQuantile is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HighPotentialQuantile, "HighPotentialQuantile must be in [0, 1].");
        }

        if (!(options.ClusterRadiusKm is >= 0.01 and <= 2000))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ClusterRadiusKm, "ClusterRadiusKm must be between 0.01 and 2000.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinClusterAccounts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxClusters);
        if (options.WinRate is { } fixedRate && !(fixedRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), fixedRate, "WinRate must be in [0, 1].");
        }

        if (!(options.PriorWinRate is >= 0 and <= 1) || !(options.PriorDeals >= 0) || !double.IsFinite(options.PriorDeals))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PriorWinRate must be in [0, 1] and PriorDeals ≥ 0.");
        }

        var book = Book.Create(data, scores, assignments, asOf: null);
        var accounts = data.Accounts;
        int n = book.RepCount, m = book.AccountCount;

        // Capacity and load per rep.
        var capacity = new int[n];
        var count = new int[n];
        var repPotential = new double[n];
        for (int r = 0; r < n; r++)
        {
            capacity[r] = book.Reps[r].Capacity is { } c ? Math.Max(0, c) : options.DefaultCapacity;
        }

        for (int i = 0; i < m; i++)
        {
            if (book.Owner[i] >= 0)
            {
                count[book.Owner[i]]++;
                repPotential[book.Owner[i]] += book.Potential[i];
            }
        }

        var share = new double[n];
        for (int r = 0; r < n; r++)
        {
            share[r] = count[r] <= capacity[r] ? 1 : (double)capacity[r] / count[r];
        }

        var (winRate, closed) = WinRate(data, options);
        var covered = new double[m];
        var uncovered = new double[m];
        var cost = new double[m];
        for (int i = 0; i < m; i++)
        {
            int o = book.Owner[i];
            covered[i] = o >= 0 ? share[o] : o == Book.HeldOutside ? 1 : 0;
            uncovered[i] = book.Potential[i] * (1 - covered[i]);
            cost[i] = uncovered[i] * winRate;
        }

        var bySegment = Slices(m, i => book.Scores[i].Tier.ToString(), book, covered, uncovered, cost,
            Enum.GetValues<Tier>().Select(t => t.ToString()).ToArray());
        var byRegion = Slices(m, i => RegionOf(accounts[i]), book, covered, uncovered, cost, null);

        var reps = new RepLoad[n];
        for (int r = 0; r < n; r++)
        {
            double unc = repPotential[r] * (1 - share[r]);
            reps[r] = new RepLoad(book.Reps[r].RepId, Book.Who(book.Reps[r]), count[r], capacity[r], book.Reps[r].Capacity is null,
                capacity[r] > 0 ? count[r] * 100.0 / capacity[r] : (count[r] > 0 ? double.PositiveInfinity : 0), repPotential[r], unc, unc * winRate);
        }

        // High-potential accounts nobody fully covers, clustered in space.
        double threshold = m > 0 ? Distribution.Percentile(book.Potential, options.HighPotentialQuantile) : 0;
        var gapIndex = new List<int>();
        int unlocated = 0;
        for (int i = 0; i < m; i++)
        {
            if (covered[i] < 1 && book.Potential[i] > 0 && book.Potential[i] >= threshold)
            {
                if (accounts[i].Location is null)
                {
                    unlocated++;
                }
                else
                {
                    gapIndex.Add(i);
                }
            }
        }

        var labels = SpatialClusters.Dbscan(gapIndex.Select(i => accounts[i].Location!.Value).ToArray(), options.ClusterRadiusKm, options.MinClusterAccounts);
        int clusterCount = labels.Length == 0 ? 0 : labels.Max() + 1;
        var members = new List<int>[clusterCount];
        for (int k = 0; k < clusterCount; k++)
        {
            members[k] = [];
        }

        for (int g = 0; g < labels.Length; g++)
        {
            if (labels[g] >= 0)
            {
                members[labels[g]].Add(gapIndex[g]);
            }
        }

        var clusters = members
            .Select(list => Cluster(book, list, uncovered, cost, count, capacity))
            .OrderByDescending(c => c.OpportunityCost).ThenByDescending(c => c.PotentialArr).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ThenBy(c => c.AccountIds[0], StringComparer.Ordinal)
            .Select((c, k) => c with { Id = k + 1 })
            .ToArray();

        // One more rep of average capacity: which target recovers the most opportunity cost?
        double averageCapacity = n > 0 ? capacity.Average() : options.DefaultCapacity;
        int newCapacity = (int)Math.Floor(averageCapacity);
        var candidates = new List<HeadcountRecommendation>();
        foreach (var c in clusters)
        {
            var ids = c.AccountIds.Select(id => Index(book, id)).ToList();
            candidates.Add(Recover(book, HeadcountTarget.Cluster, c.Label, c.Id, ids, newCapacity, cost, covered, count, capacity, repPotential, share, winRate));
        }

        var uncoveredByRegion = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < m; i++)
        {
            if (covered[i] < 1 && book.Potential[i] > 0)
            {
                string key = RegionOf(accounts[i]);
                if (!uncoveredByRegion.TryGetValue(key, out var list))
                {
                    uncoveredByRegion[key] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var region in byRegion)
        {
            if (!uncoveredByRegion.TryGetValue(region.Name, out var ids))
            {
                continue;
            }

            candidates.Add(Recover(book, HeadcountTarget.Region, region.Name, null, ids, newCapacity, cost, covered, count, capacity, repPotential, share, winRate));
        }

        var ranked = candidates.Where(c => c.RecoveredOpportunityCost > 0)
            .OrderByDescending(c => c.RecoveredOpportunityCost).ThenBy(c => c.Kind).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToArray();
        HeadcountRecommendation? best = null;
        if (ranked.Length > 0)
        {
            var top = ranked[0];
            string vs = ranked.Length > 1
                ? $", against {Format.Money(ranked[1].RecoveredOpportunityCost)} for the runner-up ({Describe(ranked[1])})"
                : "";
            best = top with
            {
                Sentence = $"One more rep ({newCapacity} accounts of capacity) pays most in {Describe(top)}: taking its {top.AccountsTaken} most valuable "
                    + $"uncovered accounts brings {Format.Money(top.RecoveredPotential)} of potential under coverage and recovers "
                    + $"{Format.Money(top.RecoveredOpportunityCost)} of expected revenue a year at a {Wording.Pct(winRate * 100)} win rate{vs}.",
            };
        }

        double totalPotential = book.Potential.Sum();
        double totalUncovered = uncovered.Sum();
        var summary = new CoverageSummary(
            m,
            count.Sum(),
            book.Owner.Count(o => o == Book.Unassigned),
            n,
            capacity.Sum(c => (double)c),
            averageCapacity,
            book.Reps.Count(r => r.Capacity is null),
            totalPotential,
            totalPotential - totalUncovered,
            totalUncovered,
            cost.Sum(),
            winRate,
            closed,
            threshold,
            gapIndex.Count + unlocated,
            unlocated);

        var findings = Findings(summary, reps, clusters, options);
        return new CoverageReport(summary, bySegment, byRegion, reps,
            clusters.Take(options.MaxClusters).ToArray(), clusters.Length, best, ranked.Take(5).ToArray(), findings);
    }

    /// <summary>Team win rate from closed deals, beta-smoothed toward the prior (the fit engine's smoothing).</summary>
    private static (double Rate, int Closed) WinRate(DataSet data, CoverageOptions options)
    {
        int won = 0, closed = 0;
        foreach (var o in data.Opportunities)
        {
            if (o.IsClosed)
            {
                closed++;
                if (o.IsWon)
                {
                    won++;
                }
            }
        }

        if (options.WinRate is { } fixedRate)
        {
            return (fixedRate, closed);
        }

        return (Fit.WinRate.Smooth(won, closed, options.PriorWinRate, options.PriorDeals).Smoothed, closed);
    }

    private static string RegionOf(Account a) => string.IsNullOrWhiteSpace(a.Region) ? "(no region)" : a.Region.Trim();

    private static int Index(Book book, string accountId)
    {
        // Cluster member lists are small; a linear id lookup would not be, so use the data's order via a cache.
        book.IdIndex ??= Enumerable.Range(0, book.AccountCount).ToDictionary(i => book.Data.Accounts[i].AccountId, i => i, StringComparer.Ordinal);
        return book.IdIndex[accountId];
    }

    private static CoverageSlice[] Slices(int m, Func<int, string> key, Book book, double[] covered, double[] uncovered, double[] cost, string[]? order)
    {
        var map = new Dictionary<string, (int Accounts, int Unassigned, double Potential, double Capacity, double Uncovered, double Cost)>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < m; i++)
        {
            string k = key(i);
            var s = map.GetValueOrDefault(k);
            map[k] = (s.Accounts + 1, s.Unassigned + (book.Owner[i] == Book.Unassigned ? 1 : 0), s.Potential + book.Potential[i],
                s.Capacity + (book.Owner[i] >= 0 ? covered[i] : 0), s.Uncovered + uncovered[i], s.Cost + cost[i]);
        }

        var slices = map.Select(kv => new CoverageSlice(kv.Key, kv.Value.Accounts, kv.Value.Unassigned, kv.Value.Potential, kv.Value.Capacity,
            kv.Value.Potential - kv.Value.Uncovered, kv.Value.Uncovered,
            kv.Value.Potential > 0 ? (kv.Value.Potential - kv.Value.Uncovered) * 100 / kv.Value.Potential : 100, kv.Value.Cost));
        return order is not null
            ? slices.OrderBy(s => Array.IndexOf(order, s.Name) is var at && at < 0 ? int.MaxValue : at).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray()
            : slices.OrderByDescending(s => s.OpportunityCost).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray();
    }

    private static GapCluster Cluster(Book book, List<int> list, double[] uncovered, double[] cost, int[] count, int[] capacity)
    {
        var accounts = book.Data.Accounts;
        var centroid = SpatialClusters.Centroid(list.Select(i => accounts[i].Location!.Value));
        double radius = list.Max(i => accounts[i].Location!.Value.DistanceKm(centroid));

        // The metro is the city holding most of the cluster's potential, named with its region.
        var label = list
            .GroupBy(i => (City: accounts[i].City?.Trim() ?? "", Region: accounts[i].Region?.Trim() ?? ""))
            .Select(g => (g.Key, Potential: g.Sum(i => book.Potential[i])))
            .OrderByDescending(x => x.Key.City.Length > 0 || x.Key.Region.Length > 0)
            .ThenByDescending(x => x.Potential).ThenBy(x => x.Key.City, StringComparer.Ordinal).ThenBy(x => x.Key.Region, StringComparer.Ordinal)
            .Select(x => x.Key.City.Length > 0 && x.Key.Region.Length > 0 ? $"{x.Key.City}, {x.Key.Region}"
                : x.Key.City.Length > 0 ? x.Key.City
                : x.Key.Region.Length > 0 ? x.Key.Region
                : $"{centroid.Latitude:0.00}, {centroid.Longitude:0.00}")
            .First();

        var owners = list.Where(i => book.Owner[i] >= 0).GroupBy(i => book.Owner[i])
            .Select(g => new ClusterOwner(book.Reps[g.Key].RepId, g.Count(),
                capacity[g.Key] > 0 ? count[g.Key] * 100.0 / capacity[g.Key] : double.PositiveInfinity))
            .OrderByDescending(o => o.AccountsInCluster).ThenBy(o => o.RepId, StringComparer.Ordinal)
            .ToArray();
        int unassigned = list.Count(i => book.Owner[i] < 0);

        string? nearest = null;
        double? nearestKm = null;
        foreach (var rep in book.Reps)
        {
            if (rep.Home is { } home && (nearestKm is null || home.DistanceKm(centroid) < nearestKm))
            {
                nearest = rep.RepId;
                nearestKm = home.DistanceKm(centroid);
            }
        }

        double potential = list.Sum(i => book.Potential[i]);
        double unc = list.Sum(i => uncovered[i]);
        double c = list.Sum(i => cost[i]);
        string ownerText = unassigned == list.Count ? "none of them has an owner"
            : owners.Length > 0 && unassigned == 0
                ? $"owned by {Describe(owners)}"
                : $"{unassigned} have no owner, the rest are owned by {Describe(owners)}";
        string sentence = $"{list.Count} high-potential accounts around {label} ({Format.Money(potential)} of potential within {Wording.Km(radius)}): "
            + $"{ownerText}; {Format.Money(unc)} of potential goes uncovered, an opportunity cost of {Format.Money(c)} a year.";
        return new GapCluster(0, label, centroid, radius, list.Count, unassigned, potential, unc, c, owners, nearest, nearestKm,
            list.Select(i => accounts[i].AccountId).ToArray(), sentence);
    }

    private static string Describe(IReadOnlyList<ClusterOwner> owners)
    {
        var parts = owners.Take(3).Select(o => $"{o.RepId} at {Wording.Pct(o.LoadPct)} of capacity").ToList();
        if (owners.Count > 3)
        {
            parts.Add($"{owners.Count - 3} more");
        }

        return Wording.List(parts);
    }

    private static string Describe(HeadcountRecommendation r) =>
        r.Kind == HeadcountTarget.Cluster ? $"the cluster around {r.Label}" : $"the {r.Label} region";

    /// <summary>
    /// Opportunity cost recovered when a new rep takes the costliest uncovered accounts of a target (up to
    /// capacity): those accounts become fully covered, and each rep who gives accounts up is less overloaded,
    /// which lifts the coverage of the accounts they keep.
    /// </summary>
    private static HeadcountRecommendation Recover(Book book, HeadcountTarget kind, string label, int? clusterId, List<int> candidates,
        int newCapacity, double[] cost, double[] covered, int[] count, int[] capacity, double[] repPotential, double[] share, double winRate)
    {
        var taken = candidates.OrderByDescending(i => cost[i]).ThenBy(i => i).Take(newCapacity).ToArray();
        double recoveredCost = 0;
        var givenCount = new Dictionary<int, int>();
        var givenPotential = new Dictionary<int, double>();
        foreach (int i in taken)
        {
            int o = book.Owner[i];
            if (o >= 0)
            {
                givenCount[o] = givenCount.GetValueOrDefault(o) + 1;
                givenPotential[o] = givenPotential.GetValueOrDefault(o) + book.Potential[i];
            }
            else if (o == Book.Unassigned)
            {
                recoveredCost += book.Potential[i] * (1 - covered[i]) * winRate;
            }
        }

        foreach (var (o, k) in givenCount.OrderBy(kv => kv.Key))
        {
            double before = repPotential[o] * (1 - share[o]) * winRate;
            int left = count[o] - k;
            double shareAfter = left <= capacity[o] ? 1 : (double)capacity[o] / left;
            double after = (repPotential[o] - givenPotential[o]) * (1 - shareAfter) * winRate;
            recoveredCost += Math.Max(0, before - after);
        }

        double recoveredPotential = winRate > 0 ? recoveredCost / winRate : 0;
        return new HeadcountRecommendation(kind, label, clusterId, taken.Length, newCapacity, recoveredPotential, recoveredCost,
            taken.Select(i => book.Data.Accounts[i].AccountId).ToArray(), "");
    }

    private static string[] Findings(CoverageSummary s, RepLoad[] reps, GapCluster[] clusters, CoverageOptions options)
    {
        var f = new List<string>
        {
            $"{Format.Money(s.UncoveredPotential)} of {Format.Money(s.PotentialArr)} potential ({Wording.Pct(s.PotentialArr > 0 ? s.UncoveredPotential * 100 / s.PotentialArr : 0)}) "
                + $"is not covered; at a {Wording.Pct(s.WinRate * 100)} win rate that is {Format.Money(s.OpportunityCost)} of expected revenue a year.",
        };
        if (s.UnassignedAccounts > 0)
        {
            f.Add($"{s.UnassignedAccounts} accounts have no owner.");
        }

        var overloaded = reps.Where(r => r.LoadPct > 100).OrderByDescending(r => r.LoadPct).ThenBy(r => r.RepId, StringComparer.Ordinal).ToArray();
        if (overloaded.Length > 0)
        {
            f.Add($"{overloaded.Length} of {reps.Length} reps are over capacity, the most loaded {overloaded[0].RepName} at {Wording.Pct(overloaded[0].LoadPct)} "
                + $"({overloaded[0].Accounts} accounts for a capacity of {overloaded[0].Capacity}).");
        }

        if (s.RepsWithDefaultCapacity > 0)
        {
            f.Add($"{s.RepsWithDefaultCapacity} reps have no capacity on record; {options.DefaultCapacity} accounts is assumed.");
        }

        if (clusters.Length > 0)
        {
            f.Add(clusters[0].Sentence);
        }

        return f.ToArray();
    }
}
