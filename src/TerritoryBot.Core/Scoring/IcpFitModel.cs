using System.Globalization;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Scoring;

/// <summary>The four ICP dimensions an account is judged on.</summary>
public enum FitDimension
{
    Industry,
    Size,
    TechStack,
    Growth,
}

/// <summary>One dimension of the ICP fit: a sub-score in [0, 1], its weight, and a reason a rep can read.</summary>
public sealed record FitDimensionScore(FitDimension Dimension, double SubScore, double Weight, string Reason);

/// <summary>
/// ICP fit from the icp.json profile. The fit score is a positively weighted sum of four sub-scores in
/// [0, 1], so improving any one dimension can never lower it (the monotonicity the tests check).
/// </summary>
internal sealed class IcpFitModel
{
    public const double IndustryWeight = 0.35;
    public const double SizeWeight = 0.25;
    public const double TechWeight = 0.25;
    public const double GrowthWeight = 0.15;

    /// <summary>Each incumbent competitor in the stack takes this off the tech sub-score: a displacement sale is harder.</summary>
    public const double CompetitorPenalty = 0.25;

    /// <summary>Sub-score when growth is not known: below the middle, so missing data never beats a real signal.</summary>
    public const double UnknownGrowth = 0.4;

    private const double BelowRangeFloorRatio = 20;   // 1/20 of the minimum scores 0
    private const double AboveRangeHalfRatio = 20;    // 20x the maximum scores 0.5
    private const double AboveRangeFloor = 0.3;       // very large companies still buy, slowly

    private readonly Dictionary<string, double> _industries;
    private readonly Dictionary<string, double> _tech;
    private readonly HashSet<string> _competitors;
    private readonly double _min;
    private readonly double _max;

    public IcpFitModel(IcpProfile icp)
    {
        ArgumentNullException.ThrowIfNull(icp);
        _industries = ToCaseInsensitive(icp.TargetIndustries, "targetIndustries");
        _tech = ToCaseInsensitive(icp.TechAffinity, "techAffinity");
        _competitors = new HashSet<string>(icp.Competitors.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
        if (icp.EmployeeRange.Min < 0 || icp.EmployeeRange.Max < icp.EmployeeRange.Min)
        {
            throw new ArgumentException($"ICP employee range {icp.EmployeeRange.Min}–{icp.EmployeeRange.Max} is not a range.", nameof(icp));
        }

        _min = Math.Max(1, icp.EmployeeRange.Min);
        _max = Math.Max(_min, icp.EmployeeRange.Max);
    }

    public double IndustrySub(string industry) =>
        _industries.TryGetValue(industry.Trim(), out var w) ? Math.Clamp(w, 0, 1) : 0;

    public double SizeSub(int employees)
    {
        double e = Math.Max(1, employees);
        if (e < _min)
        {
            return Math.Clamp(1 - Math.Log(_min / e) / Math.Log(BelowRangeFloorRatio), 0, 1);
        }

        if (e > _max)
        {
            return Math.Max(AboveRangeFloor, 1 - 0.5 * Math.Log(e / _max) / Math.Log(AboveRangeHalfRatio));
        }

        return 1;
    }

    public double TechSub(IReadOnlyList<string> stack)
    {
        double miss = 1;
        int competitors = 0;
        for (int i = 0; i < stack.Count; i++)
        {
            var tech = stack[i].Trim();
            if (IsDuplicate(stack, i, tech))
            {
                continue;
            }

            if (_tech.TryGetValue(tech, out var affinity))
            {
                miss *= 1 - Math.Clamp(affinity, 0, 1);
            }

            if (_competitors.Contains(tech))
            {
                competitors++;
            }
        }

        return Math.Clamp(1 - miss - CompetitorPenalty * competitors, 0, 1);
    }

    public static double GrowthSub(double? growth) =>
        growth is { } g && double.IsFinite(g) ? Math.Clamp((g + 0.05) / 0.35, 0, 1) : UnknownGrowth;

    public double Score(Account account) =>
        IndustryWeight * IndustrySub(account.Industry)
        + SizeWeight * SizeSub(account.Employees)
        + TechWeight * TechSub(account.TechStack)
        + GrowthWeight * GrowthSub(account.GrowthRate);

    /// <summary>Fit score in [0, 1] to the 1–5 scale: fifths, so 0.8 and above is a 5.</summary>
    public static int Level(double score) => 1 + Math.Min(4, (int)Math.Floor(Math.Clamp(score, 0, 1) * 5));

    public IReadOnlyList<FitDimensionScore> Explain(Account account)
    {
        var c = CultureInfo.InvariantCulture;
        double industry = IndustrySub(account.Industry);
        string industryReason = industry >= 0.8 ? $"{account.Industry} is a core target industry +"
            : industry > 0 ? string.Format(c, "{0} is a secondary target industry (weight {1:0.0#})", account.Industry, industry)
            : $"{account.Industry} is not a target industry −";

        double size = SizeSub(account.Employees);
        string range = string.Format(c, "{0:N0}–{1:N0}", _min, _max);
        string sizeReason = account.Employees < _min ? string.Format(c, "{0:N0} employees, below the {1} employee range −", account.Employees, range)
            : account.Employees > _max ? string.Format(c, "{0:N0} employees, above the {1} employee range (slower cycles) −", account.Employees, range)
            : string.Format(c, "{0:N0} employees, inside the {1} employee range +", account.Employees, range);

        double tech = TechSub(account.TechStack);
        var affine = account.TechStack.Select(t => t.Trim()).Where(t => _tech.TryGetValue(t, out var a) && a > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var rivals = account.TechStack.Select(t => t.Trim()).Where(_competitors.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var techParts = new List<string>();
        if (affine.Count > 0)
        {
            techParts.Add($"{string.Join(", ", affine)} in stack +");
        }

        if (rivals.Count > 0)
        {
            techParts.Add($"competitor {string.Join(", ", rivals)} in stack −");
        }

        string techReason = techParts.Count > 0 ? string.Join("; ", techParts) : "no affinity technology in stack −";

        double growth = GrowthSub(account.GrowthRate);
        string growthReason = account.GrowthRate is not { } g || !double.IsFinite(g) ? "growth unknown"
            : g >= 0.15 ? string.Format(c, "growing {0:0%} a year +", g)
            : g < 0 ? string.Format(c, "shrinking {0:0%} a year −", -g)
            : string.Format(c, "modest growth ({0:0%} a year)", g);

        return
        [
            new(FitDimension.Industry, industry, IndustryWeight, industryReason),
            new(FitDimension.Size, size, SizeWeight, sizeReason),
            new(FitDimension.TechStack, tech, TechWeight, techReason),
            new(FitDimension.Growth, growth, GrowthWeight, growthReason),
        ];
    }

    private static bool IsDuplicate(IReadOnlyList<string> stack, int index, string tech)
    {
        for (int j = 0; j < index; j++)
        {
            if (string.Equals(stack[j].Trim(), tech, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, double> ToCaseInsensitive(IReadOnlyDictionary<string, double> source, string name)
    {
        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in source)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"ICP {name} weight for '{key}' is not a number.");
            }

            result[key.Trim()] = value;
        }

        return result;
    }
}
