namespace TerritoryBot.Core.Query;

/// <summary>
/// One question over the accounts in scope: filters (all must hold), then an optional ranking with a limit, then a
/// measure over what is left, optionally per group, and the listed rows. Immutable; validated by the engine like
/// user input (an invalid query is an answer of its own, never an exception).
/// </summary>
public sealed record AccountQuery
{
    /// <summary>Conditions that must all hold.</summary>
    public IReadOnlyList<QueryFilter> Filters { get; init; } = [];

    /// <summary>What to compute over the selected accounts; a count by default.</summary>
    public QueryMeasure Measure { get; init; } = QueryMeasure.Count;

    /// <summary>Computes the measure per value of this field (a groupable field) as well as in total.</summary>
    public QueryField? GroupBy { get; init; }

    /// <summary>Orders the selected accounts by a numeric field and optionally keeps the first N (top or bottom N).</summary>
    public QueryRank? Rank { get; init; }

    /// <summary>The fields each listed row carries (account id and name always).</summary>
    public IReadOnlyList<QueryField> ListFields { get; init; } = [];

    /// <summary>How many rows the result lists (0 = none); every matching id is in the result regardless.</summary>
    public int RowLimit { get; init; } = 10;
}

/// <summary>How a filter compares.</summary>
public enum FilterOp
{
    /// <summary>Equals one of <see cref="QueryFilter.Values"/> (category, flag "true"/"false", text, or set: has any of).</summary>
    Is,
    /// <summary>Text or category contains <see cref="QueryFilter.Values"/>[0] (ignoring case).</summary>
    Contains,
    /// <summary>Number &gt; <see cref="QueryFilter.Number"/>.</summary>
    Above,
    /// <summary>Number &lt; <see cref="QueryFilter.Number"/>.</summary>
    Below,
    /// <summary>Number ≥ <see cref="QueryFilter.Number"/>.</summary>
    AtLeast,
    /// <summary>Number ≤ <see cref="QueryFilter.Number"/>.</summary>
    AtMost,
    /// <summary>Number = <see cref="QueryFilter.Number"/>.</summary>
    Equal,
    /// <summary><see cref="QueryFilter.Number"/> ≤ number ≤ <see cref="QueryFilter.UpperNumber"/>.</summary>
    Between,
    /// <summary>The value is unknown (numbers, categories) or empty (sets).</summary>
    Missing,
    /// <summary>Among the <see cref="QueryFilter.Count"/> highest values of the field (after every other filter; ties by account id).</summary>
    Top,
    /// <summary>Among the <see cref="QueryFilter.Count"/> lowest values of the field (after every other filter; ties by account id).</summary>
    Bottom,
}

/// <summary>
/// One condition. An unknown value never satisfies a comparison, so the negation of "touched in the last 180 days"
/// includes accounts never touched. <see cref="Negated"/> keeps exactly the in-scope accounts the plain filter drops.
/// </summary>
public sealed record QueryFilter
{
    public required QueryField Field { get; init; }
    public required FilterOp Op { get; init; }
    /// <summary>Labels for <see cref="FilterOp.Is"/> and <see cref="FilterOp.Contains"/>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>The bound of a comparison (the lower one for <see cref="FilterOp.Between"/>).</summary>
    public double Number { get; init; }
    /// <summary>The upper bound of <see cref="FilterOp.Between"/>.</summary>
    public double UpperNumber { get; init; }
    /// <summary>N of <see cref="FilterOp.Top"/> / <see cref="FilterOp.Bottom"/>.</summary>
    public int Count { get; init; }
    /// <summary>Keep what the filter would drop instead.</summary>
    public bool Negated { get; init; }

    public static QueryFilter Is(QueryField field, params string[] values) => new() { Field = field, Op = FilterOp.Is, Values = values };
    public static QueryFilter Contains(QueryField field, string text) => new() { Field = field, Op = FilterOp.Contains, Values = [text] };
    public static QueryFilter Flag(QueryField field, bool value) => Is(field, value ? "true" : "false");
    public static QueryFilter Above(QueryField field, double number) => new() { Field = field, Op = FilterOp.Above, Number = number };
    public static QueryFilter Below(QueryField field, double number) => new() { Field = field, Op = FilterOp.Below, Number = number };
    public static QueryFilter AtLeast(QueryField field, double number) => new() { Field = field, Op = FilterOp.AtLeast, Number = number };
    public static QueryFilter AtMost(QueryField field, double number) => new() { Field = field, Op = FilterOp.AtMost, Number = number };
    public static QueryFilter Equal(QueryField field, double number) => new() { Field = field, Op = FilterOp.Equal, Number = number };
    public static QueryFilter Between(QueryField field, double low, double high) =>
        new() { Field = field, Op = FilterOp.Between, Number = low, UpperNumber = high };
    public static QueryFilter Missing(QueryField field) => new() { Field = field, Op = FilterOp.Missing };
    public static QueryFilter Top(QueryField field, int count) => new() { Field = field, Op = FilterOp.Top, Count = count };
    public static QueryFilter Bottom(QueryField field, int count) => new() { Field = field, Op = FilterOp.Bottom, Count = count };

    /// <summary>The same filter, negated (again: plain).</summary>
    public QueryFilter Not() => this with { Negated = !Negated };
}

/// <summary>What a query computes.</summary>
public enum MeasureKind
{
    /// <summary>Number of selected accounts.</summary>
    Count,
    /// <summary>Sum of a numeric field (unknown values skipped).</summary>
    Sum,
    Average,
    Median,
    Min,
    Max,
    /// <summary>
    /// The selection's part of the whole scope: Σ field over the selection ÷ Σ field over every account in scope
    /// (without a field: selected accounts ÷ accounts in scope). Per group, the group's part of the scope, so the
    /// groups add up to the ungrouped share.
    /// </summary>
    Share,
    /// <summary>Penetration: Σ current ARR ÷ Σ potential ARR over the selection (how much of the wallet is won).</summary>
    Penetration,
    /// <summary>Customer rate: customers ÷ accounts in the selection.</summary>
    CustomerRate,
}

/// <summary>A measure and the numeric field it reads (none for count, penetration and customer rate).</summary>
public sealed record QueryMeasure(MeasureKind Kind, QueryField? Field = null)
{
    public static QueryMeasure Count { get; } = new(MeasureKind.Count);
    public static QueryMeasure Sum(QueryField field) => new(MeasureKind.Sum, field);
    public static QueryMeasure Average(QueryField field) => new(MeasureKind.Average, field);
    public static QueryMeasure Median(QueryField field) => new(MeasureKind.Median, field);
    public static QueryMeasure Min(QueryField field) => new(MeasureKind.Min, field);
    public static QueryMeasure Max(QueryField field) => new(MeasureKind.Max, field);
    public static QueryMeasure Share(QueryField? field = null) => new(MeasureKind.Share, field);
    public static QueryMeasure Penetration { get; } = new(MeasureKind.Penetration);
    public static QueryMeasure CustomerRate { get; } = new(MeasureKind.CustomerRate);
}

/// <summary>Order by a numeric field (highest first unless <see cref="Ascending"/>), unknown values last, ties by account id; keep the first <see cref="Limit"/> when set.</summary>
public sealed record QueryRank(QueryField By, bool Ascending = false, int? Limit = null);
