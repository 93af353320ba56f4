using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Query;

/// <summary>
/// The accounts of one data set and their scores laid out by column, ready for many queries: built once per data
/// set (it joins scores, opportunities and reps and takes the as-of date for ages), read by <see cref="QueryEngine"/>.
/// Rows are in account id order, so results do not depend on the order of the input.
/// </summary>
public sealed class AccountTable
{
    private readonly Dictionary<string, string> repIdByKey;
    private readonly Dictionary<string, string?> managerByRep;
    private readonly Dictionary<string, string> nameByRep;
    private int[]? allRows;

    private AccountTable(DateOnly asOf, int count)
    {
        AsOf = asOf;
        Count = count;
        Ids = new string[count];
        Names = new string[count];
        Owners = new string?[count];
        OpenDeals = new OpenDeal[count][];
        repIdByKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        managerByRep = new Dictionary<string, string?>(StringComparer.Ordinal);
        nameByRep = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The date last-activity ages are counted to.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Number of accounts.</summary>
    public int Count { get; }

    internal string[] Ids { get; }

    /// <summary>Every row, in order: the scope of everything (never written to; queries copy before they sort).</summary>
    internal int[] AllRows => allRows ??= [.. Enumerable.Range(0, Count)];

    internal string[] Names { get; }
    internal string?[] Owners { get; }
    internal OpenDeal[][] OpenDeals { get; }
    internal Dictionary<QueryField, CategoryColumn> Categories { get; } = [];
    internal Dictionary<QueryField, bool[]> Flags { get; } = [];
    internal Dictionary<QueryField, double[]> Numbers { get; } = [];
    internal Dictionary<QueryField, SetColumn> Sets { get; } = [];
    internal Func<string, string?>? IndustryMap { get; private init; }

    /// <summary>
    /// Builds the table. <paramref name="scores"/> must score every account (by id, any order).
    /// <paramref name="canonicalIndustry"/>, when given, maps an industry label to its canonical industry (null =
    /// no mapping, keep the label); the <see cref="QueryField.Industry"/> column and industry filter values both go
    /// through it, so "Health care" finds accounts imported as "Hospital &amp; Health Care".
    /// </summary>
    /// <exception cref="ArgumentException">Duplicate account ids, or an account without a score.</exception>
    public static AccountTable Build(DataSet data, IReadOnlyList<AccountScore> scores, DateOnly asOf, Func<string, string?>? canonicalIndustry = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scores);
        var scoreById = new Dictionary<string, AccountScore>(scores.Count, StringComparer.Ordinal);
        foreach (var s in scores)
        {
            ArgumentNullException.ThrowIfNull(s);
            scoreById[s.AccountId] = s;
        }

        var accounts = data.Accounts.ToArray();
        Array.Sort(accounts, (a, b) => string.CompareOrdinal(a.AccountId, b.AccountId));
        for (int i = 1; i < accounts.Length; i++)
        {
            if (accounts[i].AccountId == accounts[i - 1].AccountId)
            {
                throw new ArgumentException($"Account id '{accounts[i].AccountId}' appears twice.", nameof(data));
            }
        }

        int n = accounts.Length;
        var table = new AccountTable(asOf, n) { IndustryMap = canonicalIndustry };
        foreach (var rep in data.Reps.OrderBy(r => r.RepId, StringComparer.Ordinal))
        {
            table.managerByRep[rep.RepId] = rep.ManagerId;
            table.nameByRep[rep.RepId] = rep.Name;
            table.repIdByKey.TryAdd(rep.RepId, rep.RepId);
        }

        // Names after ids, so an id never loses to a name that happens to spell another rep's id.
        foreach (var rep in data.Reps.OrderBy(r => r.RepId, StringComparer.Ordinal))
        {
            table.repIdByKey.TryAdd(rep.Name.Trim(), rep.RepId);
        }

        var position = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            position[accounts[i].AccountId] = i;
        }

        var deals = new List<(string Stage, double Amount)>?[n];
        var lastDeal = new DateOnly?[n];
        foreach (var o in data.Opportunities.OrderBy(o => o.OpportunityId, StringComparer.Ordinal))
        {
            if (!position.TryGetValue(o.AccountId, out int i))
            {
                continue;
            }

            // The same notion of "last touched" as scoring: the account's own date or any deal's activity.
            lastDeal[i] = Latest(lastDeal[i], Latest(o.LastActivityDate, Latest(o.CreatedDate, o.IsClosed ? o.CloseDate : null)));
            if (o.IsOpen)
            {
                (deals[i] ??= []).Add((o.Stage.Trim(), double.IsFinite(o.Amount) ? o.Amount : 0));
            }
        }

        var owner = new CategoryBuilder();
        var team = new CategoryBuilder();
        var industry = new CategoryBuilder();
        var industryLabel = new CategoryBuilder();
        var state = new CategoryBuilder();
        var city = new CategoryBuilder();
        var country = new CategoryBuilder();
        var tier = new CategoryBuilder();
        var currentTier = new CategoryBuilder();
        var status = new CategoryBuilder();
        var priority = new CategoryBuilder();
        var funding = new CategoryBuilder();
        var tech = new SetBuilder();
        var stage = new SetBuilder();
        var whitespace = new bool[n];
        var named = new bool[n];
        var customer = new bool[n];
        double[] icp = new double[n], opportunity = new double[n], intent = new double[n], growth = new double[n],
            employees = new double[n], revenue = new double[n], current = new double[n], potential = new double[n],
            headroom = new double[n], pipeline = new double[n], openCount = new double[n], age = new double[n];

        for (int i = 0; i < n; i++)
        {
            var a = accounts[i];
            if (!scoreById.TryGetValue(a.AccountId, out var s))
            {
                throw new ArgumentException($"Account '{a.AccountId}' has no score.", nameof(scores));
            }

            table.Ids[i] = a.AccountId;
            table.Names[i] = a.Name;
            table.Owners[i] = a.OwnerId;
            owner.Add(a.OwnerId);
            team.Add(a.OwnerId is { } o && table.managerByRep.TryGetValue(o, out var m) ? m : null);
            industry.Add(Canonical(a.Industry, canonicalIndustry));
            industryLabel.Add(a.Industry);
            state.Add(StateKey(a.Region));
            city.Add(a.City);
            country.Add(a.Country);
            tier.Add(s.Tier.ToString());
            currentTier.Add(a.CurrentTier?.ToString());
            status.Add(s.Status.ToString());
            priority.Add(s.Priority.ToString());
            funding.Add(a.FundingStage);
            tech.Add(a.TechStack);
            var open = deals[i]?.Select(d => new OpenDeal(stage.Code(d.Stage), d.Amount)).ToArray() ?? [];
            table.OpenDeals[i] = open;
            stage.AddCodes(open.Select(d => d.Stage));
            whitespace[i] = s.Whitespace;
            named[i] = a.NamedAccount;
            customer[i] = a.IsCustomer || a.CurrentArr > 0;
            icp[i] = s.IcpFit;
            opportunity[i] = s.OpportunityScore;
            intent[i] = a.IntentScore ?? double.NaN;
            growth[i] = a.GrowthRate ?? double.NaN;
            employees[i] = a.Employees;
            revenue[i] = a.AnnualRevenue ?? double.NaN;
            current[i] = a.CurrentArr;
            potential[i] = s.PotentialArr;
            headroom[i] = Math.Max(0, s.PotentialArr - a.CurrentArr);
            pipeline[i] = open.Sum(d => d.Amount);
            openCount[i] = open.Length;
            var last = Latest(a.LastActivityDate, lastDeal[i]);
            age[i] = last is { } d ? asOf.DayNumber - d.DayNumber : double.NaN;
        }

        table.Categories[QueryField.Owner] = owner.Build();
        table.Categories[QueryField.Team] = team.Build();
        table.Categories[QueryField.Industry] = industry.Build();
        table.Categories[QueryField.IndustryLabel] = industryLabel.Build();
        table.Categories[QueryField.State] = state.Build();
        table.Categories[QueryField.City] = city.Build();
        table.Categories[QueryField.Country] = country.Build();
        table.Categories[QueryField.Tier] = tier.Build();
        table.Categories[QueryField.CurrentTier] = currentTier.Build();
        table.Categories[QueryField.Status] = status.Build();
        table.Categories[QueryField.Priority] = priority.Build();
        table.Categories[QueryField.FundingStage] = funding.Build();
        table.Sets[QueryField.Tech] = tech.Build();
        table.Sets[QueryField.OpenStage] = stage.Build();
        table.Flags[QueryField.Whitespace] = whitespace;
        table.Flags[QueryField.Named] = named;
        table.Flags[QueryField.Customer] = customer;
        table.Numbers[QueryField.IcpFit] = icp;
        table.Numbers[QueryField.OpportunityScore] = opportunity;
        table.Numbers[QueryField.Intent] = intent;
        table.Numbers[QueryField.Growth] = growth;
        table.Numbers[QueryField.Employees] = employees;
        table.Numbers[QueryField.Revenue] = revenue;
        table.Numbers[QueryField.CurrentArr] = current;
        table.Numbers[QueryField.PotentialArr] = potential;
        table.Numbers[QueryField.Headroom] = headroom;
        table.Numbers[QueryField.OpenPipeline] = pipeline;
        table.Numbers[QueryField.OpenOpportunities] = openCount;
        table.Numbers[QueryField.LastActivityDays] = age;
        return table;
    }

    /// <summary>The rep id a filter value names: a rep id (any case) or a rep's full name (any case); null if none.</summary>
    internal string? RepIdFor(string value) => repIdByKey.GetValueOrDefault(value.Trim());

    /// <summary>The name of a rep, or null.</summary>
    internal string? RepName(string repId) => nameByRep.GetValueOrDefault(repId);

    /// <summary>The manager of a rep, or null.</summary>
    internal string? ManagerOf(string repId) => managerByRep.GetValueOrDefault(repId);

    /// <summary>The key an industry value is matched on: canonical when a map is given and knows it.</summary>
    internal static string Canonical(string label, Func<string, string?>? map) =>
        map?.Invoke(label.Trim()) is { Length: > 0 } canonical ? canonical.Trim() : label.Trim();

    /// <summary>The key a region is stored under: the US state code when it names a state, else the trimmed label.</summary>
    internal static string? StateKey(string? region) =>
        string.IsNullOrWhiteSpace(region) ? null : UsStates.TryCode(region, out var code) ? code : region.Trim();

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}

/// <summary>One open deal on an account: its stage (a code of the open-stage column) and amount.</summary>
internal readonly record struct OpenDeal(int Stage, double Amount);

/// <summary>A dictionary-encoded label column: a code per row (-1 = unknown), labels by code, codes by label ignoring case.</summary>
internal sealed record CategoryColumn(int[] Codes, string[] Labels, Dictionary<string, int> CodeByLabel);

/// <summary>A set-valued column: sorted distinct codes per row, labels by code, codes by label ignoring case.</summary>
internal sealed record SetColumn(int[][] Codes, string[] Labels, Dictionary<string, int> CodeByLabel);

internal sealed class CategoryBuilder
{
    private readonly List<int> codes = [];
    private readonly List<string> labels = [];
    private readonly Dictionary<string, int> byLabel = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string? label) => codes.Add(Code(label));

    public int Code(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return -1;
        }

        var key = label.Trim();
        if (!byLabel.TryGetValue(key, out int code))
        {
            // The first spelling met (in account id order) is the label shown for every case variant.
            code = labels.Count;
            labels.Add(key);
            byLabel[key] = code;
        }

        return code;
    }

    public CategoryColumn Build() => new([.. codes], [.. labels], byLabel);
}

internal sealed class SetBuilder
{
    private readonly CategoryBuilder labels = new();
    private readonly List<int[]> rows = [];

    public void Add(IEnumerable<string> values) => AddCodes(values.Select(labels.Code));

    public void AddCodes(IEnumerable<int> codes) => rows.Add([.. codes.Where(c => c >= 0).Distinct().Order()]);

    public int Code(string? label) => labels.Code(label);

    public SetColumn Build()
    {
        var built = labels.Build();
        return new SetColumn([.. rows], built.Labels, built.CodeByLabel);
    }
}
