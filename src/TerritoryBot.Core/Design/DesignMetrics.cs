using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Design;

/// <summary>Measures an assignment: balance per dimension, compactness, consistency, continuity, coherence lines.</summary>
internal static class DesignMetrics
{
    private const int D = DesignProblem.D;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static (ScenarioMetrics Metrics, IReadOnlyList<TerritorySummary> Territories) Compute(DesignProblem p, int[] assign)
    {
        int n = p.N, k = p.K, nInd = Math.Max(1, p.IndustryNames.Length);
        var sums = new double[k * D];
        var cx = new double[k]; var cy = new double[k]; var cz = new double[k]; var located = new int[k];
        var tierCount = new int[k * 4];
        var industryPotential = new double[k * nInd];
        var regionCounts = new Dictionary<string, int>[k];
        for (int r = 0; r < k; r++)
        {
            regionCounts[r] = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }

        int unassigned = 0, segmentOk = 0, assigned = 0, kept = 0, moved = 0;
        double fitWeighted = 0, fitWeight = 0, arrKept = 0, pipelineMoved = 0, arrMoved = 0;
        for (int i = 0; i < n; i++)
        {
            int r = assign[i];
            if (r < 0)
            {
                unassigned++;
                continue;
            }

            assigned++;
            for (int d = 0; d < D; d++)
            {
                sums[r * D + d] += p.Values[i * D + d];
            }

            if (p.HasLocation[i])
            {
                cx[r] += p.AX[i]; cy[r] += p.AY[i]; cz[r] += p.AZ[i]; located[r]++;
            }

            tierCount[r * 4 + (int)p.Tiers[i]]++;
            double pot = p.Values[i * D + DesignProblem.Potential];
            industryPotential[r * nInd + p.Industry[i]] += pot;
            if (p.Accounts[i].Region is { Length: > 0 } region)
            {
                regionCounts[r][region] = regionCounts[r].TryGetValue(region, out var c) ? c + 1 : 1;
            }

            segmentOk += ScenarioSearch.SegmentMismatch(p.Tiers[i], p.Seniority[r]) <= 0.25 ? 1 : 0;
            fitWeighted += pot * p.Affinity[r * nInd + p.Industry[i]];
            fitWeight += pot;
            if (p.Orig[i] >= 0)
            {
                if (p.Orig[i] == r)
                {
                    kept++;
                    arrKept += p.Arr[i];
                }
                else
                {
                    moved++;
                    arrMoved += p.Arr[i];
                    pipelineMoved += p.Values[i * D + DesignProblem.Pipeline];
                }
            }
        }

        // Distances: each account to its territory centre and to its rep's home (great circle via the chord).
        var toCentre = new double[k]; var toHome = new double[k]; var homeCount = new int[k];
        for (int r = 0; r < k; r++)
        {
            double norm = Math.Sqrt(cx[r] * cx[r] + cy[r] * cy[r] + cz[r] * cz[r]);
            if (norm > 0)
            {
                cx[r] /= norm; cy[r] /= norm; cz[r] /= norm;
            }
        }

        double sumCentre = 0, sumHome = 0; int nCentre = 0, nHome = 0;
        for (int i = 0; i < n; i++)
        {
            int r = assign[i];
            if (r < 0 || !p.HasLocation[i])
            {
                continue;
            }

            double dc = Arc(p.AX[i] - cx[r], p.AY[i] - cy[r], p.AZ[i] - cz[r]);
            toCentre[r] += dc; sumCentre += dc; nCentre++;
            if (p.HasHome[r])
            {
                double dh = Arc(p.AX[i] - p.RX[r], p.AY[i] - p.RY[r], p.AZ[i] - p.RZ[r]);
                toHome[r] += dh; homeCount[r]++; sumHome += dh; nHome++;
            }
        }

        var dims = new DimensionMetrics[D];
        for (int d = 0; d < D; d++)
        {
            var v = new double[k];
            double maxDev = 0;
            for (int r = 0; r < k; r++)
            {
                v[r] = sums[r * D + d];
                double t = p.Targets[r * D + d];
                if (t > 0)
                {
                    maxDev = Math.Max(maxDev, Math.Abs(v[r] / t - 1));
                }
            }

            dims[d] = new DimensionMetrics(v.Sum(), v.Average(), v.Min(), v.Max(), Distribution.Gini(v),
                Distribution.CoefficientOfVariation(v), Distribution.RelativeSpread(v), maxDev);
        }

        double industryFocus = 0;
        var territories = new TerritorySummary[k];
        for (int r = 0; r < k; r++)
        {
            double pot = sums[r * D + DesignProblem.Potential];
            var top = Enumerable.Range(0, nInd).Where(x => industryPotential[r * nInd + x] > 0)
                .OrderByDescending(x => industryPotential[r * nInd + x]).ThenBy(x => x).Take(2).ToArray();
            double topShare = pot > 0 ? top.Sum(x => industryPotential[r * nInd + x]) / pot : 0;
            industryFocus += topShare / k;
            double target = p.Targets[r * D + DesignProblem.Potential];
            double dev = target > 0 ? (pot / target - 1) * 100 : 0;
            int count = (int)Math.Round(sums[r * D + DesignProblem.Count]);
            double kmCentre = located[r] > 0 ? toCentre[r] / located[r] : 0;
            double kmHome = homeCount[r] > 0 ? toHome[r] / homeCount[r] : 0;
            territories[r] = new TerritorySummary(p.RepIds[r], p.Reps[r].Name, count, pot, target, dev,
                sums[r * D + DesignProblem.Workload], sums[r * D + DesignProblem.Pipeline], kmCentre, kmHome,
                Coherence(p, r, count, pot, dev, tierCount, industryPotential, nInd, top, regionCounts[r], kmCentre, kmHome, homeCount[r] > 0, located[r] > 0));
        }

        var metrics = new ScenarioMetrics
        {
            Potential = dims[DesignProblem.Potential],
            Workload = dims[DesignProblem.Workload],
            Accounts = dims[DesignProblem.Count],
            Pipeline = dims[DesignProblem.Pipeline],
            MeanKmToCentre = nCentre > 0 ? sumCentre / nCentre : 0,
            MeanKmToHome = nHome > 0 ? sumHome / nHome : 0,
            LocatedAccounts = nCentre,
            AccountsWithHomeDistance = nHome,
            SegmentConsistency = assigned > 0 ? (double)segmentOk / assigned : 0,
            IndustryFocus = industryFocus,
            RepFit = fitWeight > 0 ? fitWeighted / fitWeight : 0,
            ContinuityAccounts = kept + moved > 0 ? (double)kept / (kept + moved) : 1,
            ContinuityArr = p.TotalArr > 0 ? arrKept / p.TotalArr : 1,
            AccountsMoved = moved,
            PipelineMoved = pipelineMoved,
            ArrMoved = arrMoved,
            Unassigned = unassigned,
            Targets = p.TargetMode,
        };
        return (metrics, territories);
    }

    private static double Arc(double dx, double dy, double dz)
    {
        double chord = Math.Sqrt(dx * dx + dy * dy + dz * dz);
        return 2 * Math.Asin(Math.Min(1, chord / 2)) * GeoPoint.EarthRadiusKm;
    }

    private static string Coherence(DesignProblem p, int r, int count, double pot, double dev, int[] tierCount,
        double[] industryPotential, int nInd, int[] top, Dictionary<string, int> regions, double kmCentre, double kmHome, bool hasHome, bool located)
    {
        var rep = p.Reps[r];
        var parts = new List<string>();
        var tiers = Enumerable.Range(0, 4).Where(t => tierCount[r * 4 + t] > 0)
            .Select(t => $"{tierCount[r * 4 + t].ToString(Inv)} {(Tier)t}").ToArray();
        parts.Add($"{count.ToString(Inv)} accounts" + (tiers.Length > 0 ? $" ({string.Join(", ", tiers)})" : ""));
        var topRegions = regions.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(2).ToArray();
        if (topRegions.Length > 0 && count > 0)
        {
            parts.Add("mostly " + string.Join(" and ", topRegions.Select(x => $"{x.Key} ({Pct((double)x.Value / count)})")));
        }

        if (top.Length > 0 && pot > 0)
        {
            parts.Add("potential led by " + string.Join(" and ", top.Select(x => $"{p.IndustryNames[x]} {Pct(industryPotential[r * nInd + x] / pot)}")));
        }

        parts.Add($"{Format.Money(pot)} potential ({(dev >= 0 ? "+" : "")}{dev.ToString("0.0", Inv)}% vs target)");
        // No located account: there is no distance to state, and 0 km would claim a perfectly compact territory.
        if (count > 0 && located)
        {
            parts.Add(hasHome ? $"{kmHome.ToString("0", Inv)} km mean from home, {kmCentre.ToString("0", Inv)} km from its centre"
                : $"{kmCentre.ToString("0", Inv)} km mean from its centre");
        }

        return $"{rep.Name} ({rep.Seniority.ToString().ToLowerInvariant()}): {string.Join("; ", parts)}.";
    }

    public static string Pct(double share) => (share * 100).ToString("0", Inv) + "%";
}
