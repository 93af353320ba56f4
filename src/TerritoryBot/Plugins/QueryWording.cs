using System.Globalization;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Plugins;

/// <summary>Words for query fields, filters and figures in answers (the engine has none), and the canonical question text.</summary>
internal static class QueryWording
{
    private static readonly Dictionary<QueryField, string> Labels = new()
    {
        [QueryField.AccountId] = "Account id",
        [QueryField.Name] = "Name",
        [QueryField.Owner] = "Owner",
        [QueryField.Team] = "Team",
        [QueryField.Industry] = "Industry",
        [QueryField.IndustryLabel] = "Industry label",
        [QueryField.State] = "State",
        [QueryField.City] = "City",
        [QueryField.Country] = "Country",
        [QueryField.Tier] = "Tier",
        [QueryField.CurrentTier] = "Recorded tier",
        [QueryField.Status] = "Status",
        [QueryField.Priority] = "Priority",
        [QueryField.Whitespace] = "Whitespace",
        [QueryField.Named] = "Named account",
        [QueryField.Customer] = "Customer",
        [QueryField.IcpFit] = "ICP fit",
        [QueryField.OpportunityScore] = "Opportunity score",
        [QueryField.Intent] = "Intent score",
        [QueryField.Growth] = "Growth",
        [QueryField.Employees] = "Employees",
        [QueryField.Revenue] = "Revenue",
        [QueryField.CurrentArr] = "Current ARR",
        [QueryField.PotentialArr] = "Potential ARR",
        [QueryField.Headroom] = "Headroom",
        [QueryField.OpenPipeline] = "Open pipeline",
        [QueryField.OpenOpportunities] = "Open opportunities",
        [QueryField.OpenStage] = "Open deal stage",
        [QueryField.LastActivityDays] = "Days since last activity",
        [QueryField.Tech] = "Tech stack",
        [QueryField.FundingStage] = "Funding stage",
    };

    public static string Label(QueryField field) => Labels.GetValueOrDefault(field, field.ToString());

    /// <summary>A number of a field, formatted for its unit ($1.2M, 15%, 4.2, 1,200).</summary>
    public static string Value(QueryField? field, double? value)
    {
        if (value is not { } v)
        {
            return "n/a";
        }

        if (field is not { } f)
        {
            return Format.Int((long)Math.Round(v));
        }

        return QueryFields.Info(f).Unit switch
        {
            QueryUnit.Money => Format.Money(v),
            QueryUnit.Fraction => Format.Percent(v),
            QueryUnit.Count => Math.Abs(v - Math.Round(v)) < 1e-9 ? Format.Int((long)Math.Round(v)) : Format.Number(v, "#,0.0"),
            QueryUnit.Days => Format.Int((long)Math.Round(v)) + " days",
            QueryUnit.Score => Format.Number(v, "0.0"),
            _ => Format.Number(v, "#,0.##"),
        };
    }

    /// <summary>One applied filter as a fact a person can check ("State" → "TX (Texas)").</summary>
    public static (string Title, string Value) Fact(QueryFilter filter, IReadOnlyList<string> resolved, Func<string, string> repName)
    {
        var label = Label(filter.Field);
        var values = (resolved.Count > 0 ? resolved : filter.Values).Select(v => filter.Field switch
        {
            QueryField.State when UsStates.Name(v) is { } name => $"{v} ({name})",
            QueryField.Owner or QueryField.Team => repName(v),
            QueryField.Status => StatusWords(v),
            _ => v,
        }).ToList();
        string text = filter.Op switch
        {
            FilterOp.Is when filter.Field is QueryField.Whitespace or QueryField.Named or QueryField.Customer =>
                filter.Values.FirstOrDefault() == "true" ? "yes" : "no",
            FilterOp.Is => string.Join(" or ", values),
            FilterOp.Contains => $"contains “{filter.Values.FirstOrDefault()}”",
            FilterOp.Above => "above " + Value(filter.Field, filter.Number),
            FilterOp.Below => "below " + Value(filter.Field, filter.Number),
            FilterOp.AtLeast => "at least " + Value(filter.Field, filter.Number),
            FilterOp.AtMost => "at most " + Value(filter.Field, filter.Number),
            FilterOp.Equal => "exactly " + Value(filter.Field, filter.Number),
            FilterOp.Between => $"between {Value(filter.Field, filter.Number)} and {Value(filter.Field, filter.UpperNumber)}",
            FilterOp.Missing => filter.Field == QueryField.Owner ? "none (unassigned)" : filter.Field == QueryField.LastActivityDays ? "never (no activity on record)" : "unknown",
            FilterOp.Top => $"top {filter.Count}",
            FilterOp.Bottom => $"bottom {filter.Count}",
            _ => filter.Op.ToString(),
        };
        if (filter.Field == QueryField.LastActivityDays && filter.Op == FilterOp.AtMost)
        {
            label = "Last activity";
            text = $"within the last {Value(filter.Field, filter.Number)}";
        }

        if (filter.Field == QueryField.OpenPipeline && filter.Op == FilterOp.Above && filter.Number == 0)
        {
            label = "Open pipeline";
            text = "some";
        }

        if (filter.Negated)
        {
            text = filter.Field == QueryField.OpenPipeline && filter.Op == FilterOp.Above && filter.Number == 0 ? "none"
                : filter.Field == QueryField.LastActivityDays && filter.Op == FilterOp.AtMost ? $"not within the last {Value(filter.Field, filter.Number)} (or never)"
                : "not " + text;
        }

        return (label, text);
    }

    public static string StatusWords(string status) => status switch
    {
        "ActiveCustomer" => "active customer",
        "ActiveProspect" => "active prospect",
        "ColdProspect" => "cold prospect",
        "Unknown" => "unknown",
        _ => status,
    };

    /// <summary>What a measure computes, in words ("Total current ARR", "Accounts", "Average potential ARR").</summary>
    public static string Measure(QueryMeasure measure) => measure.Kind switch
    {
        MeasureKind.Count => "Accounts",
        MeasureKind.Sum => "Total " + Lower(Label(measure.Field!.Value)),
        MeasureKind.Average => "Average " + Lower(Label(measure.Field!.Value)),
        MeasureKind.Median => "Median " + Lower(Label(measure.Field!.Value)),
        MeasureKind.Min => "Lowest " + Lower(Label(measure.Field!.Value)),
        MeasureKind.Max => "Highest " + Lower(Label(measure.Field!.Value)),
        MeasureKind.Share => "Share of " + (measure.Field is { } f ? Lower(Label(f)) : "accounts"),
        MeasureKind.Penetration => "Penetration (current ÷ potential ARR)",
        MeasureKind.CustomerRate => "Customer rate",
        _ => measure.Kind.ToString(),
    };

    /// <summary>A measure's figure in its unit.</summary>
    public static string Figure(QueryMeasure measure, double? value) => measure.Kind switch
    {
        MeasureKind.Count => Value(null, value),
        MeasureKind.Share or MeasureKind.Penetration or MeasureKind.CustomerRate => value is { } v ? Format.Percent(v) : "n/a",
        _ => Value(measure.Field, value),
    };

    /// <summary>
    /// A question the parser reads back to exactly this query (for the "ask this instead" button): measure words, then
    /// each filter in the vocabulary's own words. Null when some part has no plain wording.
    /// </summary>
    public static string? Canonical(ParsedQuestion question, Func<string, string> repName)
    {
        var query = question.Query;
        var parts = new List<string>();
        foreach (var filter in query.Filters)
        {
            string? words = filter switch
            {
                { Field: QueryField.State, Op: FilterOp.Is } => "in " + string.Join(" ", filter.Values.Select(v => UsStates.Name(v) ?? v)),
                { Field: QueryField.City, Op: FilterOp.Is } => "in " + string.Join(" ", filter.Values),
                { Field: QueryField.Industry, Op: FilterOp.Is } => string.Join(" ", filter.Values),
                { Field: QueryField.Customer, Op: FilterOp.Is } => filter.Values.FirstOrDefault() == "true" ? "customers" : "prospects",
                { Field: QueryField.Whitespace, Op: FilterOp.Is } => "whitespace",
                { Field: QueryField.Named, Op: FilterOp.Is } => "named",
                { Field: QueryField.Tier, Op: FilterOp.Is } => string.Join(" ", filter.Values),
                { Field: QueryField.Priority, Op: FilterOp.Is } => string.Join(" ", filter.Values) + " priority",
                { Field: QueryField.Status, Op: FilterOp.Is } => string.Join(" ", filter.Values.Select(StatusWords)),
                { Field: QueryField.OpenStage, Op: FilterOp.Is } => "in " + string.Join(" ", filter.Values),
                { Field: QueryField.Tech, Op: FilterOp.Is } => "using " + string.Join(" ", filter.Values),
                { Field: QueryField.FundingStage, Op: FilterOp.Is } => string.Join(" ", filter.Values),
                { Field: QueryField.Owner, Op: FilterOp.Is } => "of " + string.Join(" ", filter.Values.Select(repName)),
                { Field: QueryField.Owner, Op: FilterOp.Missing } => "unassigned",
                { Op: FilterOp.Above } => $"with {Phrase(filter.Field)} over {Number(filter.Field, filter.Number)}",
                { Op: FilterOp.Below } => $"with {Phrase(filter.Field)} under {Number(filter.Field, filter.Number)}",
                { Op: FilterOp.AtLeast } => $"with {Phrase(filter.Field)} at least {Number(filter.Field, filter.Number)}",
                { Op: FilterOp.AtMost } => $"with {Phrase(filter.Field)} at most {Number(filter.Field, filter.Number)}",
                _ => null,
            };
            if (words is null || (filter.Negated && filter.Op != FilterOp.Is))
            {
                return null;
            }

            parts.Add(filter.Negated ? "not " + words : words);
        }

        var measure = query.Measure;
        var head = question.Shape switch
        {
            QueryShape.Figure when measure.Kind == MeasureKind.Count => "how many accounts",
            QueryShape.Figure when measure.Kind == MeasureKind.Sum => "total " + Phrase(measure.Field!.Value) + " of accounts",
            QueryShape.Figure when measure.Kind == MeasureKind.Average => "average " + Phrase(measure.Field!.Value) + " of accounts",
            QueryShape.Figure when measure.Kind == MeasureKind.Median => "median " + Phrase(measure.Field!.Value) + " of accounts",
            QueryShape.List => "list accounts",
            QueryShape.Extreme when query.Rank is { } r => $"which account has the {(r.Ascending ? "lowest" : "highest")} {Phrase(r.By)}",
            QueryShape.Ranked when query.Rank is { Limit: { } n } r => $"{(r.Ascending ? "bottom" : "top")} {n} accounts by {Phrase(r.By)}",
            _ => null,
        };
        if (head is null)
        {
            return null;
        }

        var scope = question.Team ? "my team's " : "";
        return (scope.Length > 0 ? head.Replace("accounts", scope + "accounts", StringComparison.Ordinal) : head)
            + (parts.Count > 0 ? " " + string.Join(" ", parts) : "");
    }

    private static string Phrase(QueryField field) => field switch
    {
        QueryField.CurrentArr => "current arr",
        QueryField.PotentialArr => "potential",
        QueryField.OpenPipeline => "open pipeline",
        QueryField.IcpFit => "icp fit",
        QueryField.OpportunityScore => "opportunity score",
        QueryField.Intent => "intent score",
        QueryField.Growth => "growth",
        QueryField.Employees => "employees",
        QueryField.Revenue => "revenue",
        QueryField.Headroom => "headroom",
        _ => Lower(Label(field)),
    };

    private static string Number(QueryField field, double value) => QueryFields.Info(field).Unit switch
    {
        QueryUnit.Money => "$" + value.ToString("0.##", CultureInfo.InvariantCulture),
        QueryUnit.Fraction => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[1]) ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
