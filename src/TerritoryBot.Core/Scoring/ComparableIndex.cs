namespace TerritoryBot.Core.Scoring;

/// <summary>
/// Nearest current customers of an account without comparing against every customer: customers are kept
/// per industry and overall, each sorted by log employees. A search walks outwards from the account's
/// size in both directions, always taking the nearer side, and stops as soon as the size gap alone
/// (a lower bound of the full distance) exceeds the k-th best distance found or the radius. The result is
/// the exact k nearest within the radius; the cost depends on the local density, not on the customer count.
/// </summary>
internal sealed class ComparableIndex
{
    // Distance weights (log units): size on two axes, then how far the tech stacks and the fits differ.
    public const double TechWeight = 0.75;
    public const double FitWeight = 1.5;
    public const double IndustryMismatch = 1.0;

    private readonly Firmographics _f;
    private readonly int[][] _byIndustry;
    private readonly double[][] _byIndustryKeys;
    private readonly int[] _all;
    private readonly double[] _allKeys;

    public ComparableIndex(Firmographics features, IReadOnlyList<int> customers)
    {
        _f = features;
        _all = customers.OrderBy(c => features.LogEmployees[c]).ThenBy(c => c).ToArray();
        _allKeys = _all.Select(c => features.LogEmployees[c]).ToArray();
        var groups = new List<int>[features.IndustryCount];
        foreach (var c in _all)
        {
            (groups[features.Industry[c]] ??= []).Add(c);
        }

        _byIndustry = groups.Select(g => g?.ToArray() ?? []).ToArray();
        _byIndustryKeys = _byIndustry.Select(g => g.Select(c => features.LogEmployees[c]).ToArray()).ToArray();
    }

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
    /// nearest customers of account <paramref name="a"/> within <paramref name="radius"/>, never the account itself.
    /// </summary>
    public int Search(int a, double radius, Span<int> found, Span<double> distances)
    {
        int count = 0;
        int industry = _f.Industry[a];
        if (industry < _byIndustry.Length && _byIndustry[industry].Length > 0)
        {
            count = Walk(a, _byIndustry[industry], _byIndustryKeys[industry], 0, skipIndustry: -1, radius, found, distances, count);
        }

        // Other industries can only win when they beat the mismatch penalty; the walk stops at once otherwise.
        return Walk(a, _all, _allKeys, IndustryMismatch * IndustryMismatch, skipIndustry: industry, radius, found, distances, count);
    }

    private int Walk(int a, int[] list, double[] keys, double penaltySquared, int skipIndustry, double radius,
        Span<int> found, Span<double> distances, int count)
    {
        int k = found.Length;
        double key = _f.LogEmployees[a];
        int up = LowerBound(keys, key);
        int down = up - 1;
        while (down >= 0 || up < list.Length)
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

            double bound = Math.Sqrt(gap * gap + penaltySquared);
            if (bound > radius || (count == k && bound >= distances[k - 1]))
            {
                break;
            }

            if (pick == a || _f.Industry[pick] == skipIndustry)
            {
                continue;
            }

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
