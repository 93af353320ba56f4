using TerritoryBot.Core.Model;
using TerritoryBot.Import.Geocoding;

namespace TerritoryBot.Import;

/// <summary>What reading a data folder gave: a validated data set, or the errors (first 100, then a count line).</summary>
internal sealed record DataFolderResult(DataSet? Data, bool HasIcp, IReadOnlyList<string> Errors, int ErrorCount)
{
    public bool Succeeded => Data is not null;

    /// <summary>How accounts and reps' homes without coordinates were placed (null when the read failed).</summary>
    public GeocodingReport? Geocoding { get; init; }
}

/// <summary>
/// Reads and validates a data folder (accounts.csv, reps.csv, opportunities.csv, optional icp.json) as DATA.md
/// describes it. Every row and every cell is checked and every problem reported; the data set is returned
/// only when there is none. Pure reading: nothing is written anywhere.
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

    public static DataFolderResult Load(string directory, CancellationToken ct = default)
    {
        var errors = new ImportErrors();
        if (!Directory.Exists(directory))
        {
            errors.AddFile(directory, "no such directory");
            return Fail(errors);
        }

        // Reps first: accounts and opportunities refer to them. Errors are listed in file order regardless.
        var reps = ReadReps(Path.Combine(directory, RepsFile), errors, ct);
        var accounts = ReadAccounts(Path.Combine(directory, AccountsFile), reps?.Ids, errors, ct);
        var opportunities = ReadOpportunities(Path.Combine(directory, OpportunitiesFile), accounts?.Ids, reps?.Ids, errors, ct);

        var icpPath = Path.Combine(directory, IcpFile);
        var hasIcp = File.Exists(icpPath);
        var icp = hasIcp ? IcpJson.Read(icpPath, errors) : IcpProfile.Default;

        if (errors.Any || reps is null || accounts is null || opportunities is null || icp is null)
        {
            return Fail(errors);
        }

        var (located, geocoding) = ImportGeocoding.Apply(
            new DataSet(accounts.Rows, reps.Rows, opportunities.Rows, icp), () => new Geocoder(Gazetteer.Shipped));
        return new DataFolderResult(located, hasIcp, [], 0) { Geocoding = geocoding };
    }

    private static DataFolderResult Fail(ImportErrors errors) => new(null, false, errors.ToLines(), errors.Count);

    private sealed record Table<T>(List<T> Rows, HashSet<string> Ids);

    private static Table<Rep>? ReadReps(string path, ImportErrors errors, CancellationToken ct)
    {
        using var csv = CsvTable.Open(path, RepsFile, ["rep_id", "name"], errors);
        if (csv is null)
        {
            return null;
        }

        int id = csv.Column("rep_id"), name = csv.Column("name"), email = csv.Column("email"), role = csv.Column("role"),
            manager = csv.Column("manager_id"), seniority = csv.Column("seniority"), quota = csv.Column("quota"),
            capacity = csv.Column("capacity"), ramping = csv.Column("ramping"), lat = csv.Column("home_latitude"),
            lon = csv.Column("home_longitude"), region = csv.Column("region"), strengths = csv.Column("industry_strengths"),
            slack = csv.Column("slack_user_id"), teams = csv.Column("teams_aad_object_id"),
            homeCity = csv.Column("home_city"), homeRegion = csv.Column("home_region"), homePostal = csv.Column("home_postal_code"),
            homeCountry = csv.Column("home_country");

        var rows = new List<Rep>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var managers = new List<(long Line, string RepId, string ManagerId)>();
        while (csv.Read())
        {
            if ((rows.Count & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var repId = UniqueId(csv, id, "rep_id", firstLine);
            var rep = new Rep
            {
                RepId = repId ?? "",
                Name = csv.RequiredText(name, "name") ?? "",
                Email = csv.Text(email),
                Role = csv.Choice(role, "role", Roles) ?? RepRole.Rep,
                ManagerId = csv.Text(manager),
                Seniority = csv.Choice(seniority, "seniority", Seniorities) ?? Seniority.Mid,
                Quota = csv.Money(quota, "quota"),
                Capacity = csv.WholeNumber(capacity, "capacity"),
                Ramping = csv.Boolean(ramping, "ramping"),
                Home = Location(csv, lat, "home_latitude", lon, "home_longitude"),
                Region = csv.Text(region),
                HomePlace = HomePlace(csv.Text(homeCountry), csv.Text(homeRegion) ?? csv.Text(region), csv.Text(homeCity), csv.Text(homePostal)),
                IndustryStrengths = csv.List(strengths),
                SlackUserId = csv.Text(slack),
                TeamsAadObjectId = csv.Text(teams),
            };
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
        foreach (var (line, repId, managerId) in managers)
        {
            if (managerId == repId)
            {
                errors.Add(RepsFile, line, "manager_id", $"{ImportErrors.Quote(managerId)} is the rep itself");
            }
            else if (!firstLine.ContainsKey(managerId))
            {
                errors.Add(RepsFile, line, "manager_id", $"{ImportErrors.Quote(managerId)} does not match any rep_id in {RepsFile}");
            }
        }

        return new Table<Rep>(rows, [.. firstLine.Keys]);
    }

    private static Table<Account>? ReadAccounts(string path, HashSet<string>? repIds, ImportErrors errors, CancellationToken ct)
    {
        using var csv = CsvTable.Open(path, AccountsFile, ["account_id", "name", "industry", "employees"], errors);
        if (csv is null)
        {
            return null;
        }

        int id = csv.Column("account_id"), name = csv.Column("name"), industry = csv.Column("industry"),
            employees = csv.Column("employees"), revenue = csv.Column("annual_revenue"), country = csv.Column("country"),
            region = csv.Column("region"), city = csv.Column("city"), postal = csv.Column("postal_code"),
            lat = csv.Column("latitude"), lon = csv.Column("longitude"), tech = csv.Column("tech_stack"),
            growth = csv.Column("growth_rate"), funding = csv.Column("funding_stage"), intent = csv.Column("intent_score"),
            customer = csv.Column("is_customer"), arr = csv.Column("current_arr"), tier = csv.Column("current_tier"),
            owner = csv.Column("owner_id"), named = csv.Column("named_account"), activity = csv.Column("last_activity_date"),
            notes = csv.Column("relationship_notes");

        var rows = new List<Account>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.Read())
        {
            if ((rows.Count & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var accountId = UniqueId(csv, id, "account_id", firstLine);
            var account = new Account
            {
                AccountId = accountId ?? "",
                Name = csv.RequiredText(name, "name") ?? "",
                Industry = csv.RequiredText(industry, "industry") ?? "",
                Employees = csv.WholeNumber(employees, "employees", required: true) ?? 0,
                AnnualRevenue = csv.Money(revenue, "annual_revenue"),
                Country = csv.Text(country),
                Region = csv.Text(region),
                City = csv.Text(city),
                PostalCode = csv.Text(postal),
                Location = Location(csv, lat, "latitude", lon, "longitude"),
                TechStack = csv.List(tech),
                GrowthRate = csv.Number(growth, "growth_rate", -1, MaxGrowthRate, hint: "a fraction: 0.15 = 15%"),
                FundingStage = csv.Text(funding),
                IntentScore = csv.Number(intent, "intent_score", 0, 100),
                IsCustomer = csv.Boolean(customer, "is_customer"),
                CurrentArr = csv.Money(arr, "current_arr") ?? 0,
                CurrentTier = csv.Choice(tier, "current_tier", Tiers),
                OwnerId = Reference(csv, owner, "owner_id", repIds, RepsFile, "rep_id", required: false),
                NamedAccount = csv.Boolean(named, "named_account"),
                LastActivityDate = csv.Date(activity, "last_activity_date"),
                RelationshipNotes = csv.Text(notes),
            };
            if (account.NamedAccount && csv.Text(owner) is null)
            {
                csv.Error("named_account", "is true but owner_id is empty (a named account is locked to its owner)");
            }

            if (!csv.RowHasErrors)
            {
                rows.Add(account);
            }
        }

        return new Table<Account>(rows, [.. firstLine.Keys]);
    }

    private static Table<Opportunity>? ReadOpportunities(
        string path, HashSet<string>? accountIds, HashSet<string>? repIds, ImportErrors errors, CancellationToken ct)
    {
        using var csv = CsvTable.Open(path, OpportunitiesFile, ["opportunity_id", "account_id", "owner_id", "amount", "stage"], errors);
        if (csv is null)
        {
            return null;
        }

        int id = csv.Column("opportunity_id"), account = csv.Column("account_id"), owner = csv.Column("owner_id"),
            amount = csv.Column("amount"), stage = csv.Column("stage"), created = csv.Column("created_date"),
            close = csv.Column("close_date"), activity = csv.Column("last_activity_date"), notes = csv.Column("notes");

        var rows = new List<Opportunity>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.Read())
        {
            if ((rows.Count & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var opportunity = new Opportunity
            {
                OpportunityId = UniqueId(csv, id, "opportunity_id", firstLine) ?? "",
                AccountId = Reference(csv, account, "account_id", accountIds, AccountsFile, "account_id", required: true) ?? "",
                OwnerId = Reference(csv, owner, "owner_id", repIds, RepsFile, "rep_id", required: true) ?? "",
                Amount = csv.Money(amount, "amount", required: true) ?? 0,
                Stage = csv.RequiredText(stage, "stage") ?? "",
                CreatedDate = csv.Date(created, "created_date"),
                CloseDate = csv.Date(close, "close_date"),
                LastActivityDate = csv.Date(activity, "last_activity_date"),
                Notes = csv.Text(notes),
            };
            if (!csv.RowHasErrors)
            {
                rows.Add(opportunity);
            }
        }

        return new Table<Opportunity>(rows, [.. firstLine.Keys]);
    }

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
