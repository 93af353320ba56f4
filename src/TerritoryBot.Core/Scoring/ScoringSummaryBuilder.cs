using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Statistics;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Scoring;

/// <summary>The portfolio summary of a scoring run, in one pass plus one sort of the potentials.</summary>
internal static class ScoringSummaryBuilder
{
    public const string NoRegion = "(no region)";

    public static ScoringSummary Build(IReadOnlyList<Account> accounts, IReadOnlyList<AccountScore> scores, double[] sortedPotential,
        TierThresholds thresholds, ScoringOptions options, IReadOnlyList<SizeBand>? sizeBands = null)
    {
        sizeBands ??= [];
        int n = scores.Count;
        if (n == 0)
        {
            return ScoringSummary.Empty;
        }

        double total = 0, current = 0;
        int customers = 0, fallback = 0, whitespace = 0, misclassified = 0;
        var tiers = new Accumulator(StringComparer.Ordinal);
        var industries = new Accumulator(StringComparer.OrdinalIgnoreCase);
        var regions = new Accumulator(StringComparer.OrdinalIgnoreCase);
        var statuses = new Accumulator(StringComparer.Ordinal);
        foreach (var tier in Enum.GetValues<Tier>())
        {
            tiers.Add(tier.ToString(), 0, 0, count: false);
        }

        var top = new TopK(options.TopAccounts);
        var wrongTier = new TopK(options.MisclassifiedListLimit);
        for (int i = 0; i < n; i++)
        {
            var a = accounts[i];
            var s = scores[i];
            double arr = s.Status == AccountStatus.ActiveCustomer ? Math.Max(0, a.CurrentArr) : 0;
            total += s.PotentialArr;
            current += arr;
            customers += s.Status == AccountStatus.ActiveCustomer ? 1 : 0;
            fallback += s.PotentialMethod == PotentialMethod.Fallback ? 1 : 0;
            whitespace += s.Whitespace ? 1 : 0;
            tiers.Add(s.Tier.ToString(), s.PotentialArr, arr);
            industries.Add(a.Industry.Trim(), s.PotentialArr, arr);
            regions.Add(string.IsNullOrWhiteSpace(a.Region) ? NoRegion : a.Region.Trim(), s.PotentialArr, arr);
            statuses.Add(s.Status.ToString(), s.PotentialArr, arr);
            top.Offer(i, s.PotentialArr);
            if (a.CurrentTier is { } currentTier && currentTier != s.Tier)
            {
                misclassified++;
                // Biggest disagreements first, then the most potential at stake.
                wrongTier.Offer(i, Math.Abs(currentTier - s.Tier) * 1e15 + s.PotentialArr);
            }
        }

        var topAccounts = top.Descending().Select((i, rank) =>
        {
            var s = scores[i];
            var a = accounts[i];
            return new TopAccount(rank + 1, a.AccountId, a.Name, a.Industry, s.Tier, s.Status, s.Priority, s.IcpFit, s.PotentialArr,
                TierClassifier.CoverageApproach(s.Tier, s.Status));
        }).ToList();

        var misclassifiedList = wrongTier.Descending().Select(i =>
        {
            var s = scores[i];
            var a = accounts[i];
            var from = a.CurrentTier!.Value;
            return new MisclassifiedAccount(a.AccountId, a.Name, from, s.Tier,
                $"{(s.Tier < from ? "upgrade" : "downgrade")} {from} → {s.Tier}", Math.Abs(from - s.Tier), s.PotentialArr, s.IcpFit,
                TierClassifier.MisclassifiedRationale(from, s.Tier, s.PotentialArr, s.PotentialLow, s.PotentialHigh, s.IcpFit, thresholds, s.PotentialMethod,
                    SizeBands.Floor(sizeBands, a.Employees, a.AnnualRevenue), a.Employees));
        }).ToList();

        return new ScoringSummary(n, customers, total, current, n - fallback, fallback, whitespace,
            Concentrate(sortedPotential, total, options.ConcentrationTopShare),
            tiers.Totals(total, keepOrder: true), industries.Totals(total), regions.Totals(total), statuses.Totals(total),
            topAccounts, misclassified, misclassifiedList);
    }

    private static Concentration Concentrate(double[] ascending, double total, double share)
    {
        int n = ascending.Length;
        int topCount = Math.Clamp((int)Math.Ceiling(share * n), 1, n);
        double topSum = 0;
        for (int j = n - 1; j >= n - topCount; j--)
        {
            topSum += ascending[j];
        }

        double held = total > 0 ? topSum / total : 0;
        double gini = Distribution.Gini(ascending);
        string sentence = string.Format(CultureInfo.InvariantCulture,
            "top {0:0.#}% of accounts ({1:N0} of {2:N0}) hold {3:0}% of potential", share * 100, topCount, n, held * 100);
        return new Concentration(share, topCount, held, gini, sentence);
    }

    /// <summary>Sums per segment, remembering the first spelling seen of each name.</summary>
    private sealed class Accumulator(StringComparer comparer)
    {
        private readonly Dictionary<string, (string Name, int Count, double Potential, double Arr, int Order)> _segments = new(comparer);

        public void Add(string name, double potential, double arr, bool count = true)
        {
            if (_segments.TryGetValue(name, out var s))
            {
                _segments[name] = (s.Name, s.Count + (count ? 1 : 0), s.Potential + potential, s.Arr + arr, s.Order);
            }
            else
            {
                _segments[name] = (name, count ? 1 : 0, potential, arr, _segments.Count);
            }
        }

        public IReadOnlyList<SegmentTotal> Totals(double total, bool keepOrder = false)
        {
            var ordered = keepOrder
                ? _segments.Values.OrderBy(s => s.Order)
                : _segments.Values.OrderByDescending(s => s.Potential).ThenBy(s => s.Name, StringComparer.Ordinal);
            return ordered.Select(s => new SegmentTotal(s.Name, s.Count, s.Potential, total > 0 ? s.Potential / total : 0, s.Arr)).ToList();
        }
    }

    /// <summary>The k largest keys with their indices; ties keep the earlier index. O(n) when k is small.</summary>
    private sealed class TopK(int k)
    {
        private readonly List<(double Key, int Index)> _items = new(k + 1);

        public void Offer(int index, double key)
        {
            if (k == 0 || (_items.Count == k && key <= _items[^1].Key))
            {
                return;
            }

            int pos = _items.Count;
            while (pos > 0 && _items[pos - 1].Key < key)
            {
                pos--;
            }

            _items.Insert(pos, (key, index));
            if (_items.Count > k)
            {
                _items.RemoveAt(k);
            }
        }

        public IEnumerable<int> Descending() => _items.Select(x => x.Index);
    }
}
