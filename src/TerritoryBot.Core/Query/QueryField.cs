namespace TerritoryBot.Core.Query;

/// <summary>A field of an account a query can filter, group, rank, measure or list: stored ones and computed ones.</summary>
public enum QueryField
{
    /// <summary>The account id (text).</summary>
    AccountId,
    /// <summary>The account name (text; filter with <see cref="FilterOp.Contains"/>).</summary>
    Name,
    /// <summary>The current owner's rep id; filter values are rep ids or full names.</summary>
    Owner,
    /// <summary>The manager id of the current owner (the team); filter values are manager ids or full names.</summary>
    Team,
    /// <summary>The industry, canonical when the table was built with an industry map, else the raw label.</summary>
    Industry,
    /// <summary>The industry label exactly as imported.</summary>
    IndustryLabel,
    /// <summary>Region / state: US states by two-letter code (names and codes both match), other regions as given.</summary>
    State,
    City,
    Country,
    /// <summary>The tier the scoring engine gives.</summary>
    Tier,
    /// <summary>The tier recorded on the account (may differ from <see cref="Tier"/>).</summary>
    CurrentTier,
    /// <summary>ActiveCustomer, ActiveProspect, ColdProspect or Unknown.</summary>
    Status,
    Priority,
    /// <summary>Scored whitespace (flag).</summary>
    Whitespace,
    /// <summary>Named account, locked to its owner (flag).</summary>
    Named,
    /// <summary>A customer: flagged as one or paying ARR (flag).</summary>
    Customer,
    /// <summary>ICP fit 1–5.</summary>
    IcpFit,
    /// <summary>Opportunity score 0–100.</summary>
    OpportunityScore,
    /// <summary>Buying intent 0–100.</summary>
    Intent,
    /// <summary>Yearly growth as a fraction (0.15 = 15%).</summary>
    Growth,
    Employees,
    /// <summary>Annual revenue.</summary>
    Revenue,
    CurrentArr,
    PotentialArr,
    /// <summary>Potential ARR minus current ARR, never below 0.</summary>
    Headroom,
    /// <summary>Sum of the open opportunities' amounts; with a positive <see cref="OpenStage"/> filter, of the opportunities in those stages only.</summary>
    OpenPipeline,
    /// <summary>Number of open opportunities (same stage rule as <see cref="OpenPipeline"/>).</summary>
    OpenOpportunities,
    /// <summary>The stages of the account's open opportunities (set-valued).</summary>
    OpenStage,
    /// <summary>Days since the last activity on the account or its deals, as of the table's date; unknown when never touched.</summary>
    LastActivityDays,
    /// <summary>Technologies in the stack (set-valued).</summary>
    Tech,
    FundingStage,
}

/// <summary>How a field's values are stored and what can be done with them.</summary>
public enum FieldKind
{
    /// <summary>Free text: filter with equality or contains; list only.</summary>
    Text,
    /// <summary>One label per account: filter by value, group by.</summary>
    Category,
    /// <summary>True or false: filter by value, group by.</summary>
    Flag,
    /// <summary>A number (may be unknown): compare, rank, measure.</summary>
    Numeric,
    /// <summary>Several labels per account: filter by "has any of".</summary>
    Set,
}

/// <summary>What a number means, so a view can format it; no wording here.</summary>
public enum QueryUnit
{
    None,
    Money,
    Count,
    /// <summary>A fraction (0.15 = 15%).</summary>
    Fraction,
    Days,
    /// <summary>A 0–100 or 1–5 score.</summary>
    Score,
}

/// <summary>Static facts about one <see cref="QueryField"/>.</summary>
/// <param name="Field">The field.</param>
/// <param name="Key">The stable snake_case key used by the CLI and JSON.</param>
/// <param name="Kind">How values are stored.</param>
/// <param name="Unit">What a number means.</param>
/// <param name="Groupable">Whether <see cref="AccountQuery.GroupBy"/> may use it.</param>
public sealed record QueryFieldInfo(QueryField Field, string Key, FieldKind Kind, QueryUnit Unit, bool Groupable)
{
    /// <summary>Numbers can be compared, ranked and measured.</summary>
    public bool IsNumeric => Kind == FieldKind.Numeric;
}

/// <summary>The catalog of query fields.</summary>
public static class QueryFields
{
    private static readonly QueryFieldInfo[] Infos =
    [
        new(QueryField.AccountId, "account_id", FieldKind.Text, QueryUnit.None, false),
        new(QueryField.Name, "name", FieldKind.Text, QueryUnit.None, false),
        new(QueryField.Owner, "owner", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.Team, "team", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.Industry, "industry", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.IndustryLabel, "industry_label", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.State, "state", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.City, "city", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.Country, "country", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.Tier, "tier", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.CurrentTier, "current_tier", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.Status, "status", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.Priority, "priority", FieldKind.Category, QueryUnit.None, true),
        new(QueryField.Whitespace, "whitespace", FieldKind.Flag, QueryUnit.None, true),
        new(QueryField.Named, "named", FieldKind.Flag, QueryUnit.None, true),
        new(QueryField.Customer, "customer", FieldKind.Flag, QueryUnit.None, true),
        new(QueryField.IcpFit, "icp_fit", FieldKind.Numeric, QueryUnit.Score, true),
        new(QueryField.OpportunityScore, "opportunity_score", FieldKind.Numeric, QueryUnit.Score, false),
        new(QueryField.Intent, "intent", FieldKind.Numeric, QueryUnit.Score, false),
        new(QueryField.Growth, "growth", FieldKind.Numeric, QueryUnit.Fraction, false),
        new(QueryField.Employees, "employees", FieldKind.Numeric, QueryUnit.Count, false),
        new(QueryField.Revenue, "revenue", FieldKind.Numeric, QueryUnit.Money, false),
        new(QueryField.CurrentArr, "current_arr", FieldKind.Numeric, QueryUnit.Money, false),
        new(QueryField.PotentialArr, "potential_arr", FieldKind.Numeric, QueryUnit.Money, false),
        new(QueryField.Headroom, "headroom", FieldKind.Numeric, QueryUnit.Money, false),
        new(QueryField.OpenPipeline, "open_pipeline", FieldKind.Numeric, QueryUnit.Money, false),
        new(QueryField.OpenOpportunities, "open_opportunities", FieldKind.Numeric, QueryUnit.Count, false),
        new(QueryField.OpenStage, "open_stage", FieldKind.Set, QueryUnit.None, false),
        new(QueryField.LastActivityDays, "last_activity_days", FieldKind.Numeric, QueryUnit.Days, false),
        new(QueryField.Tech, "tech", FieldKind.Set, QueryUnit.None, false),
        new(QueryField.FundingStage, "funding_stage", FieldKind.Category, QueryUnit.None, true),
    ];

    private static readonly Dictionary<string, QueryField> ByKey =
        Infos.ToDictionary(i => i.Key, i => i.Field, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every field, in declaration order.</summary>
    public static IReadOnlyList<QueryFieldInfo> All => Infos;

    /// <summary>Facts about <paramref name="field"/>.</summary>
    public static QueryFieldInfo Info(QueryField field) =>
        (int)field >= 0 && (int)field < Infos.Length ? Infos[(int)field] : throw new ArgumentOutOfRangeException(nameof(field), field, null);

    /// <summary>The stable snake_case key of <paramref name="field"/>.</summary>
    public static string Key(QueryField field) => Info(field).Key;

    /// <summary>A field by its snake_case key, ignoring case.</summary>
    public static bool TryParse(string? key, out QueryField field)
    {
        field = default;
        return key is not null && ByKey.TryGetValue(key.Trim(), out field);
    }
}
