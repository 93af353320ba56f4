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
    private readonly Point[][] _byIndustry;
    private readonly double[][] _byIndustryKeys;
    private readonly Point[] _all;
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

        // Customers are copied into contiguous structs in walk order: a walk reads memory sequentially.
        _all = customers.Select(ToPoint).OrderBy(p => p.Key).ThenBy(p => p.Index).ToArray();
        _allKeys = _all.Select(p => p.Key).ToArray();
        var groups = new List<Point>[features.IndustryCount];
        foreach (var p in _all)
        {
            (groups[p.Industry] ??= []).Add(p);
        }

        _byIndustry = groups.Select(g => g?.ToArray() ?? []).ToArray();
        _byIndustryKeys = _byIndustry.Select(g => g.Select(p => p.Key).ToArray()).ToArray();
    }

    public int CustomerCount => _all.Length;

    public double Distance(int a, int c) => Distance(ToPoint(a), ToPoint(c));

    /// <summary>
    /// Fills <paramref name="found"/> and <paramref name="distances"/> (ascending) with up to their length
    /// comparables of account <paramref name="a"/> from its candidate pool, within <paramref name="radius"/>,
    /// never the account itself.
    /// </summary>
    public int Search(int a, double radius, int pool, Span<int> found, Span<double> distances)
    {
        int count = 0;
        var query = ToPoint(a);
        int sameIndustry = 0;
        if (query.Industry < _byIndustry.Length && _byIndustry[query.Industry].Length > 0)
        {
            sameIndustry = _byIndustry[query.Industry].Length - (_isCustomer[a] ? 1 : 0);
            count = Walk(in query, _byIndustry[query.Industry], _byIndustryKeys[query.Industry], 0, skipIndustry: -1, radius, pool, found, distances, count);
        }

        // The pool is topped up from other industries only when the account's own industry has too few customers.
        return sameIndustry >= pool
            ? count
            : Walk(in query, _all, _allKeys, IndustryMismatch * IndustryMismatch, skipIndustry: query.Industry, radius, pool - sameIndustry, found, distances, count);
    }

    private static int Walk(in Point query, Point[] list, double[] keys, double penaltySquared, int skipIndustry, double radius, int pool,
        Span<int> found, Span<double> distances, int count)
    {
        int k = found.Length;
        int visited = 0;
        int up = LowerBound(keys, query.Key);
        int down = up - 1;
        while (visited < pool && (down >= 0 || up < list.Length))
        {
            int pick;
            double gapDown = down >= 0 ? query.Key - keys[down] : double.PositiveInfinity;
            double gapUp = up < list.Length ? keys[up] - query.Key : double.PositiveInfinity;
            double gap;
            if (gapDown <= gapUp)
            {
                (pick, gap) = (down, gapDown);
                down--;
            }
            else
            {
                (pick, gap) = (up, gapUp);
                up++;
            }

            ref readonly var candidate = ref list[pick];
            if (candidate.Index == query.Index || candidate.Industry == skipIndustry)
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
            double d = Distance(in query, in candidate);
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
            found[pos] = candidate.Index;
        }

        return count;
    }

    private static double Distance(in Point a, in Point c)
    {
        double dE = a.LogEmployees - c.LogEmployees;
        double dR = a.LogRevenue - c.LogRevenue;
        int common = System.Numerics.BitOperations.PopCount(a.TechLow & c.TechLow) + System.Numerics.BitOperations.PopCount(a.TechHigh & c.TechHigh);
        int union = a.TechCount + c.TechCount - common;
        double overlap = union <= 0 ? 1 : (double)common / union;
        double dT = TechWeight * (1 - overlap);
        double dF = FitWeight * (a.Fit - c.Fit);
        double industry = a.Industry == c.Industry ? 0 : IndustryMismatch * IndustryMismatch;
        return Math.Sqrt(dE * dE + dR * dR + dT * dT + dF * dF + industry);
    }

    private Point ToPoint(int i) => new(
        (_f.LogEmployees[i] + _f.LogRevenue[i]) * InverseSqrt2, _f.LogEmployees[i], _f.LogRevenue[i], _f.Fit[i],
        _f.TechLow[i], _f.TechHigh[i], _f.TechCount[i], _f.Industry[i], i);

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

    private readonly record struct Point(
        double Key, double LogEmployees, double LogRevenue, double Fit, ulong TechLow, ulong TechHigh, int TechCount, int Industry, int Index);
}
