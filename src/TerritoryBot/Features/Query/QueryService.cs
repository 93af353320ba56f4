using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Features.Query;

/// <summary>
/// The account query for the application: the caller decides the scope (a rep their book, a manager their team's,
/// ops everything, as <see cref="Caller.CanSeeAccount"/>), the workspace keeps one <see cref="AccountTable"/>, and
/// the engine answers. The router, the CLI and the model's tool all come through here.
/// </summary>
internal static class QueryService
{
    private const string TableKey = "query:table";

    /// <summary>The query table of this workspace, built once and shared by every turn on it.</summary>
    public static AccountTable Table(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Memo(TableKey, w => AccountTable.Build(w.Data, w.Scores.Accounts, w.AsOf));
    }

    /// <summary>What <paramref name="caller"/> may query: the same accounts <see cref="Caller.CanSeeAccount"/> allows.</summary>
    public static QueryScope ScopeFor(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsOps ? QueryScope.All : QueryScope.Owners(caller.VisibleRepIds);
    }

    /// <summary>Runs a structured query as <paramref name="caller"/>.</summary>
    public static QueryOutcome Run(Caller caller, Workspace workspace, AccountQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return QueryEngine.Run(Table(workspace), query, ScopeFor(caller));
    }

    /// <summary>
    /// Parses a textual query (CLI flags, the model's tool arguments), runs it as <paramref name="caller"/> and
    /// returns the view; a query that does not parse, or names someone the caller may not see, gives a view with
    /// <see cref="QueryView.Errors"/> and nothing computed.
    /// </summary>
    public static QueryView Run(Caller caller, Workspace workspace, QueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        AccountQuery query;
        try
        {
            query = QuerySyntax.Parse(request, workspace.AsOf);
        }
        catch (QuerySyntaxException e)
        {
            return QueryView.Invalid(workspace.AsOf, e.Errors);
        }

        return QueryView.From(Run(caller, workspace, query), caller, workspace);
    }

    /// <summary>The words for a refusal: the same whether the person named exists or not.</summary>
    public static string RefusalText(QueryRefused refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var what = refused.Field == QueryField.Team ? "teams" : "reps";
        return $"You can only query the accounts you may see, and \"{refused.Value}\" is not one of the {what} whose accounts you can see.";
    }

    /// <summary>The words for an engine-level problem (a structured query built in code rather than parsed).</summary>
    public static string ProblemText(QueryInvalid invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var field = invalid.Field is { } f ? QueryFields.Key(f) : "the query";
        return invalid.Problem switch
        {
            QueryProblem.UnknownField => $"There is no query field {invalid.Value}.",
            QueryProblem.OperatorNotValid => $"{field} cannot be compared with {invalid.Value}.",
            QueryProblem.MissingValue => $"A filter on {field} needs a value.",
            QueryProblem.InvalidValue => $"{field} cannot be \"{invalid.Value}\".",
            QueryProblem.InvalidNumber => $"The number given for {field} is not a finite number.",
            QueryProblem.InvalidRange => $"The range given for {field} has its lower bound above its upper bound.",
            QueryProblem.InvalidCount => $"The count given for {field} must be 1 or more ({invalid.Value}).",
            QueryProblem.MeasureNeedsNumericField => $"The measure {invalid.Value} needs a numeric field.",
            QueryProblem.MeasureTakesNoField => $"The measure {invalid.Value} takes no field.",
            QueryProblem.NotGroupable => $"{field} is not a category to group by.",
            QueryProblem.NotRankable => $"{field} is not a number to rank by.",
            QueryProblem.TooLarge => "The query carries too many filters, values or fields.",
            _ => "The query is not valid.",
        };
    }

    /// <summary>How the caller's scope is described: "rep", "team" or "all".</summary>
    internal static string ScopeKind(Caller caller) => caller.Role switch
    {
        RepRole.Ops => "all",
        RepRole.Manager => "team",
        _ => "rep",
    };
}
