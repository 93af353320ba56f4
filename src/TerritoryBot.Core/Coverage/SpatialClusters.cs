using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Coverage;

/// <summary>
/// DBSCAN on the sphere with a uniform grid index. Points are placed on a sphere of Earth's radius in
/// 3-D, so a cube of side <c>radius</c> holds every neighbour of a point within its 27 surrounding
/// cells, at any latitude and across the date line. Points are visited in input order and cells are
/// scanned in a fixed order, so the labels are deterministic.
/// </summary>
internal static class SpatialClusters
{

    /// <summary>Cluster label per point (0, 1, …) or −1 for noise.</summary>
    public static int[] Dbscan(IReadOnlyList<GeoPoint> points, double radiusKm, int minPoints)
    {
        int count = points.Count;
        var xyz = new (double X, double Y, double Z)[count];
        var grid = new Dictionary<(int, int, int), List<int>>();
        for (int i = 0; i < count; i++)
        {
            xyz[i] = ToXyz(points[i]);
            var key = Cell(xyz[i], radiusKm);
            if (!grid.TryGetValue(key, out var list))
            {
                grid[key] = list = [];
            }

            list.Add(i);
        }

        // Great-circle distance ≤ r ⇔ chord ≤ 2R·sin(r / 2R).
        double chord = 2 * GeoPoint.EarthRadiusKm * Math.Sin(Math.Min(Math.PI / 2, radiusKm / (2 * GeoPoint.EarthRadiusKm)));
        double chord2 = chord * chord;
        const int Unvisited = -2, Noise = -1;
        var label = new int[count];
        Array.Fill(label, Unvisited);
        var neighbours = new List<int>();
        var queue = new Queue<int>();
        int next = 0;
        for (int p = 0; p < count; p++)
        {
            if (label[p] != Unvisited)
            {
                continue;
            }

            Query(p, neighbours);
            if (neighbours.Count < minPoints)
            {
                label[p] = Noise;
                continue;
            }

            int c = next++;
            label[p] = c;
            foreach (int q in neighbours)
            {
                queue.Enqueue(q);
            }

            while (queue.TryDequeue(out int q))
            {
                if (label[q] == Noise)
                {
                    label[q] = c;
                }

                if (label[q] != Unvisited)
                {
                    continue;
                }

                label[q] = c;
                Query(q, neighbours);
                if (neighbours.Count >= minPoints)
                {
                    foreach (int s in neighbours)
                    {
                        if (label[s] is Unvisited or Noise)
                        {
                            queue.Enqueue(s);
                        }
                    }
                }
            }
        }

        return label;

        void Query(int p, List<int> result)
        {
            result.Clear();
            var (cx, cy, cz) = Cell(xyz[p], radiusKm);
            for (int dx = -1; dx <= 1; dx++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dz = -1; dz <= 1; dz++)
                    {
                        if (!grid.TryGetValue((cx + dx, cy + dy, cz + dz), out var cell))
                        {
                            continue;
                        }

                        foreach (int q in cell)
                        {
                            double ex = xyz[q].X - xyz[p].X, ey = xyz[q].Y - xyz[p].Y, ez = xyz[q].Z - xyz[p].Z;
                            if (ex * ex + ey * ey + ez * ez <= chord2)
                            {
                                result.Add(q);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Spherical mean of the points (the normalised sum of their unit vectors).</summary>
    public static GeoPoint Centroid(IEnumerable<GeoPoint> points)
    {
        double x = 0, y = 0, z = 0;
        foreach (var p in points)
        {
            var v = ToXyz(p);
            x += v.X;
            y += v.Y;
            z += v.Z;
        }

        double norm = Math.Sqrt(x * x + y * y + z * z);
        if (norm == 0)
        {
            return new GeoPoint(0, 0);
        }

        double lat = Math.Asin(Math.Clamp(z / norm, -1, 1)) * 180 / Math.PI;
        double lon = Math.Atan2(y, x) * 180 / Math.PI;
        return new GeoPoint(lat, lon);
    }

    private static (double X, double Y, double Z) ToXyz(GeoPoint p) => p.ToCartesian(GeoPoint.EarthRadiusKm);

    private static (int, int, int) Cell((double X, double Y, double Z) v, double size) =>
        ((int)Math.Floor(v.X / size), (int)Math.Floor(v.Y / size), (int)Math.Floor(v.Z / size));
}
