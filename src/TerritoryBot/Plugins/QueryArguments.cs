using System.ComponentModel;
using System.Text.Json.Serialization;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Plugins;

// Wire names are fixed here (lower case, as the tool description says) so the schema the model is shown and the
// binding of its arguments agree whatever JSON options the plugin host uses.
/// <summary>One filter as the model sends it (tool arguments): checked like user input before it reaches the engine.</summary>
internal sealed record QueryFilterArgs
{
    [Description("Field key, e.g. state, industry, status, potential_arr.")]
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    [Description("is, contains, above, below, at_least, at_most, equal, between, missing, top, bottom.")]
    [JsonPropertyName("op")]
    public string? Op { get; init; }

    [Description("Values for is / contains (e.g. [\"Texas\"], [\"ActiveCustomer\"], [\"true\"]).")]
    [JsonPropertyName("values")]
    public string[]? Values { get; init; }

    [Description("The bound of a comparison (lower bound for between).")]
    [JsonPropertyName("number")]
    public double? Number { get; init; }

    [Description("Upper bound for between.")]
    [JsonPropertyName("upper")]
    public double? Upper { get; init; }

    [Description("N for top / bottom.")]
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [Description("True to keep what the filter would drop.")]
    [JsonPropertyName("not")]
    public bool? Not { get; init; }
}

/// <summary>Turns the model's tool arguments into an <see cref="AccountQuery"/>, refusing anything malformed with a message it can read.</summary>
internal static class QueryArguments
{
    public const int MaxFilters = 20;
    public const int MaxValues = 20;
    public const int MaxValueLength = 100;

    public static AccountQuery Build(QueryFilterArgs[]? filters, string? measure, string? measureField, string? groupBy, string? rankBy, bool ascending, int? limit)
    {
        if (filters is { Length: > MaxFilters })
        {
            throw new TurnInputException($"At most {MaxFilters} filters.");
        }

        var built = (filters ?? []).Select((f, i) => Filter(f ?? throw new TurnInputException($"Filter {i + 1} is empty."), i + 1)).ToList();
        QueryField? Field(string? key, string what)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                return null;
            }

            return QueryFields.TryParse(key, out var field) ? field : throw new TurnInputException($"{what}: '{Clip(key)}' is not a field.");
        }

        var numeric = Field(measureField, "measureField");
        var kind = (measure ?? "count").Trim().ToLowerInvariant();
        QueryMeasure queryMeasure = kind switch
        {
            "count" => QueryMeasure.Count,
            "sum" or "total" => QueryMeasure.Sum(numeric ?? throw new TurnInputException("measure sum needs measureField.")),
            "average" or "avg" or "mean" => QueryMeasure.Average(numeric ?? throw new TurnInputException("measure average needs measureField.")),
            "median" => QueryMeasure.Median(numeric ?? throw new TurnInputException("measure median needs measureField.")),
            "min" => QueryMeasure.Min(numeric ?? throw new TurnInputException("measure min needs measureField.")),
            "max" => QueryMeasure.Max(numeric ?? throw new TurnInputException("measure max needs measureField.")),
            "share" => QueryMeasure.Share(numeric),
            "penetration" => QueryMeasure.Penetration,
            "customer_rate" => QueryMeasure.CustomerRate,
            _ => throw new TurnInputException($"measure: '{Clip(kind)}' is not one of count, sum, average, median, min, max, share, penetration, customer_rate."),
        };
        if (limit is < 1 or > 100)
        {
            throw new TurnInputException("limit must be from 1 to 100.");
        }

        var rank = Field(rankBy, "rankBy") is { } by ? new QueryRank(by, ascending, limit) : null;
        return new AccountQuery
        {
            Filters = built,
            Measure = queryMeasure,
            GroupBy = Field(groupBy, "groupBy"),
            Rank = rank,
            ListFields = [.. new[] { rank?.By, numeric, QueryField.PotentialArr }.OfType<QueryField>().Distinct().Where(f => QueryFields.Info(f).IsNumeric)],
            RowLimit = Math.Min(limit ?? 10, 25),
        };
    }

    private static QueryFilter Filter(QueryFilterArgs args, int position)
    {
        if (!QueryFields.TryParse(args.Field, out var field))
        {
            throw new TurnInputException($"Filter {position}: '{Clip(args.Field ?? "")}' is not a field.");
        }

        var values = args.Values ?? [];
        if (values.Length > MaxValues || values.Any(v => v is null || v.Length > MaxValueLength))
        {
            throw new TurnInputException($"Filter {position}: at most {MaxValues} values of at most {MaxValueLength} characters.");
        }

        double Number() => args.Number is { } n && double.IsFinite(n) ? n : throw new TurnInputException($"Filter {position}: needs a finite number.");
        var filter = (args.Op ?? "is").Trim().ToLowerInvariant() switch
        {
            "is" or "equals" or "in" => values.Length > 0 ? QueryFilter.Is(field, values) : throw new TurnInputException($"Filter {position}: 'is' needs values."),
            "contains" => values.Length == 1 ? QueryFilter.Contains(field, values[0]) : throw new TurnInputException($"Filter {position}: 'contains' needs one value."),
            "above" or "gt" => QueryFilter.Above(field, Number()),
            "below" or "lt" => QueryFilter.Below(field, Number()),
            "at_least" or "gte" => QueryFilter.AtLeast(field, Number()),
            "at_most" or "lte" => QueryFilter.AtMost(field, Number()),
            "equal" or "eq" => QueryFilter.Equal(field, Number()),
            "between" => QueryFilter.Between(field, Number(), args.Upper is { } u && double.IsFinite(u) ? u : throw new TurnInputException($"Filter {position}: between needs upper.")),
            "missing" => QueryFilter.Missing(field),
            "top" => QueryFilter.Top(field, args.Count is >= 1 and <= 1000 ? args.Count.Value : throw new TurnInputException($"Filter {position}: top needs a count from 1 to 1000.")),
            "bottom" => QueryFilter.Bottom(field, args.Count is >= 1 and <= 1000 ? args.Count.Value : throw new TurnInputException($"Filter {position}: bottom needs a count from 1 to 1000.")),
            var op => throw new TurnInputException($"Filter {position}: '{Clip(op)}' is not an operator."),
        };
        return args.Not == true ? filter.Not() : filter;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
