using System.Globalization;
using MathNet.Numerics.Statistics;

namespace TerritoryBot.Core.Query;

/// <summary>
/// Runs an <see cref="AccountQuery"/> over an <see cref="AccountTable"/> within a <see cref="QueryScope"/>. Pure and
/// deterministic: rows are visited in account id order, sums are taken in that order, ties break by account id.
/// The query is validated like user input: a bad one gives <see cref="QueryInvalid"/>, a filter naming a rep or
/// team outside the scope gives <see cref="QueryRefused"/>; neither throws.
/// </summary>
public static class QueryEngine
{
    /// <summary>Most filters one query may carry.</summary>
    public const int MaxFilters = 32;

    /// <summary>Most values one filter may carry, and most list fields.</summary>
    public const int MaxValues = 64;

    public static QueryOutcome Run(AccountTable table, AccountQuery query, QueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        if (Validate(query) is { } invalid)
        {
            return invalid;
        }

        var scopeRows = ScopeRows(table, scope);
        var compiled = new CompiledFilter[query.Filters.Count];
        for (int f = 0; f < compiled.Length; f++)
        {
            var outcome = Compile(table, scope, scopeRows, query.Filters[f]);
            if (outcome.Refused is { } refused)
            {
                return refused;
            }

            compiled[f] = outcome.Filter!;
        }

        var numbers = new Numbers(table, StageNarrowing(table, compiled), scopeRows);
        var remaining = new int[compiled.Length];
        var rows = scopeRows;

        // Plain filters in the order given, then top/bottom ones over what is left (they rank within it).
        for (int f = 0; f < compiled.Length; f++)
        {
            if (compiled[f].Source.Op is not (FilterOp.Top or FilterOp.Bottom))
            {
                var matches = compiled[f].Predicate(table, numbers);
                bool negated = compiled[f].Source.Negated;
                rows = Keep(rows, row => matches(row) != negated);
                remaining[f] = rows.Length;
            }
        }

        for (int f = 0; f < compiled.Length; f++)
        {
            if (compiled[f].Source.Op is FilterOp.Top or FilterOp.Bottom)
            {
                rows = Extremes(rows, compiled[f].Source, numbers);
                remaining[f] = rows.Length;
            }
        }

        int[] ordered = rows;
        if (query.Rank is { } rank)
        {
            ordered = Order(rows, numbers.Of(rank.By), rank.Ascending, rank.Limit);
        }

        var selected = (int[])ordered.Clone();
        Array.Sort(selected);
        var measure = query.Measure;
        var total = Figure(table, numbers, measure, selected, scopeRows);
        var groups = query.GroupBy is { } by ? Groups(table, numbers, measure, by, selected, scopeRows) : [];

        return new QueryAnswer
        {
            Query = query,
            AsOf = table.AsOf,
            ScopeCount = scopeRows.Length,
            MatchCount = rows.Length,
            SelectedCount = selected.Length,
            Filters = [.. compiled.Select((c, f) => new AppliedFilter(c.Source, c.Resolved, c.Unknown, remaining[f]))],
            Total = total,
            Groups = groups,
            AccountIds = new IdList(table.Ids, ordered),
            Rows = [.. ordered.Take(query.RowLimit).Select(row => Row(table, numbers, query.ListFields, row))],
        };
    }

    private static QueryInvalid? Validate(AccountQuery query)
    {
        if (query.Filters is null || query.ListFields is null || query.Measure is null)
        {
            return new QueryInvalid(QueryProblem.MissingValue);
        }

        if (query.Filters.Count > MaxFilters || query.ListFields.Count > MaxValues)
        {
            return new QueryInvalid(QueryProblem.TooLarge);
        }

        foreach (var filter in query.Filters)
        {
            if (filter is null)
            {
                return new QueryInvalid(QueryProblem.MissingValue);
            }

            if (ValidateFilter(filter) is { } problem)
            {
                return problem;
            }
        }

        var m = query.Measure;
        if (m.Field is { } mf && !Known(mf))
        {
            return new QueryInvalid(QueryProblem.UnknownField, Value: ((int)mf).ToString(CultureInfo.InvariantCulture));
        }

        switch (m.Kind)
        {
            case MeasureKind.Count:
            case MeasureKind.Penetration:
            case MeasureKind.CustomerRate:
                if (m.Field is not null)
                {
                    return new QueryInvalid(QueryProblem.MeasureTakesNoField, m.Field, m.Kind.ToString());
                }

                break;
            case MeasureKind.Share:
                if (m.Field is { } sf && !QueryFields.Info(sf).IsNumeric)
                {
                    return new QueryInvalid(QueryProblem.MeasureNeedsNumericField, sf, m.Kind.ToString());
                }

                break;
            case MeasureKind.Sum:
            case MeasureKind.Average:
            case MeasureKind.Median:
            case MeasureKind.Min:
            case MeasureKind.Max:
                if (m.Field is not { } nf || !QueryFields.Info(nf).IsNumeric)
                {
                    return new QueryInvalid(QueryProblem.MeasureNeedsNumericField, m.Field, m.Kind.ToString());
                }

                break;
            default:
                return new QueryInvalid(QueryProblem.InvalidValue, Value: m.Kind.ToString());
        }

        if (query.GroupBy is { } g && (!Known(g) || !QueryFields.Info(g).Groupable))
        {
            return new QueryInvalid(Known(g) ? QueryProblem.NotGroupable : QueryProblem.UnknownField, Known(g) ? g : null);
        }

        if (query.Rank is { } r)
        {
            if (!Known(r.By) || !QueryFields.Info(r.By).IsNumeric)
            {
                return new QueryInvalid(Known(r.By) ? QueryProblem.NotRankable : QueryProblem.UnknownField, Known(r.By) ? r.By : null);
            }

            if (r.Limit is < 1)
            {
                return new QueryInvalid(QueryProblem.InvalidCount, r.By, r.Limit.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (query.ListFields.FirstOrDefault(f => !Known(f)) is var bad && !Known(bad))
        {
            return new QueryInvalid(QueryProblem.UnknownField, Value: ((int)bad).ToString(CultureInfo.InvariantCulture));
        }

        return query.RowLimit < 0
            ? new QueryInvalid(QueryProblem.InvalidCount, Value: query.RowLimit.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    private static QueryInvalid? ValidateFilter(QueryFilter filter)
    {
        if (!Known(filter.Field))
        {
            return new QueryInvalid(QueryProblem.UnknownField, Value: ((int)filter.Field).ToString(CultureInfo.InvariantCulture));
        }

        var info = QueryFields.Info(filter.Field);
        var field = filter.Field;
        if (filter.Values is null)
        {
            return new QueryInvalid(QueryProblem.MissingValue, field);
        }

        switch (filter.Op)
        {
            case FilterOp.Is:
                if (info.IsNumeric)
                {
                    return new QueryInvalid(QueryProblem.OperatorNotValid, field, filter.Op.ToString());
                }

                if (filter.Values is null || filter.Values.Count == 0 || filter.Values.Any(string.IsNullOrWhiteSpace))
                {
                    return new QueryInvalid(QueryProblem.MissingValue, field);
                }

                if (filter.Values.Count > MaxValues)
                {
                    return new QueryInvalid(QueryProblem.TooLarge, field);
                }

                if (info.Kind == FieldKind.Flag && filter.Values.FirstOrDefault(v => ParseFlag(v) is null) is { } notFlag)
                {
                    return new QueryInvalid(QueryProblem.InvalidValue, field, notFlag);
                }

                return null;
            case FilterOp.Contains:
                if (info.Kind is not (FieldKind.Text or FieldKind.Category or FieldKind.Set))
                {
                    return new QueryInvalid(QueryProblem.OperatorNotValid, field, filter.Op.ToString());
                }

                return filter.Values is { Count: 1 } && !string.IsNullOrWhiteSpace(filter.Values[0])
                    ? null
                    : new QueryInvalid(QueryProblem.MissingValue, field);
            case FilterOp.Above:
            case FilterOp.Below:
            case FilterOp.AtLeast:
            case FilterOp.AtMost:
            case FilterOp.Equal:
            case FilterOp.Between:
                if (!info.IsNumeric)
                {
                    return new QueryInvalid(QueryProblem.OperatorNotValid, field, filter.Op.ToString());
                }

                if (!double.IsFinite(filter.Number) || (filter.Op == FilterOp.Between && !double.IsFinite(filter.UpperNumber)))
                {
                    return new QueryInvalid(QueryProblem.InvalidNumber, field);
                }

                return filter.Op == FilterOp.Between && filter.Number > filter.UpperNumber
                    ? new QueryInvalid(QueryProblem.InvalidRange, field)
                    : null;
            case FilterOp.Missing:
                return null;
            case FilterOp.Top:
            case FilterOp.Bottom:
                if (!info.IsNumeric)
                {
                    return new QueryInvalid(QueryProblem.OperatorNotValid, field, filter.Op.ToString());
                }

                return filter.Count < 1 ? new QueryInvalid(QueryProblem.InvalidCount, field, filter.Count.ToString(CultureInfo.InvariantCulture)) : null;
            default:
                return new QueryInvalid(QueryProblem.OperatorNotValid, field, ((int)filter.Op).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static bool Known(QueryField field) => (int)field >= 0 && (int)field < QueryFields.All.Count;

    private static bool? ParseFlag(string value) => value.Trim().ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => null,
    };

    private static int[] ScopeRows(AccountTable table, QueryScope scope)
    {
        if (scope.Everything)
        {
            return table.AllRows;
        }

        var owners = table.Categories[QueryField.Owner];
        var visible = new bool[owners.Labels.Length];
        for (int c = 0; c < visible.Length; c++)
        {
            visible[c] = scope.OwnerIds.Contains(owners.Labels[c]);
        }

        return Keep([.. Enumerable.Range(0, table.Count)], row => owners.Codes[row] >= 0 && visible[owners.Codes[row]]);
    }

    private static int[] Keep(int[] rows, Func<int, bool> keep)
    {
        var kept = new List<int>(rows.Length);
        foreach (int row in rows)
        {
            if (keep(row))
            {
                kept.Add(row);
            }
        }

        return [.. kept];
    }

    private readonly record struct Compiled(CompiledFilter? Filter, QueryRefused? Refused);

    private static Compiled Compile(AccountTable table, QueryScope scope, int[] scopeRows, QueryFilter filter)
    {
        var info = QueryFields.Info(filter.Field);
        var field = filter.Field;
        switch (info.Kind)
        {
            case FieldKind.Numeric:
                return new(new CompiledFilter(filter, [], [], null), null);
            case FieldKind.Flag:
                return new(new CompiledFilter(filter, [.. filter.Values.Select(v => ParseFlag(v)!.Value ? "true" : "false").Distinct()], [], null), null);
            case FieldKind.Text:
                return new(new CompiledFilter(filter, [.. filter.Values.Select(v => v.Trim())], [], null), null);
        }

        var labels = info.Kind == FieldKind.Set ? table.Sets[field].Labels : table.Categories[field].Labels;
        var codeByLabel = info.Kind == FieldKind.Set ? table.Sets[field].CodeByLabel : table.Categories[field].CodeByLabel;
        var present = Present(table, field, scopeRows, labels.Length);
        var codes = new bool[labels.Length];
        var resolved = new List<string>();
        var unknown = new List<string>();
        if (filter.Op == FilterOp.Contains)
        {
            var text = filter.Values[0].Trim();
            for (int c = 0; c < labels.Length; c++)
            {
                bool hit = labels[c].Contains(text, StringComparison.OrdinalIgnoreCase)
                    || (field is QueryField.Owner or QueryField.Team && table.RepName(labels[c]) is { } name && name.Contains(text, StringComparison.OrdinalIgnoreCase));
                if (hit && present[c])
                {
                    codes[c] = true;
                    resolved.Add(labels[c]);
                }
            }

            return new(new CompiledFilter(filter, resolved, resolved.Count == 0 ? [text] : [], codes), null);
        }

        if (filter.Op == FilterOp.Missing)
        {
            return new(new CompiledFilter(filter, [], [], null), null);
        }

        foreach (var raw in filter.Values)
        {
            var value = raw.Trim();
            string? key = value;
            if (field is QueryField.Owner or QueryField.Team)
            {
                key = table.RepIdFor(value);
                bool visible = key is not null && (scope.Everything || (field == QueryField.Owner
                    ? scope.OwnerIds.Contains(key)
                    : scope.OwnerIds.Any(rep => table.ManagerOf(rep) == key)));
                if (!visible && !scope.Everything)
                {
                    // Same refusal whether the person exists, is out of scope or was never there.
                    return new(null, new QueryRefused(field, raw));
                }

                key ??= value;
            }
            else if (field == QueryField.Industry)
            {
                key = AccountTable.Canonical(value, table.IndustryMap);
            }
            else if (field == QueryField.State)
            {
                key = AccountTable.StateKey(value);
            }

            if (key is not null && codeByLabel.TryGetValue(key, out int code))
            {
                codes[code] = true;
                resolved.Add(labels[code]);
                if (!present[code])
                {
                    unknown.Add(value);
                }
            }
            else
            {
                resolved.Add(key ?? value);
                unknown.Add(value);
            }
        }

        return new(new CompiledFilter(filter, [.. resolved.Distinct(StringComparer.Ordinal)], unknown, codes), null);
    }

    /// <summary>Which codes of a category or set column occur in scope.</summary>
    private static bool[] Present(AccountTable table, QueryField field, int[] scopeRows, int labels)
    {
        var present = new bool[labels];
        if (table.Sets.TryGetValue(field, out var set))
        {
            foreach (int row in scopeRows)
            {
                foreach (int c in set.Codes[row])
                {
                    present[c] = true;
                }
            }
        }
        else
        {
            var codes = table.Categories[field].Codes;
            foreach (int row in scopeRows)
            {
                if (codes[row] >= 0)
                {
                    present[codes[row]] = true;
                }
            }
        }

        return present;
    }

    /// <summary>
    /// The stages a positive open-stage filter names (intersected over several); the pipeline figures then count the
    /// deals in those stages only, so "pipeline in Negotiation" is the Negotiation deals, not the whole account's.
    /// </summary>
    private static bool[]? StageNarrowing(AccountTable table, CompiledFilter[] filters)
    {
        bool[]? allowed = null;
        foreach (var f in filters)
        {
            if (f.Source.Field == QueryField.OpenStage && !f.Source.Negated && f.Codes is { } codes)
            {
                allowed = allowed is null ? (bool[])codes.Clone() : [.. allowed.Select((a, c) => a && codes[c])];
            }
        }

        return allowed;
    }

    private static int[] Extremes(int[] rows, QueryFilter filter, Numbers numbers)
    {
        var values = numbers.Of(filter.Field);
        var known = rows.Where(row => !double.IsNaN(values[row])).ToArray();
        var chosen = new HashSet<int>(Order(known, values, filter.Op == FilterOp.Bottom, filter.Count));
        return Keep(rows, row => chosen.Contains(row) != filter.Negated);
    }

    /// <summary>
    /// Rows by value (highest first unless ascending), unknown values last, ties by row (account id) order; with a
    /// limit, only the first <paramref name="limit"/>. A small limit keeps a bounded heap instead of sorting every row.
    /// </summary>
    private static int[] Order(int[] rows, double[] values, bool ascending, int? limit = null)
    {
        var comparer = Comparer<int>.Create((x, y) =>
        {
            double a = values[x], b = values[y];
            bool na = double.IsNaN(a), nb = double.IsNaN(b);
            int byValue = na || nb ? na.CompareTo(nb) : ascending ? a.CompareTo(b) : b.CompareTo(a);
            return byValue != 0 ? byValue : x.CompareTo(y);
        });
        if (limit is { } k && k < rows.Length / 4)
        {
            // The heap's root is the worst row kept so far; a row better than it replaces it.
            var heap = new PriorityQueue<int, int>(k + 1, Comparer<int>.Create((x, y) => comparer.Compare(y, x)));
            foreach (int row in rows)
            {
                if (heap.Count < k)
                {
                    heap.Enqueue(row, row);
                }
                else if (comparer.Compare(row, heap.Peek()) < 0)
                {
                    heap.DequeueEnqueue(row, row);
                }
            }

            var best = heap.UnorderedItems.Select(item => item.Element).ToArray();
            Array.Sort(best, comparer);
            return best;
        }

        var ordered = (int[])rows.Clone();
        Array.Sort(ordered, comparer);
        return limit is { } n && n < ordered.Length ? ordered[..n] : ordered;
    }

    private static QueryFigure Figure(AccountTable table, Numbers numbers, QueryMeasure measure, int[] rows, int[] scopeRows)
    {
        switch (measure.Kind)
        {
            case MeasureKind.Count:
                return new QueryFigure(rows.Length, rows.Length, rows.Length);
            case MeasureKind.Share:
                if (measure.Field is { } sf)
                {
                    var (part, partCount) = Sum(numbers.Of(sf), rows);
                    double whole = numbers.ScopeSum(sf, scopeRows);
                    return new QueryFigure(whole != 0 ? part / whole : null, rows.Length, partCount, part, whole);
                }

                return new QueryFigure(scopeRows.Length > 0 ? (double)rows.Length / scopeRows.Length : null, rows.Length, rows.Length, rows.Length, scopeRows.Length);
            case MeasureKind.Penetration:
            {
                var (current, _) = Sum(numbers.Of(QueryField.CurrentArr), rows);
                var (potential, _) = Sum(numbers.Of(QueryField.PotentialArr), rows);
                return new QueryFigure(potential > 0 ? current / potential : null, rows.Length, rows.Length, current, potential);
            }

            case MeasureKind.CustomerRate:
            {
                var flags = table.Flags[QueryField.Customer];
                int customers = rows.Count(row => flags[row]);
                return new QueryFigure(rows.Length > 0 ? (double)customers / rows.Length : null, rows.Length, rows.Length, customers, rows.Length);
            }
        }

        var values = numbers.Of(measure.Field!.Value);
        var known = new List<double>(rows.Length);
        foreach (int row in rows)
        {
            if (!double.IsNaN(values[row]))
            {
                known.Add(values[row]);
            }
        }

        double? value = measure.Kind switch
        {
            MeasureKind.Sum => Sum(values, rows).Total,
            MeasureKind.Average => known.Count > 0 ? Sum(values, rows).Total / known.Count : null,
            MeasureKind.Median => known.Count > 0 ? Median(known) : null,
            MeasureKind.Min => known.Count > 0 ? known.Min() : null,
            MeasureKind.Max => known.Count > 0 ? known.Max() : null,
            _ => null,
        };
        return new QueryFigure(value, rows.Length, known.Count);
    }

    private static (double Total, int Known) Sum(double[] values, int[] rows)
    {
        double total = 0;
        int known = 0;
        foreach (int row in rows)
        {
            if (!double.IsNaN(values[row]))
            {
                total += values[row];
                known++;
            }
        }

        return (total, known);
    }

    /// <summary>The middle value, or the mean of the two middle ones: MathNet's selection, linear rather than a sort.</summary>
    private static double Median(List<double> values) => ArrayStatistics.MedianInplace([.. values]);

    private static List<QueryGroup> Groups(AccountTable table, Numbers numbers, QueryMeasure measure, QueryField by, int[] rows, int[] scopeRows)
    {
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unknown = new List<int>();
        if (table.Categories.TryGetValue(by, out var category))
        {
            return CategoryGroups(table, numbers, measure, category, rows, scopeRows);
        }
        else
        {
            foreach (int row in rows)
            {
                var key = GroupKey(table, numbers, by, row);
                if (key is null)
                {
                    unknown.Add(row);
                }
                else if (members.TryGetValue(key, out var list))
                {
                    list.Add(row);
                }
                else
                {
                    members[key] = [row];
                }
            }
        }

        var groups = members.Select(g => new QueryGroup(g.Key, Figure(table, numbers, measure, [.. g.Value], scopeRows))).ToList();
        SortGroups(groups);
        if (unknown.Count > 0)
        {
            groups.Add(new QueryGroup(null, Figure(table, numbers, measure, [.. unknown], scopeRows)));
        }

        return groups;
    }

    /// <summary>
    /// Groups of a category column: rows bucketed by code with one counting pass (rows stay in id order within a
    /// bucket), so a group-by over 100k accounts allocates two arrays rather than a list per group.
    /// </summary>
    private static List<QueryGroup> CategoryGroups(AccountTable table, Numbers numbers, QueryMeasure measure, CategoryColumn category, int[] rows, int[] scopeRows)
    {
        int groups = category.Labels.Length;
        var start = new int[groups + 2];
        foreach (int row in rows)
        {
            // Slot 0 holds the unknown code (-1), slot c+1 code c.
            start[category.Codes[row] + 2]++;
        }

        for (int g = 1; g < start.Length; g++)
        {
            start[g] += start[g - 1];
        }

        var bucketed = new int[rows.Length];
        var next = (int[])start.Clone();
        foreach (int row in rows)
        {
            bucketed[next[category.Codes[row] + 1]++] = row;
        }

        var result = new List<QueryGroup>();
        for (int code = 0; code < groups; code++)
        {
            if (start[code + 2] > start[code + 1])
            {
                result.Add(new QueryGroup(category.Labels[code], Figure(table, numbers, measure, bucketed[start[code + 1]..start[code + 2]], scopeRows)));
            }
        }

        SortGroups(result);
        if (start[1] > 0)
        {
            result.Add(new QueryGroup(null, Figure(table, numbers, measure, bucketed[..start[1]], scopeRows)));
        }

        return result;
    }

    /// <summary>Highest value first, undefined values after, ties by key.</summary>
    private static void SortGroups(List<QueryGroup> groups) => groups.Sort((a, b) =>
    {
        double? x = a.Figure.Value, y = b.Figure.Value;
        int byValue = x is null || y is null ? (x is null).CompareTo(y is null) : y.Value.CompareTo(x.Value);
        return byValue != 0 ? byValue : string.CompareOrdinal(a.Key, b.Key);
    });

    /// <summary>The group of a row for flags and numbers (categories are grouped by code).</summary>
    private static string? GroupKey(AccountTable table, Numbers numbers, QueryField by, int row)
    {
        if (table.Flags.TryGetValue(by, out var flags))
        {
            return flags[row] ? "true" : "false";
        }

        double value = numbers.Of(by)[row];
        return double.IsNaN(value) ? null : value.ToString(CultureInfo.InvariantCulture);
    }

    private static QueryRow Row(AccountTable table, Numbers numbers, IReadOnlyList<QueryField> fields, int row) =>
        new(table.Ids[row], table.Names[row], [.. fields.Select(f => Cell(table, numbers, f, row))]);

    private static QueryCell Cell(AccountTable table, Numbers numbers, QueryField field, int row)
    {
        switch (field)
        {
            case QueryField.AccountId:
                return new QueryCell(field, Text: table.Ids[row]);
            case QueryField.Name:
                return new QueryCell(field, Text: table.Names[row]);
        }

        if (table.Categories.TryGetValue(field, out var category))
        {
            int code = category.Codes[row];
            return new QueryCell(field, Text: code >= 0 ? category.Labels[code] : null);
        }

        if (table.Flags.TryGetValue(field, out var flags))
        {
            return new QueryCell(field, Flag: flags[row]);
        }

        if (table.Sets.TryGetValue(field, out var set))
        {
            return new QueryCell(field, Labels: [.. set.Codes[row].Select(c => set.Labels[c])]);
        }

        double value = numbers.Of(field)[row];
        return new QueryCell(field, Number: double.IsNaN(value) ? null : value);
    }

    /// <summary>A compiled filter: its resolution facts and, for labels, the codes it matches.</summary>
    private sealed record CompiledFilter(QueryFilter Source, IReadOnlyList<string> Resolved, IReadOnlyList<string> Unknown, bool[]? Codes)
    {
        /// <summary>The plain (not negated) test of one row, with the column arrays looked up once.</summary>
        public Func<int, bool> Predicate(AccountTable table, Numbers numbers)
        {
            var f = Source;
            bool missing = f.Op == FilterOp.Missing;
            if (table.Categories.TryGetValue(f.Field, out var category))
            {
                var rowCodes = category.Codes;
                var wanted = Codes!;
                return missing ? row => rowCodes[row] < 0 : row => rowCodes[row] >= 0 && wanted[rowCodes[row]];
            }

            if (table.Sets.TryGetValue(f.Field, out var set))
            {
                var rowSets = set.Codes;
                var wanted = Codes!;
                return missing ? row => rowSets[row].Length == 0 : row => Array.Exists(rowSets[row], c => wanted[c]);
            }

            if (table.Flags.TryGetValue(f.Field, out var flags))
            {
                bool acceptTrue = Resolved.Contains("true"), acceptFalse = Resolved.Contains("false");
                return missing ? _ => false : row => flags[row] ? acceptTrue : acceptFalse;
            }

            if (f.Field is QueryField.AccountId or QueryField.Name)
            {
                var texts = f.Field == QueryField.AccountId ? table.Ids : table.Names;
                var wanted = Resolved.ToHashSet(StringComparer.OrdinalIgnoreCase);
                return f.Op switch
                {
                    FilterOp.Missing => row => string.IsNullOrWhiteSpace(texts[row]),
                    FilterOp.Contains => row => texts[row].Contains(Resolved[0], StringComparison.OrdinalIgnoreCase),
                    _ => row => wanted.Contains(texts[row].Trim()),
                };
            }

            var values = numbers.Of(f.Field);
            double low = f.Number, high = f.UpperNumber;
            return f.Op switch
            {
                FilterOp.Missing => row => double.IsNaN(values[row]),
                // NaN compares false with everything: an unknown value never satisfies a comparison.
                FilterOp.Above => row => values[row] > low,
                FilterOp.Below => row => values[row] < low,
                FilterOp.AtLeast => row => values[row] >= low,
                FilterOp.AtMost => row => values[row] <= low,
                FilterOp.Equal => row => values[row] == low,
                FilterOp.Between => row => values[row] >= low && values[row] <= high,
                _ => _ => false,
            };
        }
    }

    /// <summary>The numeric columns a query reads: the table's, with the pipeline figures narrowed to the named stages.</summary>
    private sealed class Numbers
    {
        private readonly double[]? pipeline;
        private readonly double[]? openCount;

        public Numbers(AccountTable table, bool[]? stages, int[] scopeRows)
        {
            Table = table;
            if (stages is null)
            {
                return;
            }

            pipeline = new double[table.Count];
            openCount = new double[table.Count];
            foreach (int row in scopeRows)
            {
                foreach (var deal in table.OpenDeals[row])
                {
                    if (deal.Stage >= 0 && stages[deal.Stage])
                    {
                        pipeline[row] += deal.Amount;
                        openCount[row]++;
                    }
                }
            }
        }

        public AccountTable Table { get; }

        private readonly Dictionary<QueryField, double> scopeSums = [];

        /// <summary>Σ of a field over the scope, once per query (every group's share divides by it).</summary>
        public double ScopeSum(QueryField field, int[] scopeRows)
        {
            if (!scopeSums.TryGetValue(field, out double total))
            {
                total = Sum(Of(field), scopeRows).Total;
                scopeSums[field] = total;
            }

            return total;
        }

        public double[] Of(QueryField field) => field switch
        {
            QueryField.OpenPipeline when pipeline is not null => pipeline,
            QueryField.OpenOpportunities when openCount is not null => openCount,
            _ => Table.Numbers[field],
        };
    }

    /// <summary>Account ids of result rows, read from the table on demand rather than copied (a result may hold 100k).</summary>
    private sealed class IdList(string[] ids, int[] rows) : IReadOnlyList<string>
    {
        public string this[int index] => ids[rows[index]];

        public int Count => rows.Length;

        public IEnumerator<string> GetEnumerator()
        {
            foreach (int row in rows)
            {
                yield return ids[row];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
