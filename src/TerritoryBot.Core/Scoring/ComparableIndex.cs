namespace TerritoryBot.Core.Scoring;

/// <summary>
/// Comparable customers of an account without comparing it against every customer. Customers are kept per
/// industry and overall, each sorted by a size key u = (ln employees + ln revenue) / √2. The candidate pool
/// of an account is the <c>pool</c> customers of its own industry nearest to it in size (topped up from
/// other industries, nearest in size, when its industry has fewer); its comparables are the k candidates
/// with the smallest full distance within the radius. The cost per account is bounded by the pool size
/// whatever the number of customers. Since |Δu| ≤ √(ΔE² + ΔR²) ≤ distance, the walk also stops as soon as
/// the size gap alone exceeds the radius or the k-th best distance found.
/// </summary>
internal sealed class ComparableIndex
{
    // Distance weights (log units): size on two axes, then how far the tech stacks and the fits differ.
    public const double TechWeight = 0.75;
    public const double FitWeight = 1.5;
    public const double IndustryMismatch = 1.0;
    private const double InverseSqrt2 = 0.70710678118654752;

    private readonly Firmographics _f;
    private readonly int[][] _byIndustry;
    private readonly double[][] _byIndustryKeys;
    private readonly int[] _all;
    private readonly double[] _allKeys;
    private readonly bool[] _isCustomer;

    public ComparableIndex(Firmographics features, IReadOnlyList<int> customers)
    {
        _f = features;
        _isCustomer = new bool[features.LogEmployees.Length];
        foreach (var c in customers)
        {
            _isCustomer[c] = true;
        }

        _all = customers.OrderBy(Key).ThenBy(c => c).ToArray();
        _allKeys = _all.Select(Key).ToArray();
        var groups = new List<int>[features.IndustryCount];
        foreach (var c in _all)
        {
            (groups[features.Industry[c]] ??= []).Add(c);
        }

        _byIndustry = groups.Select(g => g?.ToArray() ?? []).ToArray();
        _byIndustryKeys = _byIndustry.Select(g => g.Select(Key).ToArray()).ToArray();
    }

    private double Key(int account) => (_f.LogEmployees[account] + _f.LogRevenue[account]) * InverseSqrt2;

    public int CustomerCount => _all.Length;

    public double Distance(int a, int c)
    {
        double dE = _f.LogEmployees[a] - _f.LogEmployees[c];
        double dR = _f.LogRevenue[a] - _f.LogRevenue[c];
        double dT = TechWeight * (1 - _f.TechOverlap(a, c));
        double dF = FitWeight * (_f.Fit[a] - _f.Fit[c]);
        double industry = _f.Industry[a] == _f.Industry[c] ? 0 : IndustryMismatch * IndustryMismatch;
        return Math.Sqrt(dE * dE + dR * dR + dT * dT + dF * dF + industry);
    }

    /// <summary>
    /// Fills <paramref name="found"/> and <paramref name="distances"/> (ascending) with up to their length
    /// comparables of account <paramref name="a"/> from its candidate pool, within <paramref name="radius"/>,
    /// never the account itself.
    /// </summary>
    public int Search(int a, double radius, int pool, Span<int> found, Span<double> distances)
    {
        int count = 0;
        int industry = _f.Industry[a];
        int sameIndustry = 0;
        if (industry < _byIndustry.Length && _byIndustry[industry].Length > 0)
        {
            sameIndustry = _byIndustry[industry].Length - (_isCustomer[a] ? 1 : 0);
            count = Walk(a, _byIndustry[industry], _byIndustryKeys[industry], 0, skipIndustry: -1, radius, pool, found, distances, count);
        }

        // The pool is topped up from other industries only when the account's own industry has too few customers.
        return sameIndustry >= pool
            ? count
            : Walk(a, _all, _allKeys, IndustryMismatch * IndustryMismatch, skipIndustry: industry, radius, pool - sameIndustry, found, distances, count);
    }

    private int Walk(int a, int[] list, double[] keys, double penaltySquared, int skipIndustry, double radius, int pool,
        Span<int> found, Span<double> distances, int count)
    {
        int k = found.Length;
        int visited = 0;
        double key = Key(a);
        int up = LowerBound(keys, key);
        int down = up - 1;
        while (visited < pool && (down >= 0 || up < list.Length))
        {
            int pick;
            double gap;
            double gapDown = down >= 0 ? key - keys[down] : double.PositiveInfinity;
            double gapUp = up < list.Length ? keys[up] - key : double.PositiveInfinity;
            if (gapDown <= gapUp)
            {
                (pick, gap) = (list[down], gapDown);
                down--;
            }
            else
            {
                (pick, gap) = (list[up], gapUp);
                up++;
            }

            if (pick == a || _f.Industry[pick] == skipIndustry)
            {
                continue;
            }

            // Everything further along the walk is at least this far away: nothing left can qualify.
            double bound = Math.Sqrt(gap * gap + penaltySquared);
            if (bound > radius || (count == k && bound >= distances[k - 1]))
            {
                break;
            }

            visited++;
            double d = Distance(a, pick);
            if (d > radius || (count == k && d >= distances[k - 1]))
            {
                continue;
            }

            // Insertion into the short sorted list; equal distances keep the first found (deterministic).
            int pos = count == k ? k - 1 : count++;
            while (pos > 0 && distances[pos - 1] > d)
            {
                distances[pos] = distances[pos - 1];
                found[pos] = found[pos - 1];
                pos--;
            }

            distances[pos] = d;
            found[pos] = pick;
        }

        return count;
    }

    private static int LowerBound(double[] keys, double value)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (keys[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
