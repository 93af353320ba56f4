using System.Text;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Scoring;

/// <summary>One row of the synonym table: a label some scheme uses, the canonical industry it means, and the scheme.</summary>
public sealed record IndustrySynonym(string Label, string Industry, string Scheme);

/// <summary>How a label was resolved.</summary>
public enum IndustryMatchKind
{
    /// <summary>The label is one of the ICP's target industries (ignoring case, punctuation and "&amp;"/"and").</summary>
    Exact,
    /// <summary>Listed under a target industry in icp.json industrySynonyms.</summary>
    IcpSynonym,
    /// <summary>Found in the synonym table.</summary>
    Table,
    /// <summary>Close enough to a known label (see <see cref="IndustryNormalizer.FuzzyThreshold"/>).</summary>
    Fuzzy,
    /// <summary>Nothing matched; the label is kept as it is.</summary>
    Unmatched,
}

/// <summary>
/// The resolution of one label. <paramref name="Industry"/> is the industry scoring sees (the original label when
/// unmatched); <paramref name="IsTarget"/> says whether it is one of the ICP's target industries.
/// </summary>
public sealed record IndustryMatch(string Label, string Industry, IndustryMatchKind Kind, bool IsTarget, double Similarity);

/// <summary>
/// Normalises industry labels from CRM exports and public lists to the ICP's target industries: exact match,
/// then icp.json synonyms, then the synonym table (Fortune sectors, Salesforce and HubSpot picklists, NAICS
/// sectors, LinkedIn industries → canonical industries), then a fuzzy match over all of those labels. A canonical
/// industry meets a target industry when they are equal or the table gives both the same canonical industry, so
/// an ICP that says "Finance" still meets "Financials". Pure: the table comes in as data. Thread-safe after
/// construction; <see cref="Match"/> is memoised per distinct label.
/// </summary>
public sealed class IndustryNormalizer
{
    /// <summary>
    /// Lowest similarity (0–1) a fuzzy match must reach: the larger of the whole-label edit-distance ratio and the
    /// token Dice coefficient (tokens equal, one edit apart when 5+ letters, or one a 5+ letter prefix of the other).
    /// 0.8 accepts "Finacial Services" and "Health Care Providers" (3 tokens, 2 shared), rejects "Business Services"
    /// against "Financial Services" (0.5) and "Specialty Retailers" against "Retail" (0.67).
    /// </summary>
    public const double FuzzyThreshold = 0.8;

    /// <summary>
    /// Distinct labels one normaliser fuzzy-matches; later unknown labels are unmatched without trying. An industry
    /// column with thousands of distinct unknown labels is not an industry column, and fuzzy matching every one of
    /// 100,000 would cost seconds on every load (docs/benchmarks.md).
    /// </summary>
    public const int MaxFuzzyLabels = 2_000;

    private int _fuzzyTried;

    private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);          // key → target name
    private readonly Dictionary<string, string> _icpSynonyms = new(StringComparer.Ordinal);      // key → target name
    private readonly Dictionary<string, string> _table = new(StringComparer.Ordinal);            // key → canonical
    private readonly Dictionary<string, string> _targetByCanonical = new(StringComparer.Ordinal); // canonical key → target name
    private readonly (string Key, string[] Tokens)[] _fuzzyKeys;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IndustryMatch> _memo = new(StringComparer.Ordinal);

    /// <param name="targetIndustries">The ICP's target industries (icp.json targetIndustries keys).</param>
    /// <param name="icpSynonyms">icp.json industrySynonyms: target industry → labels that mean it.</param>
    /// <param name="table">The synonym table.</param>
    /// <exception cref="ArgumentException">The table maps one label to two industries, or a synonym names no target industry.</exception>
    public IndustryNormalizer(IEnumerable<string> targetIndustries, IReadOnlyDictionary<string, IReadOnlyList<string>> icpSynonyms,
        IReadOnlyList<IndustrySynonym> table)
    {
        ArgumentNullException.ThrowIfNull(targetIndustries);
        ArgumentNullException.ThrowIfNull(icpSynonyms);
        ArgumentNullException.ThrowIfNull(table);
        foreach (var t in targetIndustries)
        {
            var key = Key(t);
            if (key.Length > 0)
            {
                _targets.TryAdd(key, t.Trim());
            }
        }

        foreach (var row in table)
        {
            ArgumentNullException.ThrowIfNull(row);
            string key = Key(row.Label), canonical = row.Industry.Trim();
            if (key.Length == 0 || canonical.Length == 0)
            {
                throw new ArgumentException($"Industry synonym table: a row has an empty label or industry ('{row.Label}' → '{row.Industry}').", nameof(table));
            }

            if (_table.TryGetValue(key, out var existing) && !string.Equals(existing, canonical, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Industry synonym table: '{row.Label}' ({row.Scheme}) means both '{existing}' and '{canonical}'.", nameof(table));
            }

            _table[key] = canonical;
        }

        // A target meets a canonical industry when it is that industry or the table maps it there ("Finance" → Financial Services).
        foreach (var (key, name) in _targets)
        {
            _targetByCanonical.TryAdd(key, name);
            if (_table.TryGetValue(key, out var canonical))
            {
                _targetByCanonical.TryAdd(Key(canonical), name);
            }
        }

        foreach (var (target, labels) in icpSynonyms)
        {
            if (!_targets.TryGetValue(Key(target), out var name))
            {
                throw new ArgumentException($"industrySynonyms: '{target}' is not a target industry.", nameof(icpSynonyms));
            }

            foreach (var label in labels)
            {
                var key = Key(label);
                if (key.Length > 0)
                {
                    _icpSynonyms[key] = name;
                }
            }
        }

        _fuzzyKeys = [.. _targets.Keys.Concat(_icpSynonyms.Keys).Concat(_table.Keys).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(k => (k, k.Split(' ')))];
    }

    /// <summary>The normaliser for a profile: its target industries and synonyms over <paramref name="table"/>.</summary>
    public static IndustryNormalizer For(IcpProfile icp, IReadOnlyList<IndustrySynonym> table)
    {
        ArgumentNullException.ThrowIfNull(icp);
        return new IndustryNormalizer(icp.TargetIndustries.Keys, icp.IndustrySynonyms, table);
    }

    /// <summary>Resolves one label (see the class summary for the order).</summary>
    public IndustryMatch Match(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return _memo.GetOrAdd(label, Resolve);
    }

    private IndustryMatch Resolve(string label)
    {
        string trimmed = label.Trim();
        string key = Key(trimmed);
        if (key.Length == 0)
        {
            return new IndustryMatch(label, trimmed, IndustryMatchKind.Unmatched, false, 0);
        }

        if (Direct(key) is { } direct)
        {
            return direct with { Label = label };
        }

        if (Interlocked.Increment(ref _fuzzyTried) > MaxFuzzyLabels)
        {
            return new IndustryMatch(label, trimmed, IndustryMatchKind.Unmatched, false, 0);
        }

        // Fuzzy: the best known label at or above the threshold; a tie between different industries is no match.
        double best = 0;
        IndustryMatch? found = null;
        bool ambiguous = false;
        var tokens = key.Split(' ');
        foreach (var (candidate, candidateTokens) in _fuzzyKeys)
        {
            double s = Similarity(key, tokens, candidate, candidateTokens);
            if (s < FuzzyThreshold || s < best - 1e-12)
            {
                continue;
            }

            var m = Direct(candidate)!;
            if (s > best + 1e-12)
            {
                best = s;
                found = m;
                ambiguous = false;
            }
            else if (!string.Equals(found!.Industry, m.Industry, StringComparison.OrdinalIgnoreCase))
            {
                ambiguous = true;
            }
        }

        return found is null || ambiguous
            ? new IndustryMatch(label, trimmed, IndustryMatchKind.Unmatched, false, best)
            : new IndustryMatch(label, found.Industry, IndustryMatchKind.Fuzzy, found.IsTarget, best);
    }

    private IndustryMatch? Direct(string key)
    {
        if (_targets.TryGetValue(key, out var target))
        {
            return new IndustryMatch("", target, IndustryMatchKind.Exact, true, 1);
        }

        if (_icpSynonyms.TryGetValue(key, out var synonym))
        {
            return new IndustryMatch("", synonym, IndustryMatchKind.IcpSynonym, true, 1);
        }

        if (_table.TryGetValue(key, out var canonical))
        {
            return _targetByCanonical.TryGetValue(Key(canonical), out var t)
                ? new IndustryMatch("", t, IndustryMatchKind.Table, true, 1)
                : new IndustryMatch("", canonical, IndustryMatchKind.Table, false, 1);
        }

        return null;
    }

    /// <summary>
    /// Lower case, letters and digits only, words separated by one space, "&amp;" read as "and" and "and" dropped:
    /// "Food, Beverages &amp; Tobacco", "FOOD_BEVERAGES_AND_TOBACCO" and "food beverages tobacco" are one key.
    /// </summary>
    public static string Key(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var sb = new StringBuilder(label.Length);
        var words = new List<string>();
        void Flush()
        {
            if (sb.Length > 0)
            {
                var w = sb.ToString();
                if (w != "and")
                {
                    words.Add(w);
                }

                sb.Clear();
            }
        }

        foreach (char ch in label.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark && ch != '\'')
            {
                Flush();
            }
        }

        Flush();
        return string.Join(' ', words);
    }

    /// <summary>max(1 − edit distance / longer length, token Dice); both in [0, 1], 1 only for equal keys.</summary>
    internal static double Similarity(string a, string[] aTokens, string b, string[] bTokens)
    {
        if (a == b)
        {
            return 1;
        }

        int longer = Math.Max(a.Length, b.Length);
        // Only distances that could reach the threshold matter: the bounded search stops early (and at once when the
        // lengths alone differ by more), which keeps a file of many distinct unknown labels cheap.
        int maxEdits = (int)Math.Floor((1 - FuzzyThreshold) * longer + 1e-9);
        int distance = longer == 0 ? 0 : Levenshtein(a, b, maxEdits);
        double whole = longer == 0 || distance > maxEdits ? 0 : 1 - (double)distance / longer;
        // Dice can reach the threshold only when the token counts are close: 2·min / (|a| + |b|) bounds it.
        int matched = 0;
        if (2.0 * Math.Min(aTokens.Length, bTokens.Length) / (aTokens.Length + bTokens.Length) >= FuzzyThreshold && bTokens.Length <= 64)
        {
            ulong used = 0;
            foreach (var t in aTokens)
            {
                for (int j = 0; j < bTokens.Length; j++)
                {
                    if ((used & (1UL << j)) == 0 && TokensMatch(t, bTokens[j]))
                    {
                        used |= 1UL << j;
                        matched++;
                        break;
                    }
                }
            }
        }

        double dice = aTokens.Length + bTokens.Length == 0 ? 0 : 2.0 * matched / (aTokens.Length + bTokens.Length);
        // Keep inexact matches strictly below 1 so an exact key always wins.
        return Math.Min(Math.Max(whole, dice), 0.999);
    }

    private static bool TokensMatch(string x, string y) =>
        x == y
        || (Math.Min(x.Length, y.Length) >= 5 && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal) || OneEditApart(x, y)));

    /// <summary>One substitution, insertion or deletion turns x into y (linear, no allocation).</summary>
    private static bool OneEditApart(string x, string y)
    {
        if (x.Length > y.Length)
        {
            (x, y) = (y, x);
        }

        if (y.Length - x.Length > 1)
        {
            return false;
        }

        int i = 0;
        while (i < x.Length && x[i] == y[i])
        {
            i++;
        }

        return x.Length == y.Length
            ? x.AsSpan(i + Math.Min(1, x.Length - i)).SequenceEqual(y.AsSpan(i + Math.Min(1, y.Length - i)))
            : x.AsSpan(i).SequenceEqual(y.AsSpan(i + 1));
    }

    /// <summary>Edit distance, giving up (returning max + 1) once it must exceed <paramref name="max"/>.</summary>
    private static int Levenshtein(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        Span<int> prev = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> cur = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var swap = prev;
            prev = cur;
            cur = swap;
        }

        return prev[b.Length];
    }
}

/// <summary>Applies an <see cref="IndustryNormalizer"/> to a data set: scoring sees canonical industries, the original label stays on the account.</summary>
public static class IndustryNormalization
{
    /// <summary>
    /// The data set with every account's <see cref="Account.Industry"/> normalised (the original kept in
    /// <see cref="Account.IndustryLabel"/> when it changed), and one match per distinct original label with its account count.
    /// </summary>
    public static (DataSet Data, IReadOnlyList<(IndustryMatch Match, int Accounts)> Labels) Apply(DataSet data, IReadOnlyList<IndustrySynonym> table)
    {
        ArgumentNullException.ThrowIfNull(data);
        var normalizer = IndustryNormalizer.For(data.Icp, table);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var accounts = new Account[data.Accounts.Count];
        bool changed = false;
        for (int i = 0; i < accounts.Length; i++)
        {
            var a = data.Accounts[i];
            string original = a.IndustryLabel ?? a.Industry;
            counts[original] = counts.GetValueOrDefault(original) + 1;
            var m = normalizer.Match(original);
            string? label = string.Equals(m.Industry, original, StringComparison.Ordinal) ? null : original;
            if (string.Equals(m.Industry, a.Industry, StringComparison.Ordinal) && string.Equals(label, a.IndustryLabel, StringComparison.Ordinal))
            {
                accounts[i] = a;
                continue;
            }

            changed = true;
            accounts[i] = a with { Industry = m.Industry, IndustryLabel = label };
        }

        var labels = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (normalizer.Match(c.Key), c.Value)).ToList();
        return (changed ? data with { Accounts = accounts } : data, labels);
    }
}
