namespace TerritoryBot.Core.Query;

/// <summary>What running a query gives: an answer, a refusal (a filter names someone outside the scope) or a problem with the query.</summary>
public abstract record QueryOutcome;

/// <summary>
/// The answer: every figure with the facts it was computed under, so a view can state the scope and the filters.
/// </summary>
public sealed record QueryAnswer : QueryOutcome
{
    /// <summary>The query as run.</summary>
    public required AccountQuery Query { get; init; }

    /// <summary>The date ages (last activity) were computed against.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Accounts in scope before any filter.</summary>
    public required int ScopeCount { get; init; }

    /// <summary>Accounts passing every filter.</summary>
    public required int MatchCount { get; init; }

    /// <summary>Accounts the measure is over: the matches, cut to the rank limit when there is one.</summary>
    public required int SelectedCount { get; init; }

    /// <summary>The filters as applied, with the values they resolved to, in the order given.</summary>
    public required IReadOnlyList<AppliedFilter> Filters { get; init; }

    /// <summary>The measure over the whole selection.</summary>
    public required QueryFigure Total { get; init; }

    /// <summary>The measure per group (empty without group-by): highest value first, then by key; unknown key last.</summary>
    public required IReadOnlyList<QueryGroup> Groups { get; init; }

    /// <summary>Every selected account id: in rank order with a rank, else by account id.</summary>
    public required IReadOnlyList<string> AccountIds { get; init; }

    /// <summary>The first <see cref="AccountQuery.RowLimit"/> selected accounts with the requested fields.</summary>
    public required IReadOnlyList<QueryRow> Rows { get; init; }
}

/// <summary>A filter naming a rep or team outside the caller's scope (or one that does not exist: the same answer).</summary>
/// <param name="Field">Owner or Team.</param>
/// <param name="Value">The value as given.</param>
public sealed record QueryRefused(QueryField Field, string Value) : QueryOutcome;

/// <summary>The query itself is wrong; nothing was computed.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Field">The field concerned, when there is one.</param>
/// <param name="Value">The offending value or operator, when there is one.</param>
public sealed record QueryInvalid(QueryProblem Problem, QueryField? Field = null, string? Value = null) : QueryOutcome;

/// <summary>Why a query is invalid.</summary>
public enum QueryProblem
{
    /// <summary>A field number outside <see cref="QueryField"/>.</summary>
    UnknownField,
    /// <summary>The operator does not apply to the field's kind (e.g. "above" on industry).</summary>
    OperatorNotValid,
    /// <summary>A filter that needs a value has none.</summary>
    MissingValue,
    /// <summary>A value the field cannot take (a flag other than true/false).</summary>
    InvalidValue,
    /// <summary>A bound that is not a finite number.</summary>
    InvalidNumber,
    /// <summary>A between whose lower bound is above its upper bound.</summary>
    InvalidRange,
    /// <summary>A top/bottom or rank limit below 1, or a negative row limit.</summary>
    InvalidCount,
    /// <summary>Sum, average, median, min and max need a numeric field.</summary>
    MeasureNeedsNumericField,
    /// <summary>Penetration and customer rate take no field; share takes a numeric one or none.</summary>
    MeasureTakesNoField,
    /// <summary>Group-by on a field that is not categorical.</summary>
    NotGroupable,
    /// <summary>Rank by a field that is not numeric.</summary>
    NotRankable,
    /// <summary>More filters, values or list fields than a query may carry.</summary>
    TooLarge,
}

/// <summary>One filter as applied.</summary>
/// <param name="Filter">The filter as given.</param>
/// <param name="Resolved">
/// The values it matched on after resolution: rep ids for owner names, state codes for state names, canonical
/// industries; empty for numeric filters.
/// </param>
/// <param name="Unknown">Values that match no account in scope (a typo, or simply none); the filter still applies.</param>
/// <param name="Remaining">Accounts left after this filter and those before it.</param>
public sealed record AppliedFilter(QueryFilter Filter, IReadOnlyList<string> Resolved, IReadOnlyList<string> Unknown, int Remaining);

/// <summary>A computed figure and what it was computed over.</summary>
/// <param name="Value">The figure; null when undefined (average of no values, share of a zero total).</param>
/// <param name="Accounts">Accounts it was computed over.</param>
/// <param name="ValueCount">Of those, how many had a known value of the field (all of them for a count).</param>
/// <param name="Numerator">For share, penetration and customer rate: the part.</param>
/// <param name="Denominator">For share, penetration and customer rate: the whole.</param>
public sealed record QueryFigure(double? Value, int Accounts, int ValueCount, double? Numerator = null, double? Denominator = null);

/// <summary>One group of a group-by: its key (null = unknown / unassigned) and its figure.</summary>
public sealed record QueryGroup(string? Key, QueryFigure Figure);

/// <summary>One listed account.</summary>
public sealed record QueryRow(string AccountId, string Name, IReadOnlyList<QueryCell> Cells);

/// <summary>One field of a listed account: a label, a number, a flag or a set of labels; all null when unknown.</summary>
public sealed record QueryCell(QueryField Field, string? Text = null, double? Number = null, bool? Flag = null, IReadOnlyList<string>? Labels = null);
