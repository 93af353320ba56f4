namespace TerritoryBot.Core.Statistics;

/// <summary>Inequality and spread measures shared by the design, fairness and coverage engines.</summary>
public static class Distribution
{
    /// <summary>Gini coefficient of non-negative values (0 = perfectly equal). Empty or all-zero input gives 0.</summary>
    public static double Gini(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n < 2)
        {
            return 0;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        double total = 0, weighted = 0;
        for (int i = 0; i < n; i++)
        {
            if (sorted[i] < 0 || double.IsNaN(sorted[i]))
            {
                throw new ArgumentException("Gini is defined for non-negative values only.", nameof(values));
            }

            total += sorted[i];
            weighted += (i + 1) * sorted[i];
        }

        return total <= 0 ? 0 : (2 * weighted) / (n * total) - (n + 1.0) / n;
    }

    /// <summary>Coefficient of variation: population standard deviation over the mean (0 when the mean is 0).</summary>
    public static double CoefficientOfVariation(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        double mean = values.Average();
        if (mean == 0)
        {
            return 0;
        }

        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return Math.Sqrt(variance) / Math.Abs(mean);
    }

    /// <summary>(max − min) / mean; 0 for empty input or a zero mean.</summary>
    public static double RelativeSpread(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        double mean = values.Average();
        return mean == 0 ? 0 : (values.Max() - values.Min()) / Math.Abs(mean);
    }

    /// <summary>Linear-interpolated percentile, p in [0, 1].</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Percentile of an empty set.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return PercentileOfSorted(sorted, p);
    }

    /// <summary>Percentile of an already ascending-sorted span, p in [0, 1].</summary>
    public static double PercentileOfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("Percentile of an empty set.", nameof(sorted));
        }

        double rank = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Spearman rank correlation (average ranks for ties).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Spearman needs two series of equal length.");
        }

        return MathNet.Numerics.Statistics.Correlation.Spearman(x, y);
    }
}
