using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Scoring;

/// <summary>
/// The numeric features comparables are matched on, one array per feature (cache-friendly at 1M accounts):
/// log employees, log revenue (imputed from headcount where unknown), industry id, tech stack as a bit set
/// over the customers' technologies, and the ICP fit score.
/// </summary>
internal sealed class Firmographics
{
    private const int MaxTechBits = 128;
    private const double DefaultRevenuePerEmployee = 200_000;

    public required double[] LogEmployees { get; init; }
    public required double[] LogRevenue { get; init; }
    public required bool[] HasRevenue { get; init; }
    public required int[] Industry { get; init; }
    public required ulong[] TechLow { get; init; }
    public required ulong[] TechHigh { get; init; }
    public required int[] TechCount { get; init; }
    public required double[] Fit { get; init; }
    public required int IndustryCount { get; init; }

    public static Firmographics Build(IReadOnlyList<Account> accounts, IReadOnlyList<bool> isComparableCustomer, double[] fit, ParallelOptions parallel)
    {
        int n = accounts.Count;
        var industryIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var industry = new int[n];
        var techFrequency = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < n; i++)
        {
            var key = accounts[i].Industry.Trim();
            if (!industryIds.TryGetValue(key, out var id))
            {
                id = industryIds.Count;
                industryIds.Add(key, id);
            }

            industry[i] = id;
            if (isComparableCustomer[i])
            {
                foreach (var tech in accounts[i].TechStack)
                {
                    var t = tech.Trim();
                    techFrequency[t] = techFrequency.GetValueOrDefault(t) + 1;
                }
            }
        }

        // Only technologies some customer uses can overlap with a customer; keep the most common 128.
        var techBits = techFrequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Take(MaxTechBits).Select((p, bit) => (p.Key, bit))
            .ToDictionary(p => p.Key, p => p.bit, StringComparer.OrdinalIgnoreCase);

        var le = new double[n];
        var lr = new double[n];
        var hasRevenue = new bool[n];
        var low = new ulong[n];
        var high = new ulong[n];
        var count = new int[n];
        Parallel.For(0, n, parallel, i =>
        {
            var a = accounts[i];
            le[i] = Math.Log(1 + Math.Max(0, a.Employees));
            if (a.AnnualRevenue is { } r && r > 0 && double.IsFinite(r))
            {
                lr[i] = Math.Log(r);
                hasRevenue[i] = true;
            }

            ulong lo = 0, hi = 0;
            int distinct = 0;
            var stack = a.TechStack;
            for (int t = 0; t < stack.Count; t++)
            {
                var name = stack[t].Trim();
                if (name.Length == 0 || SeenBefore(stack, t, name))
                {
                    continue;
                }

                distinct++;
                if (techBits.TryGetValue(name, out var bit))
                {
                    if (bit < 64)
                    {
                        lo |= 1UL << bit;
                    }
                    else
                    {
                        hi |= 1UL << (bit - 64);
                    }
                }
            }

            (low[i], high[i], count[i]) = (lo, hi, distinct);
        });

        ImputeRevenue(le, lr, hasRevenue);
        return new Firmographics
        {
            LogEmployees = le,
            LogRevenue = lr,
            HasRevenue = hasRevenue,
            Industry = industry,
            TechLow = low,
            TechHigh = high,
            TechCount = count,
            Fit = fit,
            IndustryCount = industryIds.Count,
        };
    }

    // Unknown revenue from headcount by a least-squares line over the accounts that report both.
    private static void ImputeRevenue(double[] le, double[] lr, bool[] hasRevenue)
    {
        int known = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < le.Length; i++)
        {
            if (hasRevenue[i])
            {
                known++;
                sx += le[i];
                sy += lr[i];
                sxx += le[i] * le[i];
                sxy += le[i] * lr[i];
            }
        }

        double slope = 1, intercept = Math.Log(DefaultRevenuePerEmployee);
        double denominator = known * sxx - sx * sx;
        if (known >= 10 && denominator > 1e-9)
        {
            slope = (known * sxy - sx * sy) / denominator;
            intercept = (sy - slope * sx) / known;
        }

        for (int i = 0; i < le.Length; i++)
        {
            if (!hasRevenue[i])
            {
                lr[i] = intercept + slope * le[i];
            }
        }
    }

    private static bool SeenBefore(IReadOnlyList<string> stack, int index, string name)
    {
        for (int j = 0; j < index; j++)
        {
            if (string.Equals(stack[j].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
