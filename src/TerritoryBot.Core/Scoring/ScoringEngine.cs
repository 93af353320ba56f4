using System.Collections.Concurrent;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Scoring;

/// <summary>Scores every account: fit, opportunity, potential, tier, status, priority, whitespace.</summary>
public static class ScoringEngine
{
    private const int ChunkSize = 4096;

    /// <summary>
    /// Scores every account of <paramref name="data"/> as of <paramref name="asOf"/> (the date "recent
    /// activity" is measured from). The result lists one score per account in input order, a summary,
    /// and explains any account on demand. Deterministic: the same input gives the same result on any
    /// number of threads. The method is documented in docs/scoring.md.
    /// </summary>
    /// <exception cref="ArgumentException">Duplicate account ids, negative sizes, an opportunity on an unknown account, or inconsistent options.</exception>
    public static ScoringResult Score(DataSet data, DateOnly asOf, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(data.Accounts);
        ArgumentNullException.ThrowIfNull(data.Opportunities);
        ArgumentNullException.ThrowIfNull(data.Icp);
        options ??= new ScoringOptions();
        options.Validate();

        var accounts = data.Accounts;
        int n = accounts.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        var fitModel = new IcpFitModel(data.Icp);
        var bandProblems = SizeBands.Problems(data.Icp.SizeBands);
        if (bandProblems.Count > 0)
        {
            throw new ArgumentException("ICP sizeBands: " + string.Join("; ", bandProblems), nameof(data));
        }

        var positions = IndexAccounts(accounts);

        // Relationship facts from opportunities: open deal, any deal, latest activity.
        var hasOpen = new bool[n];
        var hasDeal = new bool[n];
        var lastDealActivity = new DateOnly?[n];
        foreach (var o in data.Opportunities)
        {
            ArgumentNullException.ThrowIfNull(o);
            if (!positions.TryGetValue(o.AccountId, out int i))
            {
                throw new ArgumentException($"Opportunity '{o.OpportunityId}' refers to unknown account '{o.AccountId}'.", nameof(data));
            }

            hasDeal[i] = true;
            hasOpen[i] |= o.IsOpen;
            lastDealActivity[i] = Latest(lastDealActivity[i], Latest(o.LastActivityDate, Latest(o.CreatedDate, o.IsClosed ? o.CloseDate : null)));
        }

        var fit = new double[n];
        var level = new int[n];
        var opportunity = new double[n];
        var lastActivity = new DateOnly?[n];
        var isCustomer = new bool[n];
        var comparable = new bool[n];
        ForRanges(n, parallel, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                var a = accounts[i];
                fit[i] = fitModel.Score(a);
                level[i] = IcpFitModel.Level(fit[i]);
                lastActivity[i] = Latest(a.LastActivityDate, lastDealActivity[i]);
                opportunity[i] = OpportunitySignals.Score(fit[i], a.IntentScore, a.GrowthRate, a.FundingStage, lastActivity[i], asOf);
                isCustomer[i] = a.IsCustomer || a.CurrentArr > 0;
                comparable[i] = isCustomer[i] && a.CurrentArr > 0 && double.IsFinite(a.CurrentArr);
            }
        });

        var features = Firmographics.Build(accounts, comparable, fit, parallel);
        var customers = Enumerable.Range(0, n).Where(i => comparable[i]).ToArray();
        var elasticity = SizeElasticity.Fit(
            customers.Select(c => features.LogEmployees[c]).ToArray(),
            customers.Select(c => features.LogRevenue[c]).ToArray(),
            customers.Select(c => features.HasRevenue[c]).ToArray(),
            customers.Select(c => accounts[c].CurrentArr).ToArray());
        var index = new ComparableIndex(features, customers);
        var estimator = new PotentialEstimator(accounts, features, index, elasticity, data.Icp, options);
        var estimate = estimator.EstimateAll(parallel);

        var sorted = (double[])estimate.Point.Clone();
        Array.Sort(sorted);
        var thresholds = TierClassifier.Thresholds(sorted, options);
        DateOnly inactiveSince = asOf.AddMonths(-options.WhitespaceInactiveMonths);
        var scores = new AccountScore[n];
        ForRanges(n, parallel, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                var a = accounts[i];
                // Potential ranks within the list; the size band sets the lowest tier the company may get.
                var tier = SizeBands.Apply(thresholds.Classify(estimate.Point[i], level[i]),
                    SizeBands.Floor(data.Icp.SizeBands, a.Employees, a.AnnualRevenue));
                bool recent = lastActivity[i] is { } last && last > inactiveSince;
                bool hasRecord = a.OwnerId is not null || lastActivity[i] is not null || hasDeal[i];
                scores[i] = new AccountScore
                {
                    AccountId = a.AccountId,
                    IcpFit = level[i],
                    FitScore = fit[i],
                    OpportunityScore = opportunity[i],
                    PotentialArr = estimate.Point[i],
                    PotentialLow = estimate.Low[i],
                    PotentialHigh = estimate.High[i],
                    PotentialMethod = estimate.Method[i],
                    Tier = tier,
                    Status = TierClassifier.Status(isCustomer[i], hasOpen[i], hasRecord),
                    Priority = TierClassifier.Priority(tier, opportunity[i], options),
                    Whitespace = level[i] >= options.WhitespaceMinFit && !isCustomer[i] && !hasOpen[i] && !recent,
                };
            }
        });

        var model = new ScoringModel(data, positions, fitModel, estimator, estimate, thresholds, options, isCustomer, lastActivity);
        var summary = ScoringSummaryBuilder.Build(accounts, scores, sorted, thresholds, options, data.Icp.SizeBands);
        return new ScoringResult(scores)
        {
            Summary = summary,
            Elasticity = elasticity,
            Thresholds = thresholds,
            AsOf = asOf,
            Model = model,
        };
    }

    /// <summary>Runs <paramref name="body"/> over index ranges; each index is written by exactly one range, so the result is deterministic.</summary>
    internal static void ForRanges(int n, ParallelOptions parallel, Action<int, int> body)
    {
        if (n == 0)
        {
            return;
        }

        Parallel.ForEach(Partitioner.Create(0, n, ChunkSize), parallel, range => body(range.Item1, range.Item2));
    }

    internal static DateOnly? Latest(DateOnly? a, DateOnly? b) =>
        a is null ? b : b is null ? a : a.Value >= b.Value ? a : b;

    private static Dictionary<string, int> IndexAccounts(IReadOnlyList<Account> accounts)
    {
        var positions = new Dictionary<string, int>(accounts.Count, StringComparer.Ordinal);
        for (int i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i] ?? throw new ArgumentException($"Account at position {i} is null.", nameof(accounts));
            if (a.Employees < 0)
            {
                throw new ArgumentException($"Account '{a.AccountId}' has a negative employee count.", nameof(accounts));
            }

            if (!positions.TryAdd(a.AccountId, i))
            {
                throw new ArgumentException($"Account id '{a.AccountId}' appears more than once.", nameof(accounts));
            }
        }

        return positions;
    }
}
