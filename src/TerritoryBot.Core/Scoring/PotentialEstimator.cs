using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Scoring;

/// <summary>Potential ARR for every account, in arrays indexed like the input.</summary>
internal sealed record PotentialEstimates(
    double[] Point, double[] Low, double[] High, PotentialMethod[] Method, int[] Comparables, int[] ComparableCount, int K);

/// <summary>
/// Potential ARR from comparable customers. Each comparable's ARR is scaled to the account's size with the
/// fitted elasticity and priced at the well-penetrated level (the headroom factor), because a customer's
/// ARR today is only part of what it could spend. The point estimate is the similarity-weighted median of
/// those values and the range their weighted p25–p75. With too few comparables: average ACV × size × fit.
/// A customer's current ARR is a floor under its potential.
/// </summary>
internal sealed class PotentialEstimator
{
    /// <summary>Keeps a perfect twin from taking all the weight: weight = 1 / (damping + distance).</summary>
    private const double WeightDamping = 0.25;
    private const double FitMultiplierBase = 0.5;
    private const double Z75 = 0.6745;

    private readonly IReadOnlyList<Account> _accounts;
    private readonly Firmographics _f;
    private readonly ComparableIndex _index;
    private readonly SizeElasticity _e;
    private readonly IcpProfile _icp;
    private readonly ScoringOptions _options;
    private readonly double _referenceEmployees;

    public PotentialEstimator(IReadOnlyList<Account> accounts, Firmographics features, ComparableIndex index, SizeElasticity elasticity, IcpProfile icp, ScoringOptions options)
    {
        (_accounts, _f, _index, _e, _icp, _options) = (accounts, features, index, elasticity, icp, options);
        if (!(icp.AverageAcv >= 0) || !double.IsFinite(icp.AverageAcv))
        {
            throw new ArgumentException("ICP averageAcv must be a non-negative number.", nameof(icp));
        }

        // The geometric middle of the ICP employee range earns exactly the average ACV in the fallback.
        _referenceEmployees = Math.Sqrt(Math.Max(1.0, icp.EmployeeRange.Min) * Math.Max(1.0, icp.EmployeeRange.Max));
    }

    public SizeElasticity Elasticity => _e;

    public PotentialEstimates EstimateAll(ParallelOptions parallel)
    {
        int n = _accounts.Count, k = _options.Comparables;
        var point = new double[n];
        var low = new double[n];
        var high = new double[n];
        var method = new PotentialMethod[n];
        var comparables = new int[checked(n * k)];
        var counts = new int[n];
        ScoringEngine.ForRanges(n, parallel, (from, to) =>
        {
            Span<int> found = stackalloc int[k];
            Span<double> distances = stackalloc double[k];
            Span<double> values = stackalloc double[k];
            Span<double> weights = stackalloc double[k];
            for (int i = from; i < to; i++)
            {
                int m = _index.CustomerCount == 0 ? 0 : _index.Search(i, _options.MaxComparableDistance, _options.CandidatePool, found, distances);
                counts[i] = m;
                found[..m].CopyTo(comparables.AsSpan(i * k, m));
                if (m >= _options.MinComparables)
                {
                    for (int j = 0; j < m; j++)
                    {
                        values[j] = Scaled(i, found[j]);
                        weights[j] = 1 / (WeightDamping + distances[j]);
                    }

                    SortByValue(values[..m], weights[..m]);
                    point[i] = WeightedQuantile(values[..m], weights[..m], 0.5);
                    low[i] = WeightedQuantile(values[..m], weights[..m], 0.25);
                    high[i] = WeightedQuantile(values[..m], weights[..m], 0.75);
                    method[i] = PotentialMethod.Comparables;
                }
                else
                {
                    (point[i], low[i], high[i]) = Fallback(i);
                    method[i] = PotentialMethod.Fallback;
                }

                double floor = _accounts[i].IsCustomer || _accounts[i].CurrentArr > 0 ? Math.Max(0, _accounts[i].CurrentArr) : 0;
                if (floor > 0)
                {
                    point[i] = Math.Max(point[i], floor);
                    low[i] = Math.Max(low[i], floor);
                    high[i] = Math.Max(high[i], point[i]);
                }
            }
        });
        return new PotentialEstimates(point, low, high, method, comparables, counts, k);
    }

    /// <summary>A comparable's ARR scaled to the account's size and priced at the well-penetrated level.</summary>
    public double Scaled(int account, int customer) =>
        _accounts[customer].CurrentArr * _e.Headroom * Math.Exp(
            _e.Employees * (_f.LogEmployees[account] - _f.LogEmployees[customer])
            + _e.Revenue * (_f.LogRevenue[account] - _f.LogRevenue[customer]));

    public double SizeFactor(int account) => Math.Pow(Math.Exp(_f.LogEmployees[account]) / _referenceEmployees, _e.Combined);

    public double FitFactor(int account) => FitMultiplierBase + _f.Fit[account];

    public (double Point, double Low, double High) Fallback(int account)
    {
        double p = _icp.AverageAcv * SizeFactor(account) * FitFactor(account);
        double spread = Math.Exp(Z75 * _e.ResidualSd);
        return (p, p / spread, p * spread);
    }

    public PotentialDetail Detail(int i, AccountScore score, PotentialEstimates estimates)
    {
        var c = CultureInfo.InvariantCulture;
        int m = estimates.ComparableCount[i];
        var comparables = new List<ComparableCustomer>(m);
        for (int j = 0; j < m; j++)
        {
            int customer = estimates.Comparables[i * estimates.K + j];
            var a = _accounts[customer];
            comparables.Add(new ComparableCustomer(a.AccountId, a.Name, a.Industry, a.Employees, a.CurrentArr,
                Scaled(i, customer), 1 / (1 + _index.Distance(i, customer))));
        }

        var account = _accounts[i];
        bool floorApplied = account.CurrentArr > 0 && score.PotentialArr <= account.CurrentArr;
        string text;
        if (estimates.Method[i] == PotentialMethod.Comparables)
        {
            var names = string.Join(", ", comparables.Take(3).Select(x => $"{x.Name} ({Format.Money(x.CurrentArr)})"));
            text = string.Format(c,
                "Weighted median of {0} comparable customers (nearest: {1}), each scaled to this account's size with elasticity {2:0.00} and priced at the well-penetrated level (×{3:0.00}).",
                m, names, _e.Combined, _e.Headroom);
        }
        else
        {
            text = string.Format(c,
                "Only {0} comparable customer{1} within reach (at least {2} needed), so this is a fallback: average ACV {3} × size factor {4:0.00} × fit factor {5:0.00}. Treat it as indicative.",
                m, m == 1 ? "" : "s", _options.MinComparables, Format.Money(_icp.AverageAcv), SizeFactor(i), FitFactor(i));
        }

        if (floorApplied)
        {
            text += $" Raised to the current ARR of {Format.Money(account.CurrentArr)}: what a customer pays today is a floor.";
        }

        return new PotentialDetail(score.PotentialArr, score.PotentialLow, score.PotentialHigh, estimates.Method[i], comparables, floorApplied, text);
    }

    private static void SortByValue(Span<double> values, Span<double> weights)
    {
        for (int a = 1; a < values.Length; a++)
        {
            double v = values[a], w = weights[a];
            int b = a - 1;
            while (b >= 0 && values[b] > v)
            {
                values[b + 1] = values[b];
                weights[b + 1] = weights[b];
                b--;
            }

            values[b + 1] = v;
            weights[b + 1] = w;
        }
    }

    /// <summary>Weighted quantile with each value at the midpoint of its weight, linear in between.</summary>
    internal static double WeightedQuantile(ReadOnlySpan<double> sortedValues, ReadOnlySpan<double> weights, double q)
    {
        double total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        double cumulative = 0, previousPosition = 0, previousValue = sortedValues[0];
        for (int j = 0; j < sortedValues.Length; j++)
        {
            double position = (cumulative + weights[j] / 2) / total;
            if (q <= position)
            {
                if (j == 0)
                {
                    return sortedValues[0];
                }

                double t = (q - previousPosition) / (position - previousPosition);
                return previousValue + t * (sortedValues[j] - previousValue);
            }

            cumulative += weights[j];
            (previousPosition, previousValue) = (position, sortedValues[j]);
        }

        return sortedValues[^1];
    }
}
