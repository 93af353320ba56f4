namespace TerritoryBot.Core.Design;

/// <summary>
/// Static 3-d tree over points on the unit sphere (x, y, z): nearest-neighbour queries in
/// O(log n + m) instead of scanning every point. Chord distance is monotone in great-circle distance.
/// </summary>
internal sealed class KdTree
{
    private readonly double[] _x, _y, _z;
    private readonly int[] _ids; // payload per point
    private readonly int[] _order; // tree layout: implicit balanced tree over [lo, hi)
    private readonly byte[] _axis;

    public KdTree(double[] x, double[] y, double[] z, int[] ids)
    {
        _x = x;
        _y = y;
        _z = z;
        _ids = ids;
        _order = new int[ids.Length];
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        _axis = new byte[ids.Length];
        Build(0, _order.Length, 0);
    }

    public int Count => _ids.Length;

    private double Coord(int p, int axis) => axis == 0 ? _x[p] : axis == 1 ? _y[p] : _z[p];

    private void Build(int lo, int hi, int depth)
    {
        if (hi - lo <= 0)
        {
            return;
        }

        // Split on the axis of largest extent for balanced cells.
        double minX = double.MaxValue, maxX = double.MinValue, minY = minX, maxY = maxX, minZ = minX, maxZ = maxX;
        for (int i = lo; i < hi; i++)
        {
            int p = _order[i];
            minX = Math.Min(minX, _x[p]); maxX = Math.Max(maxX, _x[p]);
            minY = Math.Min(minY, _y[p]); maxY = Math.Max(maxY, _y[p]);
            minZ = Math.Min(minZ, _z[p]); maxZ = Math.Max(maxZ, _z[p]);
        }

        int axis = (maxX - minX) >= (maxY - minY) && (maxX - minX) >= (maxZ - minZ) ? 0 : (maxY - minY) >= (maxZ - minZ) ? 1 : 2;
        int mid = (lo + hi) / 2;
        // Deterministic ordering: by coordinate, then by index.
        Array.Sort(_order, lo, hi - lo, Comparer<int>.Create((a, b) =>
        {
            int c = Coord(a, axis).CompareTo(Coord(b, axis));
            return c != 0 ? c : a.CompareTo(b);
        }));
        _axis[mid] = (byte)axis;
        Build(lo, mid, depth + 1);
        Build(mid + 1, hi, depth + 1);
    }

    /// <summary>Writes the payload ids of the up to <c>result.Length</c> nearest points, nearest first; returns how many.</summary>
    public int Nearest(double qx, double qy, double qz, Span<int> result, Span<double> dist)
    {
        int m = Math.Min(result.Length, _ids.Length);
        if (m == 0)
        {
            return 0;
        }

        int found = 0;
        Search(0, _order.Length, qx, qy, qz, result[..m], dist[..m], ref found);
        // Insertion-sorted already by Search (ascending distance).
        for (int i = 0; i < found; i++)
        {
            result[i] = _ids[result[i]];
        }

        return found;
    }

    private void Search(int lo, int hi, double qx, double qy, double qz, Span<int> best, Span<double> bestD, ref int found)
    {
        while (hi - lo > 0)
        {
            int mid = (lo + hi) / 2;
            int p = _order[mid];
            double dx = _x[p] - qx, dy = _y[p] - qy, dz = _z[p] - qz;
            double d2 = dx * dx + dy * dy + dz * dz;
            Insert(p, d2, best, bestD, ref found);
            int axis = _axis[mid];
            double diff = (axis == 0 ? qx : axis == 1 ? qy : qz) - Coord(p, axis);
            int nearLo = diff < 0 ? lo : mid + 1, nearHi = diff < 0 ? mid : hi;
            int farLo = diff < 0 ? mid + 1 : lo, farHi = diff < 0 ? hi : mid;
            Search(nearLo, nearHi, qx, qy, qz, best, bestD, ref found);
            if (found == best.Length && diff * diff >= bestD[found - 1])
            {
                return;
            }

            lo = farLo;
            hi = farHi;
        }
    }

    private static void Insert(int p, double d2, Span<int> best, Span<double> bestD, ref int found)
    {
        if (found == best.Length && d2 >= bestD[found - 1])
        {
            return;
        }

        int pos = found < best.Length ? found++ : found - 1;
        while (pos > 0 && (bestD[pos - 1] > d2 || (bestD[pos - 1] == d2 && best[pos - 1] > p)))
        {
            best[pos] = best[pos - 1];
            bestD[pos] = bestD[pos - 1];
            pos--;
        }

        best[pos] = p;
        bestD[pos] = d2;
    }
}
