using System.Text.Json.Serialization;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Features.Query;

/// <summary>
/// A query answer as data for the CLI's --json, the model's tool result and a card: the figure, the scope it was
/// computed over, the filters as facts (with what they resolved to), the groups and the matching accounts.
/// Field keys are the snake_case keys of docs/query.md; everything else is camelCase.
/// </summary>
internal sealed record QueryView
{
    /// <summary>"answered", "refused" or "invalid".</summary>
    public required string Status { get; init; }

    /// <summary>Why nothing was computed (refused or invalid); empty when answered.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public required string AsOf { get; init; }

    public QueryScopeView? Scope { get; init; }

    public QueryMeasureView? Measure { get; init; }

    public IReadOnlyList<QueryFilterView> Filters { get; init; } = [];

    /// <summary>Accounts passing every filter.</summary>
    public int Matched { get; init; }

    /// <summary>Accounts the measure is over (the matches, cut to the rank limit).</summary>
    public int Selected { get; init; }

    public QueryFigureView? Total { get; init; }

    /// <summary>The group-by field's key, when grouped.</summary>
    public string? GroupBy { get; init; }

    public IReadOnlyList<QueryGroupView> Groups { get; init; } = [];

    /// <summary>The rank, when ranked: field key, direction and limit.</summary>
    public QueryRankView? Rank { get; init; }

    public IReadOnlyList<string> AccountIds { get; init; } = [];

    public IReadOnlyList<QueryRowView> Rows { get; init; } = [];

    public static QueryView Invalid(DateOnly asOf, IReadOnlyList<string> errors) =>
        new() { Status = "invalid", AsOf = Format.Date(asOf), Errors = errors };

    public static QueryView From(QueryOutcome outcome, Caller caller, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(workspace);
        var asOf = Format.Date(workspace.AsOf);
        switch (outcome)
        {
            case QueryRefused refused:
                return new QueryView { Status = "refused", AsOf = asOf, Errors = [QueryService.RefusalText(refused)] };
            case QueryInvalid invalid:
                return Invalid(workspace.AsOf, [QueryService.ProblemText(invalid)]);
        }

        var answer = (QueryAnswer)outcome;
        var query = answer.Query;
        return new QueryView
        {
            Status = "answered",
            AsOf = asOf,
            Scope = new QueryScopeView(QueryService.ScopeKind(caller), answer.ScopeCount, caller.IsOps ? null : caller.VisibleRepIds.Count),
            Measure = new QueryMeasureView(MeasureKey(query.Measure.Kind), query.Measure.Field is { } f ? QueryFields.Key(f) : null),
            Filters = [.. answer.Filters.Select(QueryFilterView.From)],
            Matched = answer.MatchCount,
            Selected = answer.SelectedCount,
            Total = QueryFigureView.From(answer.Total),
            GroupBy = query.GroupBy is { } g ? QueryFields.Key(g) : null,
            Groups = [.. answer.Groups.Select(group => new QueryGroupView(group.Key, QueryFigureView.From(group.Figure)))],
            Rank = query.Rank is { } r ? new QueryRankView(QueryFields.Key(r.By), r.Ascending ? "ascending" : "descending", r.Limit) : null,
            AccountIds = answer.AccountIds,
            Rows = [.. answer.Rows.Select(QueryRowView.From)],
        };
    }

    /// <summary>The snake_case name of a measure, as written in --measure.</summary>
    public static string MeasureKey(MeasureKind kind) => kind switch
    {
        MeasureKind.Count => "count",
        MeasureKind.Sum => "sum",
        MeasureKind.Average => "avg",
        MeasureKind.Median => "median",
        MeasureKind.Min => "min",
        MeasureKind.Max => "max",
        MeasureKind.Share => "share",
        MeasureKind.Penetration => "penetration",
        _ => "customer_rate",
    };
}

/// <param name="Kind">"rep" (own book), "team" (a manager's reps) or "all" (ops).</param>
/// <param name="Accounts">Accounts in scope before filters.</param>
/// <param name="Territories">Territories in scope (null for ops, who see unassigned accounts too).</param>
internal sealed record QueryScopeView(string Kind, int Accounts, int? Territories);

internal sealed record QueryMeasureView(string Kind, string? Field);

internal sealed record QueryRankView(string Field, string Direction, int? Limit);

/// <param name="Field">The field key.</param>
/// <param name="Op">is, contains, above, below, at_least, at_most, equal, between, missing, top, bottom.</param>
/// <param name="Negated">The filter keeps what the plain one drops.</param>
/// <param name="Values">The values as given (labels).</param>
/// <param name="Number">The bound of a comparison (the lower one of between).</param>
/// <param name="Upper">The upper bound of between.</param>
/// <param name="Count">N of top / bottom.</param>
/// <param name="Resolved">What the values resolved to (rep ids, state codes, canonical industries).</param>
/// <param name="Unknown">Values matching no account in scope.</param>
/// <param name="Remaining">Accounts left after this filter and those before it.</param>
internal sealed record QueryFilterView(
    string Field,
    string Op,
    bool Negated,
    IReadOnlyList<string> Values,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Number,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Upper,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count,
    IReadOnlyList<string> Resolved,
    IReadOnlyList<string> Unknown,
    int Remaining)
{
    public static QueryFilterView From(AppliedFilter applied)
    {
        var f = applied.Filter;
        bool numeric = f.Op is FilterOp.Above or FilterOp.Below or FilterOp.AtLeast or FilterOp.AtMost or FilterOp.Equal or FilterOp.Between;
        return new QueryFilterView(
            QueryFields.Key(f.Field),
            OpKey(f.Op),
            f.Negated,
            f.Values,
            numeric ? f.Number : null,
            f.Op == FilterOp.Between ? f.UpperNumber : null,
            f.Op is FilterOp.Top or FilterOp.Bottom ? f.Count : null,
            applied.Resolved,
            applied.Unknown,
            applied.Remaining);
    }

    public static string OpKey(FilterOp op) => op switch
    {
        FilterOp.Is => "is",
        FilterOp.Contains => "contains",
        FilterOp.Above => "above",
        FilterOp.Below => "below",
        FilterOp.AtLeast => "at_least",
        FilterOp.AtMost => "at_most",
        FilterOp.Equal => "equal",
        FilterOp.Between => "between",
        FilterOp.Missing => "missing",
        FilterOp.Top => "top",
        _ => "bottom",
    };
}

internal sealed record QueryFigureView(double? Value, int Accounts, int ValueCount, double? Numerator, double? Denominator)
{
    public static QueryFigureView From(QueryFigure figure) =>
        new(figure.Value, figure.Accounts, figure.ValueCount, figure.Numerator, figure.Denominator);
}

internal sealed record QueryGroupView(string? Key, QueryFigureView Figure);

/// <param name="Fields">The listed fields by key: a string, a number, a boolean, a list of strings, or null when unknown.</param>
internal sealed record QueryRowView(string AccountId, string Name, IReadOnlyDictionary<string, object?> Fields)
{
    public static QueryRowView From(QueryRow row)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var cell in row.Cells)
        {
            fields[QueryFields.Key(cell.Field)] = (object?)cell.Text ?? (object?)cell.Number ?? (object?)cell.Flag ?? cell.Labels;
        }

        return new QueryRowView(row.AccountId, row.Name, fields);
    }
}
