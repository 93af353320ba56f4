using System.Globalization;
using System.Text.Json.Nodes;
using TerritoryBot.Core.Model;
using TerritoryBot.Import.Geocoding;

namespace TerritoryBot.Import;

/// <summary>What reading a data folder gave: a validated data set, or the errors (first 100, then a count line).</summary>
internal sealed record DataFolderResult(DataSet? Data, bool HasIcp, IReadOnlyList<string> Errors, int ErrorCount)
{
    public bool Succeeded => Data is not null;

    /// <summary>What was recognised, how columns were read, owners matched, values interpreted (sections other steps extend).</summary>
    public ImportReport Report { get; init; } = new();
    /// <summary>How accounts and reps' homes without coordinates were placed (null when the read failed).</summary>
    public GeocodingReport? Geocoding { get; init; }
}

/// <summary>
/// Reads and validates a data folder as DATA.md and docs/data-format.md describe it: our own accounts.csv, reps.csv,
/// opportunities.csv, or CRM exports (Salesforce, HubSpot, Dynamics 365; CSV or .xlsx) recognised by their headers
/// (<see cref="FolderPlan"/>), with an optional mapping file, and an optional icp.json. Every row and every cell is
/// checked and every problem reported; the data set is returned only when there is none. Pure reading: nothing is
/// written anywhere.
/// </summary>
internal static class DataFolderLoader
{
    public const string AccountsFile = "accounts.csv";
    public const string RepsFile = "reps.csv";
    public const string OpportunitiesFile = "opportunities.csv";
    public const string IcpFile = "icp.json";

    /// <summary>Upper bound of growth_rate: 10 = 1000% a year; larger values are almost surely percentages.</summary>
    public const double MaxGrowthRate = 10;

    private static readonly Dictionary<string, Tier> Tiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Strategic"] = Tier.Strategic, ["Enterprise"] = Tier.Enterprise, ["Commercial"] = Tier.Commercial, ["SMB"] = Tier.SMB,
    };

    private static readonly Dictionary<string, RepRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rep"] = RepRole.Rep, ["manager"] = RepRole.Manager, ["ops"] = RepRole.Ops,
    };

    private static readonly Dictionary<string, Seniority> Seniorities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["junior"] = Seniority.Junior, ["mid"] = Seniority.Mid, ["senior"] = Seniority.Senior,
    };

    public static DataFolderResult Load(string directory, CancellationToken ct = default) => Load(directory, null, ct);

    /// <summary>Reads a folder; <paramref name="mappingPath"/> overrides the folder's own mapping.json.</summary>
    public static DataFolderResult Load(string directory, string? mappingPath, CancellationToken ct)
    {
        var errors = new ImportErrors();
        var report = new ImportReport();
        if (!Directory.Exists(directory))
        {
            errors.AddFile(directory, "no such directory");
            return Fail(errors, report);
        }

        // The loader's sections first, in reading order; later steps add theirs after.
        report.Section(ImportReport.Files, "Files");
        report.Section(ImportReport.Columns, "Columns");
        report.Section(ImportReport.Owners, "Owners");
        report.Section(ImportReport.Values, "Values");
        var plan = FolderPlan.Build(directory, mappingPath, errors);
        plan.CheckRequired(directory, errors);
        if (plan.MappingFailed)
        {
            return Fail(errors, report);
        }

        // Reps first: accounts and opportunities refer to them. Errors are listed in file order regardless.
        var repsPlan = plan.Tables.GetValueOrDefault(TableKind.Reps);
        var reps = repsPlan is null || repsPlan.MissingColumns ? null : ReadReps(repsPlan, errors, ct);
        var accountsPlan = plan.Tables.GetValueOrDefault(TableKind.Accounts);
        var loose = plan.Tables.Values.Any(t => !t.Format.IsOurs);
        var owners = reps is null ? null : new OwnerDirectory(reps.Rows, reps.Ids, repsPlan!.Label, loose);
        var accounts = accountsPlan is null || accountsPlan.MissingColumns ? null : ReadAccounts(accountsPlan, owners, errors, report, ct);
        var opportunitiesPlan = plan.Tables.GetValueOrDefault(TableKind.Opportunities);
        var opportunities = opportunitiesPlan is { MissingColumns: false }
            ? ReadOpportunities(opportunitiesPlan, accounts, accountsPlan?.Label ?? AccountsFile, owners, errors, report, ct)
            : plan.IsCrm && opportunitiesPlan is null ? new Table<Opportunity>([], []) : null;

        var icpPath = Path.Combine(directory, IcpFile);
        var hasIcp = File.Exists(icpPath);
        var icp = hasIcp ? IcpJson.Read(icpPath, errors) : IcpProfile.Default;

        if (errors.Any || reps is null || accounts is null || opportunities is null || icp is null)
        {
            return Fail(errors, report);
        }

        var people = KeepOwners(repsPlan!, reps.Rows, reps.Inactive, accounts.Rows, opportunities.Rows, report);
        var finished = FinishAccounts(accounts.Rows, people, icp, report);
        Describe(plan, report, finished.Count, people.Count, opportunities.Rows.Count, owners!);
        var (located, geocoding) = ImportGeocoding.Apply(
            new DataSet(finished, people, opportunities.Rows, icp), () => new Geocoder(Gazetteer.Shipped));
        var section = report.Section("geocoding", "Geocoding");
        foreach (var line in geocoding.Lines())
        {
            section.Line(line);
        }

        section.Set("accounts", Counts(geocoding.Accounts)).Set("reps", Counts(geocoding.Reps)).Set("unplaced", geocoding.UnplacedAccounts);
        return new DataFolderResult(located, hasIcp, [], 0) { Report = report, Geocoding = geocoding };
    }

    /// <summary>
    /// How a folder would be read, without reading any row (<c>import --explain</c>): the plan (null when the folder
    /// does not exist) and the problems found in headers, file names and the mapping file.
    /// </summary>
    public static (FolderPlan? Plan, IReadOnlyList<string> Errors) Explain(string directory, string? mappingPath)
    {
        var errors = new ImportErrors();
        if (!Directory.Exists(directory))
        {
            errors.AddFile(directory, "no such directory");
            return (null, errors.ToLines());
        }

        var plan = FolderPlan.Build(directory, mappingPath, errors);
        plan.CheckRequired(directory, errors);
        return (plan, errors.ToLines());
    }

    /// <summary>
    /// Where parsed accounts become the model's accounts, after every row validated and before the data set is built:
    /// the place for steps that complete accounts from reference data (offline geocoding, industry labels matched to
    /// the ICP). Each step adds its own section to <paramref name="report"/>. Today it returns the accounts unchanged.
    /// </summary>
    private static List<Account> FinishAccounts(List<Account> accounts, List<Rep> reps, IcpProfile icp, ImportReport report)
    {
        _ = (reps, icp, report);
        return accounts;
    }

    private static JsonObject Counts(IReadOnlyDictionary<LocationSource, int> counts) =>
        new(counts.OrderBy(c => c.Key).Select(c => KeyValuePair.Create(ImportGeocoding.Name(c.Key), (JsonNode?)JsonValue.Create(c.Value))));

    private static DataFolderResult Fail(ImportErrors errors, ImportReport report) => new(null, false, errors.ToLines(), errors.Count) { Report = report };

    private sealed record Table<T>(List<T> Rows, HashSet<string> Ids)
    {
        /// <summary>Reps only: users the export marks inactive or disabled.</summary>
        public HashSet<string> Inactive { get; } = new(StringComparer.Ordinal);

        /// <summary>Accounts only: name key → id (null when two accounts share the name), to resolve deals that name their account.</summary>
        public Dictionary<string, string?> Names { get; } = new(StringComparer.Ordinal);
    }

    private static Table<Rep>? ReadReps(TablePlan plan, ImportErrors errors, CancellationToken ct)
    {
        using var csv = CsvTable.Open(plan.Table, plan.Format.IsOurs ? ["rep_id", "name"] : [], errors);
        if (csv is null)
        {
            return null;
        }

        Prepare(csv, plan);
        var file = plan.Label;
        int id = plan.Column("rep_id"), name = plan.Column("name"), first = plan.Column("first_name"), last = plan.Column("last_name"),
            email = plan.Column("email"), role = plan.Column("role"), manager = plan.Column("manager_id"), seniority = plan.Column("seniority"),
            quota = plan.Column("quota"), capacity = plan.Column("capacity"), ramping = plan.Column("ramping"), lat = plan.Column("home_latitude"),
            lon = plan.Column("home_longitude"), region = plan.Column("region"), strengths = plan.Column("industry_strengths"),
            slack = plan.Column("slack_user_id"), teams = plan.Column("teams_aad_object_id"),
            homeCity = plan.Column("home_city"), homeRegion = plan.Column("home_region"), homePostal = plan.Column("home_postal_code"),
            homeCountry = plan.Column("home_country");

        var rows = new List<Rep>();
        var table = new Table<Rep>(rows, []);
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var managers = new List<(long Line, string RepId, string ManagerId)>();
        while (csv.Read())
        {
            if ((rows.Count & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            // A HubSpot users export has no id column: the email is the id then.
            var repId = id >= 0 ? UniqueId(csv, id, plan.Name("rep_id"), firstLine) : UniqueId(csv, email, plan.Name("email"), firstLine);
            var repName = name >= 0 ? csv.Text(name) : null;
            repName ??= string.Join(' ', new[] { csv.Text(first), csv.Text(last) }.Where(s => s is not null)) is { Length: > 0 } full ? full : null;
            if (repName is null && !plan.Format.IsOurs)
            {
                repName = csv.Text(email);
            }

            if (repName is null)
            {
                csv.Error(plan.Name("name"), "is required");
            }

            var rep = new Rep
            {
                RepId = repId ?? "",
                Name = repName ?? "",
                Email = csv.Text(email),
                Role = csv.Choice(role, plan.Name("role"), Roles) ?? RepRole.Rep,
                ManagerId = csv.Text(manager),
                Seniority = csv.Choice(seniority, plan.Name("seniority"), Seniorities) ?? Seniority.Mid,
                Quota = csv.Money(quota, plan.Name("quota")),
                Capacity = csv.WholeNumber(capacity, plan.Name("capacity")),
                Ramping = csv.Boolean(ramping, plan.Name("ramping")),
                Home = Location(csv, lat, plan.Name("home_latitude"), lon, plan.Name("home_longitude")),
                Region = csv.Text(region),
                HomePlace = HomePlace(csv.Text(homeCountry), csv.Text(homeRegion) ?? csv.Text(region), csv.Text(homeCity), csv.Text(homePostal)),
                IndustryStrengths = csv.List(strengths),
                SlackUserId = csv.Text(slack),
                TeamsAadObjectId = csv.Text(teams),
            };
            if (plan.Has("is_active") && !csv.Boolean(plan.Column("is_active"), plan.Name("is_active")) && csv.Text(plan.Column("is_active")) is not null
                || plan.Has("disabled") && csv.Boolean(plan.Column("disabled"), plan.Name("disabled")))
            {
                table.Inactive.Add(rep.RepId);
            }

            if (rep.ManagerId is not null && repId is not null)
            {
                managers.Add((csv.Line, repId, rep.ManagerId));
            }

            if (!csv.RowHasErrors)
            {
                rows.Add(rep);
            }
        }

        // manager_id may point to a rep further down the file, so it is checked once every rep_id is known.
        var managerColumn = plan.Name("manager_id");
        foreach (var (line, repId, managerId) in managers)
        {
            if (managerId == repId)
            {
                errors.Add(file, line, managerColumn, $"{ImportErrors.Quote(managerId)} is the rep itself");
            }
            else if (!firstLine.ContainsKey(managerId))
            {
                errors.Add(file, line, managerColumn, $"{ImportErrors.Quote(managerId)} does not match any {plan.Name("rep_id")} in {file}");
            }
        }

        table.Ids.UnionWith(firstLine.Keys);
        return table;
    }

    private static Table<Account>? ReadAccounts(TablePlan plan, OwnerDirectory? owners, ImportErrors errors, ImportReport report, CancellationToken ct)
    {
        using var csv = CsvTable.Open(plan.Table, plan.Format.IsOurs ? ["account_id", "name", "industry", "employees"] : [], errors);
        if (csv is null)
        {
            return null;
        }

        Prepare(csv, plan);
        var crm = !plan.Format.IsOurs;
        int id = plan.Column("account_id"), name = plan.Column("name"), industry = plan.Column("industry"),
            employees = plan.Column("employees"), revenue = plan.Column("annual_revenue"), country = plan.Column("country"),
            region = plan.Column("region"), city = plan.Column("city"), postal = plan.Column("postal_code"),
            lat = plan.Column("latitude"), lon = plan.Column("longitude"), tech = plan.Column("tech_stack"),
            growth = plan.Column("growth_rate"), funding = plan.Column("funding_stage"), intent = plan.Column("intent_score"),
            customer = plan.Column("is_customer"), type = plan.Column("account_type"), lifecycle = plan.Column("lifecycle_stage"),
            arr = plan.Column("current_arr"), tier = plan.Column("current_tier"), owner = plan.Column("owner_id"),
            named = plan.Column("named_account"), activity = plan.Column("last_activity_date"), notes = plan.Column("relationship_notes");

        var rows = new List<Account>();
        var table = new Table<Account>(rows, []);
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var customers = 0;
        while (csv.Read())
        {
            if ((rows.Count & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var accountId = UniqueId(csv, id, plan.Name("account_id"), firstLine);
            var ownerText = csv.Text(owner);
            var account = new Account
            {
                AccountId = accountId ?? "",
                Name = csv.RequiredText(name, plan.Name("name")) ?? "",
                Industry = csv.RequiredText(industry, plan.Name("industry")) ?? "",
                Employees = csv.WholeNumber(employees, plan.Name("employees"), required: true) ?? 0,
                AnnualRevenue = csv.Money(revenue, plan.Name("annual_revenue")),
                Country = crm && csv.Text(country) is { } c ? CrmValues.NormaliseCountry(c) : csv.Text(country),
                Region = csv.Text(region),
                City = csv.Text(city),
                PostalCode = csv.Text(postal),
                Location = Location(csv, lat, plan.Name("latitude"), lon, plan.Name("longitude")),
                TechStack = csv.List(tech),
                GrowthRate = csv.Number(growth, plan.Name("growth_rate"), -1, MaxGrowthRate, hint: "a fraction: 0.15 = 15%"),
                FundingStage = csv.Text(funding),
                IntentScore = csv.Number(intent, plan.Name("intent_score"), 0, 100),
                IsCustomer = customer >= 0 ? csv.Boolean(customer, plan.Name("is_customer"))
                    : type >= 0 && csv.Text(type) is { } t ? CrmValues.IsCustomerType(t)
                    : lifecycle >= 0 && csv.Text(lifecycle) is { } l && CrmValues.IsCustomerLifecycle(l),
                CurrentArr = csv.Money(arr, plan.Name("current_arr")) ?? 0,
                CurrentTier = csv.Choice(tier, plan.Name("current_tier"), Tiers),
                OwnerId = ownerText is null ? null : Owner(csv, ownerText, plan.Name("owner_id"), owners),
                NamedAccount = csv.Boolean(named, plan.Name("named_account")),
                LastActivityDate = csv.Date(activity, plan.Name("last_activity_date")),
                RelationshipNotes = csv.Text(notes),
            };
            if (account.NamedAccount && ownerText is null)
            {
                csv.Error(plan.Name("named_account"), $"is true but {plan.Name("owner_id")} is empty (a named account is locked to its owner)");
            }

            if (!csv.RowHasErrors)
            {
                rows.Add(account);
                customers += account.IsCustomer ? 1 : 0;
                var key = CrmValues.NameKey(account.Name);
                table.Names[key] = table.Names.ContainsKey(key) ? null : account.AccountId;
            }
        }

        table.Ids.UnionWith(firstLine.Keys);
        var values = report.Section(ImportReport.Values, "Values");
        if (crm && customer < 0 && (type >= 0 || lifecycle >= 0))
        {
            var from = type >= 0 ? $"{plan.Name("account_type")} (customer when it starts with 'Customer')" : $"{plan.Name("lifecycle_stage")} (customer, evangelist)";
            values.Line($"{plan.Label}: is_customer from {from}: {N(customers)} customers, {N(rows.Count - customers)} not");
            values.Set("customers", customers);
        }

        Notes(csv, plan, values);
        return table;
    }

    private static Table<Opportunity>? ReadOpportunities(
        TablePlan plan, Table<Account>? accounts, string accountsFile, OwnerDirectory? owners, ImportErrors errors, ImportReport report, CancellationToken ct)
    {
        using var csv = CsvTable.Open(plan.Table, plan.Format.IsOurs ? ["opportunity_id", "account_id", "owner_id", "amount", "stage"] : [], errors);
        if (csv is null)
        {
            return null;
        }

        Prepare(csv, plan);
        var crm = !plan.Format.IsOurs;
        int id = plan.Column("opportunity_id"), account = plan.Column("account_id"), customer = plan.Column("customer_id"),
            owner = plan.Column("owner_id"), amount = plan.Column("amount"), wonAmount = plan.Column("won_amount"), stage = plan.Column("stage"),
            isClosed = plan.Column("is_closed"), isWon = plan.Column("is_won"), state = plan.Column("state"), created = plan.Column("created_date"),
            close = plan.Column("close_date"), closed = plan.Column("closed_date"), activity = plan.Column("last_activity_date"), notes = plan.Column("notes");

        var rows = new List<Opportunity>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        int won = 0, lost = 0, emptyAmounts = 0, several = 0, byName = 0;
        while (csv.Read())
        {
            if ((rows.Count & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var opportunityId = UniqueId(csv, id, plan.Name("opportunity_id"), firstLine) ?? "";
            string accountId, ownerId, stageText;
            double money;
            DateOnly? closeDate;
            if (!crm)
            {
                accountId = Reference(csv, account, "account_id", accounts?.Ids, accountsFile, "account_id", required: true) ?? "";
                ownerId = (csv.RequiredText(owner, "owner_id") is { } o ? Owner(csv, o, "owner_id", owners) : null) ?? "";
                money = csv.Money(amount, "amount", required: true) ?? 0;
                stageText = csv.RequiredText(stage, "stage") ?? "";
                closeDate = csv.Date(close, "close_date");
            }
            else
            {
                var (accountColumn, accountText) = csv.Text(account) is { } a ? (account, a) : (customer, csv.Text(customer));
                var accountName = plan.Name(accountColumn == account ? "account_id" : "customer_id");
                if (accountText is not null && accountText.Contains(';'))
                {
                    // HubSpot lists every associated company; the first is the deal's account here.
                    several++;
                    accountText = accountText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                }

                accountId = "";
                if (accountText is null)
                {
                    csv.Error(accountName, "is required");
                }
                else if (accounts is null || accounts.Ids.Contains(accountText))
                {
                    accountId = accountText;
                }
                else if (accounts.Names.TryGetValue(CrmValues.NameKey(accountText), out var named) && named is not null)
                {
                    accountId = named;
                    byName++;
                }
                else
                {
                    csv.Error(accountName, named is null && accounts.Names.ContainsKey(CrmValues.NameKey(accountText))
                        ? $"{ImportErrors.Quote(accountText)} is the name of several accounts in {accountsFile}; give the account id"
                        : $"{ImportErrors.Quote(accountText)} matches no account in {accountsFile} (by id or name)");
                }

                ownerId = (csv.RequiredText(owner, plan.Name("owner_id")) is { } o ? Owner(csv, o, plan.Name("owner_id"), owners) : null) ?? "";
                var outcome = Outcome(csv, plan, stage, isClosed, isWon, state);
                var label = csv.Text(stage);
                stageText = outcome switch
                {
                    DealOutcome.Won => "Closed Won",
                    DealOutcome.Lost => "Closed Lost",
                    _ => label ?? "Open",
                };
                won += outcome == DealOutcome.Won ? 1 : 0;
                lost += outcome == DealOutcome.Lost ? 1 : 0;
                var estimated = csv.Money(amount, plan.Name("amount"));
                var actual = csv.Money(wonAmount, plan.Name("won_amount"));
                money = outcome == DealOutcome.Won && actual is { } w ? w : estimated ?? 0;
                emptyAmounts += outcome == DealOutcome.Won && actual is not null || estimated is not null ? 0 : 1;
                var estimatedClose = csv.Date(close, plan.Name("close_date"));
                var actualClose = csv.Date(closed, plan.Name("closed_date"));
                closeDate = outcome != DealOutcome.Open && actualClose is not null ? actualClose : estimatedClose;
            }

            var opportunity = new Opportunity
            {
                OpportunityId = opportunityId,
                AccountId = accountId,
                OwnerId = ownerId,
                Amount = money,
                Stage = stageText,
                CreatedDate = csv.Date(created, plan.Name("created_date")),
                CloseDate = closeDate,
                LastActivityDate = csv.Date(activity, plan.Name("last_activity_date")),
                Notes = csv.Text(notes),
            };
            if (!csv.RowHasErrors)
            {
                rows.Add(opportunity);
            }
        }

        var values = report.Section(ImportReport.Values, "Values");
        if (crm)
        {
            var how = state >= 0 ? $"from {plan.Name("state")}" : isClosed >= 0 || isWon >= 0 ? "from the closed/won flags, else the stage name" : "from the stage name";
            values.Line($"{plan.Label}: {N(won)} won, {N(lost)} lost, {N(rows.Count - won - lost)} open ({how}; stored as Closed Won / Closed Lost / the open stage)");
            values.Set("won", won).Set("lost", lost);
            if (emptyAmounts > 0)
            {
                values.Line($"{plan.Label}: {N(emptyAmounts)} deals without an amount, read as 0");
            }

            if (several > 0)
            {
                values.Line($"{plan.Label}: {N(several)} deals name several companies; the first listed is taken");
            }

            if (byName > 0)
            {
                values.Line($"{plan.Label}: {N(byName)} deals name their account by name (matched to {accountsFile})");
            }
        }

        Notes(csv, plan, values);
        return new Table<Opportunity>(rows, [.. firstLine.Keys]);
    }

    /// <summary>
    /// Open, won or lost: Dynamics statecode first; else Salesforce IsClosed/IsWon (HubSpot "Is Closed Won") where given;
    /// else the stage name. A stage name that says closed while the flags say open is an error, not a guess.
    /// </summary>
    private static DealOutcome Outcome(CsvTable csv, TablePlan plan, int stage, int isClosed, int isWon, int state)
    {
        var label = csv.Text(stage);
        var byName = label is null ? (DealOutcome?)null : CrmValues.StageOutcome(label);
        if (csv.Text(state) is { } stateText)
        {
            if (CrmValues.StateOutcome(stateText) is { } fromState)
            {
                return fromState;
            }

            csv.Error(plan.Name("state"), $"{ImportErrors.Quote(stateText)} is not Open, Won or Lost (0, 1, 2)");
            return DealOutcome.Open;
        }

        if (csv.Text(isClosed) is not null || csv.Text(isWon) is not null)
        {
            var closedFlag = csv.Text(isClosed) is null ? (bool?)null : csv.Boolean(isClosed, plan.Name("is_closed"));
            var wonFlag = csv.Text(isWon) is null ? (bool?)null : csv.Boolean(isWon, plan.Name("is_won"));
            if (closedFlag == false && wonFlag != true)
            {
                if (byName is DealOutcome.Won or DealOutcome.Lost)
                {
                    csv.Error(plan.Name("stage"), $"{ImportErrors.Quote(label!)} says closed but {plan.Name("is_closed")} is false");
                }

                return DealOutcome.Open;
            }

            if (wonFlag == true)
            {
                return DealOutcome.Won;
            }

            if (closedFlag == true)
            {
                return wonFlag == false ? DealOutcome.Lost : byName == DealOutcome.Won ? DealOutcome.Won : DealOutcome.Lost;
            }
        }

        if (label is null)
        {
            csv.Error(plan.Name("stage"), "is required");
            return DealOutcome.Open;
        }

        return byName!.Value;
    }

    /// <summary>CRM users who own no account and no deal are not reps; those who manage a kept rep come in as managers.</summary>
    private static List<Rep> KeepOwners(TablePlan plan, List<Rep> reps, HashSet<string> inactive, List<Account> accounts, List<Opportunity> opportunities, ImportReport report)
    {
        var section = report.Section(ImportReport.Owners, "Owners");
        if (plan.Format.IsOurs)
        {
            return reps;
        }

        var owning = accounts.Select(a => a.OwnerId).Concat(opportunities.Select(o => o.OwnerId)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var kept = reps.Where(r => owning.Contains(r.RepId)).ToList();
        var managerIds = kept.Select(r => r.ManagerId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var managers = reps.Where(r => !owning.Contains(r.RepId) && managerIds.Contains(r.RepId)).Select(r => r with { Role = RepRole.Manager }).ToList();
        var keptIds = kept.Select(r => r.RepId).Concat(managers.Select(m => m.RepId)).ToHashSet(StringComparer.Ordinal);

        // A manager outside the kept people is dropped from the link (the link is kept when the manager is kept).
        var result = kept.Concat(managers).Select(r => r.ManagerId is { } m && !keptIds.Contains(m) ? r with { ManagerId = null } : r).ToList();
        var left = reps.Count - result.Count;
        section.Line($"{plan.Label}: {N(reps.Count)} users; {N(kept.Count)} own accounts or deals (reps), {N(managers.Count)} manage them (managers), {N(left)} own nothing and were left out");
        var inactiveOwners = kept.Where(r => inactive.Contains(r.RepId)).Select(r => r.Name).ToList();
        if (inactiveOwners.Count > 0)
        {
            section.Line($"inactive users who still own records (reassign them): {string.Join(", ", inactiveOwners.Take(10))}{(inactiveOwners.Count > 10 ? ", …" : "")}");
        }

        section.Set("users", reps.Count).Set("reps", kept.Count).Set("managers", managers.Count).Set("leftOut", left)
            .Set("inactiveOwners", new JsonArray([.. inactiveOwners.Select(n => (JsonNode?)JsonValue.Create(n))]));
        return result;
    }

    private static void Describe(FolderPlan plan, ImportReport report, int accounts, int reps, int opportunities, OwnerDirectory owners)
    {
        var files = report.Section(ImportReport.Files, "Files");
        foreach (var t in plan.Tables.Values.OrderBy(t => t.Kind))
        {
            files.Line($"{t.Label}: {ExportFormats.KindName(t.Kind)}, {t.Format.Label} (by {t.How})");
        }

        if (!plan.Tables.ContainsKey(TableKind.Opportunities))
        {
            files.Line("no opportunities table: 0 opportunities");
        }

        foreach (var (label, reason) in plan.IgnoredTables)
        {
            files.Line($"{label}: not read ({reason})");
        }

        if (plan.Mapping is not null)
        {
            files.Line($"mapping: {plan.Mapping.Label}");
        }

        files.Set("accounts", accounts).Set("reps", reps).Set("opportunities", opportunities)
            .Set("formats", new JsonObject(plan.Tables.Values.Select(t => KeyValuePair.Create(ExportFormats.KindName(t.Kind), (JsonNode?)JsonValue.Create(t.Format.Id)))));

        var columns = report.Section(ImportReport.Columns, "Columns");
        foreach (var t in plan.Tables.Values.OrderBy(t => t.Kind).Where(t => !t.Format.IsOurs || t.Ignored.Count > 0 || t.Fields.Values.Any(c => c.Source != "recognised")))
        {
            var mapped = t.Fields.Values.OrderBy(c => c.Index).Where(c => !c.Header.Equals(c.Field, StringComparison.OrdinalIgnoreCase)).Select(c => $"{c.Header} -> {c.Field}");
            columns.Line($"{t.Label}: {string.Join(", ", mapped)}{(t.Ignored.Count > 0 ? $"; ignored: {string.Join(", ", t.Ignored)}" : "")}");
        }

        columns.Set("tables", plan.ToJson()["tables"]!.DeepClone());

        var section = report.Section(ImportReport.Owners, "Owners");
        if (owners.Loose)
        {
            section.Line($"owners matched to {owners.RepsFile}: {N(owners.ById)} by id, {N(owners.ByEmail)} by email, {N(owners.ByName)} by full name");
        }

        section.Set("byId", owners.ById).Set("byEmail", owners.ByEmail).Set("byName", owners.ByName);
    }

    /// <summary>Sets a table up for its format: CRM value rules, the report footer, mapping-file rules.</summary>
    private static void Prepare(CsvTable csv, TablePlan plan)
    {
        csv.CrmValues = !plan.Format.IsOurs;
        csv.StopAtReportFooter = plan.Format.Id == "salesforce-report";
        foreach (var column in plan.Fields.Values.Where(c => c.Transform is not null))
        {
            csv.SetTransform(column.Index, column.Transform!);
        }
    }

    private static void Notes(CsvTable csv, TablePlan plan, ImportReportSection values)
    {
        if (csv.FooterSkipped)
        {
            values.Line($"{plan.Label}: the Salesforce report footer (copyright lines) was skipped");
        }

        if (csv.Currencies.Count > 0)
        {
            values.Line($"{plan.Label}: amounts written with {string.Join(", ", csv.Currencies)}; taken as the plan's currency, not converted");
        }
    }

    private static string? Owner(CsvTable csv, string value, string column, OwnerDirectory? owners)
    {
        if (owners is null)
        {
            return value; // reps could not be read: not checked (its errors are reported).
        }

        var (repId, problem) = owners.Resolve(value);
        if (problem is not null)
        {
            csv.Error(column, problem);
        }

        return repId ?? value;
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A required id, unique in its file (ids are compared exactly: CRM ids are case-sensitive).</summary>
    private static string? UniqueId(CsvTable csv, int column, string name, Dictionary<string, long> firstLine)
    {
        var id = csv.RequiredText(column, name);
        if (id is null)
        {
            return null;
        }

        if (!firstLine.TryAdd(id, csv.Line))
        {
            csv.Error(name, $"duplicate {ImportErrors.Quote(id)} (first on line {firstLine[id]})");
            return null;
        }

        return id;
    }

    /// <summary>An id that must exist in another file; not checked when that file could not be read at all.</summary>
    private static string? Reference(CsvTable csv, int column, string name, HashSet<string>? known, string targetFile, string targetColumn, bool required)
    {
        var id = required ? csv.RequiredText(column, name) : csv.Text(column);
        if (id is not null && known is not null && !known.Contains(id))
        {
            csv.Error(name, $"{ImportErrors.Quote(id)} does not match any {targetColumn} in {targetFile}");
        }

        return id;
    }

    /// <summary>A rep's home as an address, placed by geocoding when home_latitude/home_longitude are not given.</summary>
    private static Place? HomePlace(string? country, string? region, string? city, string? postalCode)
    {
        var place = new Place(country, region, city, postalCode);
        return place.IsEmpty ? null : place;
    }

    /// <summary>Latitude and longitude: both or neither, each in range.</summary>
    private static GeoPoint? Location(CsvTable csv, int latColumn, string latName, int lonColumn, string lonName)
    {
        var latText = csv.Text(latColumn);
        var lonText = csv.Text(lonColumn);
        var lat = csv.Number(latColumn, latName, -90, 90);
        var lon = csv.Number(lonColumn, lonName, -180, 180);
        if (latText is null && lonText is not null)
        {
            csv.Error(latName, $"is empty but {lonName} is given (give both or neither)");
        }
        else if (latText is not null && lonText is null)
        {
            csv.Error(lonName, $"is empty but {latName} is given (give both or neither)");
        }

        return lat is { } la && lon is { } lo ? new GeoPoint(la, lo) : null;
    }
}
