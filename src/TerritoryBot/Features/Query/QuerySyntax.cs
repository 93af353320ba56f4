using System.Globalization;
using System.Text.RegularExpressions;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Features.Query;

/// <summary>
/// The textual form of a query (docs/query.md), shared by the CLI flags and the model's query tool: filter
/// expressions like <c>industry=Healthcare</c>, <c>potential_arr&gt;1M</c>, <c>not status=customer</c>,
/// <c>last_activity_days&gt;6mo</c>, a measure like <c>sum:current_arr</c>, a group-by field, a rank field with a
/// limit, and list fields. Everything is checked like user input: every problem is reported, naming the option and
/// the text, and nothing runs.
/// </summary>
internal static partial class QuerySyntax
{
    /// <summary>Short names people use for fields; the canonical keys are in <see cref="QueryFields"/>.</summary>
    private static readonly Dictionary<string, QueryField> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["region"] = QueryField.State,
        ["rep"] = QueryField.Owner,
        ["owner_id"] = QueryField.Owner,
        ["manager"] = QueryField.Team,
        ["id"] = QueryField.AccountId,
        ["arr"] = QueryField.CurrentArr,
        ["potential"] = QueryField.PotentialArr,
        ["pipeline"] = QueryField.OpenPipeline,
        ["stage"] = QueryField.OpenStage,
        ["icp"] = QueryField.IcpFit,
        ["fit"] = QueryField.IcpFit,
        ["score"] = QueryField.OpportunityScore,
        ["last_activity"] = QueryField.LastActivityDays,
        ["funding"] = QueryField.FundingStage,
        ["tech_stack"] = QueryField.Tech,
        ["annual_revenue"] = QueryField.Revenue,
        ["intent_score"] = QueryField.Intent,
        ["growth_rate"] = QueryField.Growth,
    };

    /// <summary>Everyday words for statuses.</summary>
    private static readonly Dictionary<string, AccountStatus> StatusWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customer"] = AccountStatus.ActiveCustomer,
        ["customers"] = AccountStatus.ActiveCustomer,
        ["prospect"] = AccountStatus.ActiveProspect,
        ["active_prospect"] = AccountStatus.ActiveProspect,
        ["cold"] = AccountStatus.ColdProspect,
        ["cold_prospect"] = AccountStatus.ColdProspect,
    };

    [GeneratedRegex(@"^(?<dir>top|bottom)\s+(?<n>\S+)\s+(?<field>[A-Za-z_\-]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExtremeRegex();

    [GeneratedRegex(@"^(?<field>[A-Za-z_\-]+)\s+is\s+(missing|unknown|empty)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingRegex();

    [GeneratedRegex(@"^(?<field>[A-Za-z_\-]+)\s*(?<op>!=|>=|<=|!~|=|>|<|~)\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonRegex();

    [GeneratedRegex(@"^(?<number>[+-]?\d+(\.\d+)?)\s*(?<unit>[A-Za-z%]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    /// <summary>A field by key or alias ("current_arr", "current-arr", "arr"); hyphens and spaces read as underscores.</summary>
    public static bool TryField(string text, out QueryField field)
    {
        var key = text.Trim().Replace('-', '_').Replace(' ', '_');
        return QueryFields.TryParse(key, out field) || Aliases.TryGetValue(key, out field);
    }

    /// <summary>Parses <paramref name="request"/>; throws <see cref="QuerySyntaxException"/> with every problem.</summary>
    /// <param name="asOf">The date month and year units are counted back from ("6mo" = the days since six months before).</param>
    public static AccountQuery Parse(QueryRequest request, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        var filters = new List<QueryFilter>();
        foreach (var text in request.Where ?? [])
        {
            if (ParseFilter(text ?? "", asOf, out var problem) is { } filter)
            {
                filters.Add(filter);
            }
            else
            {
                errors.Add($"--where \"{text}\": {problem}");
            }
        }

        var measure = QueryMeasure.Count;
        if (!string.IsNullOrWhiteSpace(request.Measure))
        {
            if (ParseMeasure(request.Measure, out var problem) is { } m)
            {
                measure = m;
            }
            else
            {
                errors.Add($"--measure \"{request.Measure}\": {problem}");
            }
        }

        QueryField? groupBy = null;
        if (!string.IsNullOrWhiteSpace(request.GroupBy))
        {
            if (!TryField(request.GroupBy, out var g))
            {
                errors.Add($"--group-by \"{request.GroupBy}\": {UnknownField(request.GroupBy)}");
            }
            else if (!QueryFields.Info(g).Groupable)
            {
                errors.Add($"--group-by \"{request.GroupBy}\": {Key(g)} is not a category; group by one of {Groupable()}.");
            }
            else
            {
                groupBy = g;
            }
        }

        QueryRank? rank = null;
        int? limit = request.Top;
        if (limit is < 1)
        {
            errors.Add($"--top {limit}: give a whole number of 1 or more.");
        }

        if (!string.IsNullOrWhiteSpace(request.RankBy))
        {
            if (!TryField(request.RankBy, out var r))
            {
                errors.Add($"--rank-by \"{request.RankBy}\": {UnknownField(request.RankBy)}");
            }
            else if (!QueryFields.Info(r).IsNumeric)
            {
                errors.Add($"--rank-by \"{request.RankBy}\": {Key(r)} is not a number; rank by one of {Numeric()}.");
            }
            else
            {
                rank = new QueryRank(r, request.Ascending, limit is >= 1 ? limit : null);
            }
        }
        else if (limit is not null)
        {
            errors.Add("--top needs --rank-by FIELD (top by what?).");
        }
        else if (request.Ascending)
        {
            errors.Add("--ascending needs --rank-by FIELD.");
        }

        var list = new List<QueryField>();
        foreach (var item in (request.List ?? []).SelectMany(l => (l ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (TryField(item, out var f))
            {
                list.Add(f);
            }
            else
            {
                errors.Add($"--list \"{item}\": {UnknownField(item)}");
            }
        }

        if (request.Rows is < 0 or > 10_000)
        {
            errors.Add($"--rows {request.Rows}: give a whole number from 0 to 10000.");
        }

        if (filters.Count > QueryEngine.MaxFilters)
        {
            errors.Add($"--where: at most {QueryEngine.MaxFilters} filters.");
        }

        if (errors.Count > 0)
        {
            throw new QuerySyntaxException(errors);
        }

        return new AccountQuery
        {
            Filters = filters,
            Measure = measure,
            GroupBy = groupBy,
            Rank = rank,
            ListFields = [.. list.Distinct()],
            RowLimit = request.Rows ?? 10,
        };
    }

    /// <summary>One filter expression, or null with the reason.</summary>
    public static QueryFilter? ParseFilter(string text, DateOnly asOf, out string problem)
    {
        problem = "";
        var expression = text.Trim();
        bool negated = false;
        if (expression.StartsWith("not ", StringComparison.OrdinalIgnoreCase))
        {
            (negated, expression) = (true, expression[4..].Trim());
        }
        else if (expression.StartsWith('!'))
        {
            (negated, expression) = (true, expression[1..].Trim());
        }

        if (expression.Length == 0)
        {
            problem = "the filter is empty; write FIELD OP VALUE, e.g. industry=Healthcare.";
            return null;
        }

        var filter = ParsePlain(expression, asOf, out problem);
        return filter is null ? null : negated ? filter.Not() : filter;
    }

    private static QueryFilter? ParsePlain(string expression, DateOnly asOf, out string problem)
    {
        problem = "";
        if (ExtremeRegex().Match(expression) is { Success: true } extreme)
        {
            var fieldText = extreme.Groups["field"].Value;
            if (!TryField(fieldText, out var field) || !QueryFields.Info(field).IsNumeric)
            {
                problem = $"top/bottom N needs a numeric field; \"{fieldText}\" is not one ({Numeric()}).";
                return null;
            }

            if (!int.TryParse(extreme.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                problem = $"\"{extreme.Groups["n"].Value}\" is not a whole number of 1 or more.";
                return null;
            }

            return extreme.Groups["dir"].Value.Equals("top", StringComparison.OrdinalIgnoreCase) ? QueryFilter.Top(field, n) : QueryFilter.Bottom(field, n);
        }

        if (MissingRegex().Match(expression) is { Success: true } missing)
        {
            var fieldText = missing.Groups["field"].Value;
            if (!TryField(fieldText, out var field))
            {
                problem = UnknownField(fieldText);
                return null;
            }

            return QueryFilter.Missing(field);
        }

        if (ComparisonRegex().Match(expression) is not { Success: true } comparison)
        {
            // A bare flag ("named", "whitespace") means it is set.
            if (TryField(expression, out var flag) && QueryFields.Info(flag).Kind == FieldKind.Flag)
            {
                return QueryFilter.Flag(flag, true);
            }

            problem = "write FIELD OP VALUE (OP one of = != > >= < <= ~ !~), \"top N FIELD\", \"FIELD is missing\" or a flag field alone.";
            return null;
        }

        var name = comparison.Groups["field"].Value;
        var op = comparison.Groups["op"].Value;
        var value = comparison.Groups["value"].Value.Trim();
        if (!TryField(name, out var f))
        {
            problem = UnknownField(name);
            return null;
        }

        if (value.Length == 0)
        {
            problem = $"{Key(f)} {op} needs a value.";
            return null;
        }

        var info = QueryFields.Info(f);
        if (info.IsNumeric)
        {
            return ParseNumeric(info, op, value, asOf, out problem);
        }

        switch (op)
        {
            case "~":
            case "!~":
                var contains = QueryFilter.Contains(f, value);
                return op == "!~" ? contains.Not() : contains;
            case "=":
            case "!=":
                var values = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (values.Length == 0 || values.Length > QueryEngine.MaxValues)
                {
                    problem = $"give 1 to {QueryEngine.MaxValues} values, separated by commas.";
                    return null;
                }

                var normalised = new List<string>();
                foreach (var v in values)
                {
                    if (NormaliseLabel(f, v, out problem) is not { } label)
                    {
                        return null;
                    }

                    normalised.Add(label);
                }

                var filter = QueryFilter.Is(f, [.. normalised]);
                return op == "!=" ? filter.Not() : filter;
            default:
                problem = $"{Key(f)} is not a number, so it takes = != ~ or !~ (e.g. {Key(f)}=VALUE), not {op}.";
                return null;
        }
    }

    private static string? NormaliseLabel(QueryField field, string value, out string problem)
    {
        problem = "";
        switch (field)
        {
            case QueryField.Whitespace or QueryField.Named or QueryField.Customer:
                switch (value.ToUpperInvariant())
                {
                    case "TRUE" or "YES" or "Y" or "1":
                        return "true";
                    case "FALSE" or "NO" or "N" or "0":
                        return "false";
                    default:
                        problem = $"{Key(field)} is yes or no, not \"{value}\".";
                        return null;
                }

            case QueryField.Status:
                var key = value.Replace(' ', '_');
                if (StatusWords.TryGetValue(key, out var status) || Enum.TryParse(key.Replace("_", ""), true, out status))
                {
                    return status.ToString();
                }

                problem = $"status is one of {string.Join(", ", Enum.GetNames<AccountStatus>())} (or customer, prospect, cold), not \"{value}\".";
                return null;
            case QueryField.Tier or QueryField.CurrentTier:
                if (Enum.TryParse<Tier>(value, true, out var tier) && Enum.IsDefined(tier))
                {
                    return tier.ToString();
                }

                problem = $"{Key(field)} is one of {string.Join(", ", Enum.GetNames<Tier>())}, not \"{value}\".";
                return null;
            case QueryField.Priority:
                if (Enum.TryParse<Priority>(value, true, out var priority) && Enum.IsDefined(priority))
                {
                    return priority.ToString();
                }

                problem = $"priority is one of {string.Join(", ", Enum.GetNames<Priority>())}, not \"{value}\".";
                return null;
            default:
                return value;
        }
    }

    private static QueryFilter? ParseNumeric(QueryFieldInfo info, string op, string value, DateOnly asOf, out string problem)
    {
        problem = "";
        var field = info.Field;
        if (op is "~" or "!~")
        {
            problem = $"{info.Key} is a number, so it takes = != > >= < <= (or LOW..HIGH with =), not {op}.";
            return null;
        }

        var range = value.Split("..", 2, StringSplitOptions.TrimEntries);
        if (range.Length == 2)
        {
            if (op is not ("=" or "!="))
            {
                problem = $"a range LOW..HIGH goes with = or != (e.g. {info.Key}=1M..5M).";
                return null;
            }

            if (ParseNumber(info, range[0], asOf, out problem) is not { } low || ParseNumber(info, range[1], asOf, out problem) is not { } high)
            {
                return null;
            }

            if (low > high)
            {
                // "between 6mo and 3mo" reads naturally; order the bounds rather than refuse.
                (low, high) = (high, low);
            }

            var between = QueryFilter.Between(field, low, high);
            return op == "!=" ? between.Not() : between;
        }

        if (ParseNumber(info, value, asOf, out problem) is not { } number)
        {
            return null;
        }

        return op switch
        {
            "=" => QueryFilter.Equal(field, number),
            "!=" => QueryFilter.Equal(field, number).Not(),
            ">" => QueryFilter.Above(field, number),
            ">=" => QueryFilter.AtLeast(field, number),
            "<" => QueryFilter.Below(field, number),
            _ => QueryFilter.AtMost(field, number),
        };
    }

    /// <summary>
    /// A number with an optional unit: k, M, B (thousands, millions, billions), % (a fraction, for growth), and for
    /// ages d, w, mo, y (months and years counted back from the as-of date). "$" and thousands separators are ignored.
    /// </summary>
    public static double? ParseNumber(QueryFieldInfo info, string text, DateOnly asOf, out string problem)
    {
        problem = "";
        var cleaned = text.Trim().Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        var match = NumberRegex().Match(cleaned);
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            problem = $"\"{text}\" is not a number (e.g. 250000, 250k, 1.5M, 20%, 6mo).";
            return null;
        }

        var unit = match.Groups["unit"].Value;
        double? result = (unit.ToLowerInvariant(), info.Unit) switch
        {
            ("", _) => number,
            ("k", QueryUnit.Money or QueryUnit.Count) => number * 1e3,
            ("m", QueryUnit.Money or QueryUnit.Count) => number * 1e6,
            ("b" or "bn", QueryUnit.Money or QueryUnit.Count) => number * 1e9,
            ("%", QueryUnit.Fraction) => number / 100,
            ("d" or "days", QueryUnit.Days) => number,
            ("w" or "weeks", QueryUnit.Days) => number * 7,
            ("mo" or "months", QueryUnit.Days) => WholeUnits(number, n => asOf.DayNumber - asOf.AddMonths(-n).DayNumber),
            ("y" or "years", QueryUnit.Days) => WholeUnits(number, n => asOf.DayNumber - asOf.AddYears(-n).DayNumber),
            _ => null,
        };
        if (result is null || !double.IsFinite(result.Value))
        {
            problem = $"\"{text}\": the unit \"{unit}\" does not fit {info.Key} ({UnitHint(info.Unit)}).";
        }

        return result;
    }

    private static double? WholeUnits(double number, Func<int, int> days) =>
        number is >= 0 and <= 1000 && number == Math.Floor(number) ? days((int)number) : null;

    private static string UnitHint(QueryUnit unit) => unit switch
    {
        QueryUnit.Money or QueryUnit.Count => "a plain number or one with k, M, B",
        QueryUnit.Fraction => "a fraction like 0.2 or a percentage like 20%",
        QueryUnit.Days => "days, or a whole number with d, w, mo, y",
        _ => "a plain number",
    };

    /// <summary>A measure: count, sum:FIELD, avg:FIELD, median:FIELD, min:FIELD, max:FIELD, share[:FIELD], penetration, customer_rate.</summary>
    public static QueryMeasure? ParseMeasure(string text, out string problem)
    {
        problem = "";
        var parts = text.Trim().Split(':', 2, StringSplitOptions.TrimEntries);
        var kind = parts[0].ToLowerInvariant().Replace('-', '_');
        QueryField? field = null;
        if (parts.Length == 2)
        {
            if (!TryField(parts[1], out var f))
            {
                problem = UnknownField(parts[1]);
                return null;
            }

            field = f;
        }

        switch (kind)
        {
            case "count" or "penetration" or "customer_rate" when field is null:
                return kind switch
                {
                    "count" => QueryMeasure.Count,
                    "penetration" => QueryMeasure.Penetration,
                    _ => QueryMeasure.CustomerRate,
                };
            case "count" or "penetration" or "customer_rate":
                problem = $"{kind} takes no field.";
                return null;
            case "share" when field is null || QueryFields.Info(field.Value).IsNumeric:
                return QueryMeasure.Share(field);
            case "sum" or "avg" or "average" or "mean" or "median" or "min" or "max" when field is { } nf && QueryFields.Info(nf).IsNumeric:
                return kind switch
                {
                    "sum" => QueryMeasure.Sum(nf),
                    "median" => QueryMeasure.Median(nf),
                    "min" => QueryMeasure.Min(nf),
                    "max" => QueryMeasure.Max(nf),
                    _ => QueryMeasure.Average(nf),
                };
            case "share" or "sum" or "avg" or "average" or "mean" or "median" or "min" or "max":
                problem = $"{kind} needs a numeric field, e.g. {kind}:current_arr ({Numeric()}).";
                return null;
            default:
                problem = "the measure is one of count, sum:FIELD, avg:FIELD, median:FIELD, min:FIELD, max:FIELD, share[:FIELD], penetration, customer_rate.";
                return null;
        }
    }

    private static string Key(QueryField field) => QueryFields.Key(field);

    private static string UnknownField(string text) =>
        $"no field \"{text}\"; the fields are {string.Join(", ", QueryFields.All.Select(i => i.Key))}.";

    private static string Numeric() => string.Join(", ", QueryFields.All.Where(i => i.IsNumeric).Select(i => i.Key));

    private static string Groupable() => string.Join(", ", QueryFields.All.Where(i => i.Groupable).Select(i => i.Key));
}

/// <summary>A query in its textual form (the CLI flags, the model tool's arguments).</summary>
internal sealed record QueryRequest
{
    public IReadOnlyList<string> Where { get; init; } = [];
    public string? Measure { get; init; }
    public string? GroupBy { get; init; }
    public string? RankBy { get; init; }
    public bool Ascending { get; init; }
    public int? Top { get; init; }
    public IReadOnlyList<string> List { get; init; } = [];
    public int? Rows { get; init; }
}

/// <summary>A query text that cannot be parsed: every problem, each naming the option and the text.</summary>
internal sealed class QuerySyntaxException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
