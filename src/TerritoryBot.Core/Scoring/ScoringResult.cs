using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Scoring;

/// <summary>Scores for every account, in the input order, with the summary and per-account explanations.</summary>
public sealed record ScoringResult(IReadOnlyList<AccountScore> Accounts)
{
    /// <summary>Totals, distributions, concentration, top accounts and misclassified tiers.</summary>
    public ScoringSummary Summary { get; init; } = ScoringSummary.Empty;

    /// <summary>The elasticity of ARR to size fitted on the customer base.</summary>
    public SizeElasticity Elasticity { get; init; } = SizeElasticity.Default;

    /// <summary>The tier thresholds that were applied.</summary>
    public TierThresholds Thresholds { get; init; } = TierThresholds.None;

    /// <summary>The as-of date the scores were computed for.</summary>
    public DateOnly AsOf { get; init; }

    internal ScoringModel? Model { get; init; }

    /// <summary>Position of an account in <see cref="Accounts"/>, or -1.</summary>
    public int IndexOf(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (Model is not null)
        {
            return Model.IndexOf(accountId);
        }

        for (int i = 0; i < Accounts.Count; i++)
        {
            if (Accounts[i].AccountId == accountId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The summary of a subset of the accounts (one territory, a manager's team) with the thresholds and options
    /// of this run: totals, concentration, tier mix, top accounts and misclassified tiers of those accounts only.
    /// Tiers stay the ones the whole universe gave; duplicate positions count once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A position outside <see cref="Accounts"/>.</exception>
    /// <exception cref="InvalidOperationException">The result was not produced by <see cref="ScoringEngine"/>.</exception>
    public ScoringSummary SummaryOf(IEnumerable<int> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var model = Model ?? throw new InvalidOperationException("This result carries no scoring model to summarise.");
        var chosen = new SortedSet<int>();
        foreach (int i in positions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i, nameof(positions));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Accounts.Count, nameof(positions));
            chosen.Add(i);
        }

        var accounts = new Account[chosen.Count];
        var scores = new AccountScore[chosen.Count];
        var sorted = new double[chosen.Count];
        int k = 0;
        foreach (int i in chosen)
        {
            accounts[k] = model.Data.Accounts[i];
            scores[k] = Accounts[i];
            sorted[k] = Accounts[i].PotentialArr;
            k++;
        }

        Array.Sort(sorted);
        return ScoringSummaryBuilder.Build(accounts, scores, sorted, model.Thresholds, model.Options, model.Data.Icp.SizeBands);
    }

    /// <summary>The fit breakdown and potential estimate behind one account's score (built on demand).</summary>
    /// <exception cref="KeyNotFoundException">No such account.</exception>
    /// <exception cref="InvalidOperationException">The result was not produced by <see cref="ScoringEngine"/>.</exception>
    public AccountExplanation Explain(string accountId)
    {
        int index = IndexOf(accountId);
        if (index < 0)
        {
            throw new KeyNotFoundException($"No account '{accountId}' was scored.");
        }

        return Explain(index);
    }

    /// <inheritdoc cref="Explain(string)"/>
    public AccountExplanation Explain(int index)
    {
        var model = Model ?? throw new InvalidOperationException("This result carries no scoring model to explain.");
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Accounts.Count);
        return model.Explain(index, Accounts[index]);
    }
}

/// <summary>Why an account scored as it did.</summary>
public sealed record AccountExplanation(
    AccountScore Score,
    IReadOnlyList<FitDimensionScore> Fit,
    PotentialDetail Potential);

/// <summary>
/// The potential ARR estimate: point, p25–p75 range, the method, the named comparables and, for the
/// fallback, the sentence that says so.
/// </summary>
public sealed record PotentialDetail(
    double PotentialArr,
    double Low,
    double High,
    PotentialMethod Method,
    IReadOnlyList<ComparableCustomer> Comparables,
    bool CurrentArrFloorApplied,
    string Explanation);

/// <summary>
/// A current customer used as a comparable: its ARR today, that ARR scaled to the account's size and
/// priced at the well-penetrated level, and its similarity 1 / (1 + distance).
/// </summary>
public sealed record ComparableCustomer(
    string AccountId,
    string Name,
    string Industry,
    int Employees,
    double CurrentArr,
    double ScaledArr,
    double Similarity);

/// <summary>The portfolio view of a scoring run.</summary>
public sealed record ScoringSummary(
    int Accounts,
    int Customers,
    double TotalPotentialArr,
    double TotalCurrentArr,
    int ComparablesEstimates,
    int FallbackEstimates,
    int WhitespaceAccounts,
    Concentration Concentration,
    IReadOnlyList<SegmentTotal> ByTier,
    IReadOnlyList<SegmentTotal> ByIndustry,
    IReadOnlyList<SegmentTotal> ByRegion,
    IReadOnlyList<SegmentTotal> ByStatus,
    IReadOnlyList<TopAccount> TopAccounts,
    int MisclassifiedCount,
    IReadOnlyList<MisclassifiedAccount> Misclassified)
{
    public static ScoringSummary Empty { get; } =
        new(0, 0, 0, 0, 0, 0, 0, new Concentration(0, 0, 0, 0, "no accounts"), [], [], [], [], [], 0, []);
}

/// <summary>How concentrated potential is: the top share of accounts and the share of potential they hold.</summary>
public sealed record Concentration(double TopShareOfAccounts, int TopAccounts, double ShareOfPotential, double Gini, string Sentence);

/// <summary>Accounts and potential in one segment (a tier, an industry, a region or a status).</summary>
public sealed record SegmentTotal(string Name, int Accounts, double PotentialArr, double ShareOfPotential, double CurrentArr);

/// <summary>One of the largest accounts by potential, with how it should be covered.</summary>
public sealed record TopAccount(
    int Rank, string AccountId, string Name, string Industry, Tier Tier, AccountStatus Status, Priority Priority,
    int IcpFit, double PotentialArr, string CoverageApproach);

/// <summary>An account whose current tier disagrees with the tier its potential and fit call for.</summary>
public sealed record MisclassifiedAccount(
    string AccountId, string Name, Tier CurrentTier, Tier RecommendedTier, string Move, int TierGap,
    double PotentialArr, int IcpFit, string Rationale);
