namespace TerritoryBot.Core.Demo;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than System.Random so a seed gives the
/// same universe on every runtime version, and each generation phase can have an independent stream.
/// </summary>
internal sealed class DemoRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public DemoRandom(int seed, int stream)
    {
        unchecked
        {
            ulong x = ((ulong)(uint)seed << 32) ^ (ulong)(uint)stream * 0x9E3779B97F4A7C15UL ^ 0xD1B54A32D192ED03UL;
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max)
    {
        if (max <= min)
        {
            return min;
        }

        ulong range = (ulong)((long)max - min);
        return (int)((long)min + (long)(NextUInt64() % range));
    }

    public int Next(int max) => Next(0, max);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Marsaglia polar method).</summary>
    public double Normal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Index drawn from ascending cumulative weights (the last entry is the total).</summary>
    public int Pick(double[] cumulative)
    {
        double target = NextDouble() * cumulative[^1];
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (cumulative[mid] > target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(T[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        double total = 0;
        foreach (var w in weights)
        {
            total += Math.Max(0, w);
            list.Add(total);
        }

        return [.. list];
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
