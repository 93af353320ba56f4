namespace TerritoryBot.Import;

/// <summary>What a table of a data folder holds.</summary>
internal enum TableKind
{
    Accounts,
    Reps,
    Opportunities,
}

/// <summary>
/// One field of ours and the column headers an export writes it under, in order of preference (the first header
/// present in a file is read; other present ones are listed as ignored).
/// </summary>
internal sealed record FieldColumns(string Field, IReadOnlyList<string> Headers);

/// <summary>
/// A known export layout: which CRM wrote it, what it holds, the file names that CRM gives it, how to recognise its
/// header (<see cref="Signature"/> all present and, when given, at least one of <see cref="AnyOf"/>) and which
/// column feeds which field. <see cref="CrmValues"/> says whether cells are read as CRMs write them (currency
/// symbols, thousands separators, US dates, picklist labels) or strictly as DATA.md says for our own files.
/// </summary>
internal sealed record ExportFormat(
    string Id,
    string Label,
    TableKind Kind,
    IReadOnlyList<string> FileNames,
    IReadOnlyList<string> Signature,
    IReadOnlyList<string> AnyOf,
    IReadOnlyList<FieldColumns> Fields,
    IReadOnlyList<string> RequiredFields,
    bool CrmValues)
{
    public bool IsOurs => Id == ExportFormats.Ours;

    public FieldColumns? Field(string field) => Fields.FirstOrDefault(f => f.Field == field);
}

/// <summary>
/// The catalogue of recognised exports, as data. Header names are compared case-insensitively, surrounding spaces
/// ignored. Field names are ours (DATA.md) plus a few that only CRMs have and the loader turns into ours:
/// <c>account_type</c> and <c>lifecycle_stage</c> (→ is_customer), <c>is_closed</c>, <c>is_won</c>, <c>state</c>,
/// <c>won_amount</c>, <c>closed_date</c>, <c>customer_id</c> (→ stage, amount, close_date, account_id),
/// <c>first_name</c>, <c>last_name</c>, <c>is_active</c>, <c>disabled</c> (→ reps).
/// </summary>
internal static class ExportFormats
{
    public const string Ours = "territorybot";

    /// <summary>Fields each kind of table can fill (targets a mapping file may name), with what each means.</summary>
    public static readonly IReadOnlyDictionary<TableKind, IReadOnlyDictionary<string, string>> Targets =
        new Dictionary<TableKind, IReadOnlyDictionary<string, string>>
        {
            [TableKind.Accounts] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["account_id"] = "id", ["name"] = "text", ["industry"] = "text", ["employees"] = "whole number",
                ["annual_revenue"] = "money", ["country"] = "text (country names and codes normalised)", ["region"] = "text",
                ["city"] = "text", ["postal_code"] = "text", ["latitude"] = "number", ["longitude"] = "number",
                ["tech_stack"] = "list", ["growth_rate"] = "number (fraction)", ["funding_stage"] = "text",
                ["intent_score"] = "number 0..100", ["is_customer"] = "boolean", ["current_arr"] = "money",
                ["current_tier"] = "Strategic, Enterprise, Commercial or SMB", ["owner_id"] = "owner (rep id, email or full name)",
                ["named_account"] = "boolean", ["last_activity_date"] = "date", ["relationship_notes"] = "text",
                ["account_type"] = "is_customer: true when the value starts with 'Customer'",
                ["lifecycle_stage"] = "is_customer: true for customer and evangelist",
            },
            [TableKind.Reps] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["rep_id"] = "id", ["name"] = "text", ["first_name"] = "name: first part", ["last_name"] = "name: last part",
                ["email"] = "text", ["role"] = "rep, manager or ops", ["manager_id"] = "rep id", ["seniority"] = "junior, mid or senior",
                ["quota"] = "money", ["capacity"] = "whole number", ["ramping"] = "boolean", ["home_latitude"] = "number",
                ["home_longitude"] = "number", ["region"] = "text", ["industry_strengths"] = "list", ["slack_user_id"] = "text",
                ["teams_aad_object_id"] = "text", ["home_city"] = "home base city (geocoded when no coordinates)",
                ["home_region"] = "home base state or province", ["home_postal_code"] = "home base postal code", ["home_country"] = "home base country",
                ["is_active"] = "boolean (inactive users are reported)",
                ["disabled"] = "boolean (disabled users are reported)",
            },
            [TableKind.Opportunities] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["opportunity_id"] = "id", ["account_id"] = "account (id, or name when no id matches)",
                ["customer_id"] = "account when account_id is empty", ["owner_id"] = "owner (rep id, email or full name)",
                ["amount"] = "money", ["won_amount"] = "money: the amount of a won deal", ["stage"] = "text",
                ["is_closed"] = "boolean", ["is_won"] = "boolean", ["state"] = "Open, Won or Lost (0, 1, 2)",
                ["created_date"] = "date", ["close_date"] = "date", ["closed_date"] = "date: the close date of a closed deal",
                ["last_activity_date"] = "date", ["notes"] = "text",
            },
        };

    public static readonly IReadOnlyList<ExportFormat> All =
    [
        // Our own files (DATA.md), strict values. Recognised by all their required columns (so an assignment file,
        // account_id and rep_id, lying in the folder is not taken for accounts), else by their file name.
        new(Ours, "TerritoryBot accounts.csv", TableKind.Accounts, ["accounts"], ["account_id", "name", "industry", "employees"], [],
            Same("account_id", "name", "industry", "employees", "annual_revenue", "country", "region", "city", "postal_code",
                "latitude", "longitude", "tech_stack", "growth_rate", "funding_stage", "intent_score", "is_customer", "current_arr",
                "current_tier", "owner_id", "named_account", "last_activity_date", "relationship_notes"),
            ["account_id", "name", "industry", "employees"], CrmValues: false),
        new(Ours, "TerritoryBot reps.csv", TableKind.Reps, ["reps"], ["rep_id", "name"], [],
            Same("rep_id", "name", "email", "role", "manager_id", "seniority", "quota", "capacity", "ramping", "home_latitude",
                "home_longitude", "region", "industry_strengths", "slack_user_id", "teams_aad_object_id", "home_city", "home_region",
                "home_postal_code", "home_country"),
            ["rep_id", "name"], CrmValues: false),
        new(Ours, "TerritoryBot opportunities.csv", TableKind.Opportunities, ["opportunities"], ["opportunity_id", "account_id", "owner_id", "amount", "stage"], [],
            Same("opportunity_id", "account_id", "owner_id", "amount", "stage", "created_date", "close_date", "last_activity_date", "notes"),
            ["opportunity_id", "account_id", "owner_id", "amount", "stage"], CrmValues: false),

        // Salesforce, Data Loader / API field names.
        new("salesforce", "Salesforce Account (API names)", TableKind.Accounts, ["account", "accounts"], ["Id", "Name"],
            ["Industry", "NumberOfEmployees", "AnnualRevenue", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry", "Type", "AccountNumber", "ParentId"],
            [
                F("account_id", "Id"), F("name", "Name"), F("industry", "Industry"), F("employees", "NumberOfEmployees"),
                F("annual_revenue", "AnnualRevenue"), F("country", "BillingCountry", "BillingCountryCode"),
                F("region", "BillingState", "BillingStateCode"), F("city", "BillingCity"), F("postal_code", "BillingPostalCode"),
                F("latitude", "BillingLatitude"), F("longitude", "BillingLongitude"), F("account_type", "Type"),
                F("owner_id", "OwnerId", "Owner.Email", "Owner.Name"), F("last_activity_date", "LastActivityDate"),
            ],
            ["account_id", "name", "industry", "employees"], CrmValues: true),
        new("salesforce", "Salesforce Opportunity (API names)", TableKind.Opportunities, ["opportunity", "opportunities"], ["Id", "AccountId", "StageName"], [],
            [
                F("opportunity_id", "Id"), F("account_id", "AccountId"), F("owner_id", "OwnerId", "Owner.Email", "Owner.Name"),
                F("amount", "Amount"), F("stage", "StageName"), F("close_date", "CloseDate"), F("created_date", "CreatedDate"),
                F("is_closed", "IsClosed"), F("is_won", "IsWon"), F("last_activity_date", "LastActivityDate"), F("notes", "Description"),
            ],
            ["opportunity_id", "account_id", "owner_id", "stage"], CrmValues: true),
        new("salesforce", "Salesforce User (API names)", TableKind.Reps, ["user", "users"], ["Id"],
            ["Username", "UserRoleId", "ProfileId", "IsActive", "FederationIdentifier"],
            [
                F("rep_id", "Id"), F("name", "Name"), F("first_name", "FirstName"), F("last_name", "LastName"), F("email", "Email"),
                F("manager_id", "ManagerId"), F("is_active", "IsActive"),
            ],
            ["rep_id"], CrmValues: true),

        // Salesforce report exports (column labels).
        new("salesforce-report", "Salesforce report export (accounts)", TableKind.Accounts, ["account", "accounts", "report"], ["Account Name"],
            ["Account ID", "Account Owner", "Billing State/Province", "Billing City", "Billing Country", "Employees", "Type"],
            [
                F("account_id", "Account ID", "Account ID (18 digit)"), F("name", "Account Name"), F("industry", "Industry"),
                F("employees", "Employees"), F("annual_revenue", "Annual Revenue"), F("country", "Billing Country"),
                F("region", "Billing State/Province", "Billing State/Province (text only)", "Billing State"), F("city", "Billing City"),
                F("postal_code", "Billing Zip/Postal Code", "Billing Postal Code"), F("latitude", "Billing Latitude"),
                F("longitude", "Billing Longitude"), F("account_type", "Type", "Account Type"), F("owner_id", "Account Owner"),
                F("last_activity_date", "Last Activity", "Last Activity Date"),
            ],
            ["account_id", "name", "industry", "employees"], CrmValues: true),
        new("salesforce-report", "Salesforce report export (opportunities)", TableKind.Opportunities, ["opportunity", "opportunities", "report"],
            ["Opportunity Name"], ["Opportunity ID", "Stage", "Opportunity Owner", "Close Date"],
            [
                F("opportunity_id", "Opportunity ID", "Opportunity ID (18 digit)"), F("account_id", "Account ID", "Account Name"),
                F("owner_id", "Opportunity Owner"), F("amount", "Amount"), F("stage", "Stage"), F("close_date", "Close Date"),
                F("created_date", "Created Date"), F("is_closed", "Closed"), F("is_won", "Won"),
                F("last_activity_date", "Last Activity", "Last Activity Date"), F("notes", "Description"),
            ],
            ["opportunity_id", "account_id", "owner_id", "stage"], CrmValues: true),
        new("salesforce-report", "Salesforce report export (users)", TableKind.Reps, ["user", "users", "report"], ["Full Name"],
            ["User ID", "Email", "Username", "Active"],
            [
                F("rep_id", "User ID", "User ID (18 digit)"), F("name", "Full Name"), F("first_name", "First Name"),
                F("last_name", "Last Name"), F("email", "Email"), F("is_active", "Active"),
            ],
            ["rep_id"], CrmValues: true),

        // HubSpot exports (property labels as the export writes them).
        new("hubspot", "HubSpot companies export", TableKind.Accounts, ["companies", "company", "accounts"], ["Record ID", "Company name"], [],
            [
                F("account_id", "Record ID"), F("name", "Company name"), F("industry", "Industry"), F("employees", "Number of Employees"),
                F("annual_revenue", "Annual Revenue"), F("country", "Country/Region", "Country"), F("region", "State/Region"),
                F("city", "City"), F("postal_code", "Postal Code"), F("lifecycle_stage", "Lifecycle Stage"),
                F("account_type", "Type"), F("owner_id", "Company owner", "HubSpot Owner"),
                F("last_activity_date", "Last Activity Date"), F("relationship_notes", "Description"),
            ],
            ["account_id", "name", "industry", "employees"], CrmValues: true),
        new("hubspot", "HubSpot deals export", TableKind.Opportunities, ["deals", "deal", "opportunities"], ["Record ID", "Deal Name"], [],
            [
                F("opportunity_id", "Record ID"),
                F("account_id", "Associated Company IDs (Primary)", "Associated Company IDs", "Associated Company ID", "Associated Company (Primary)", "Associated Company"),
                F("owner_id", "Deal owner", "HubSpot Owner"), F("amount", "Amount"), F("stage", "Deal Stage"), F("close_date", "Close Date"),
                F("created_date", "Create Date"), F("is_won", "Is Closed Won"), F("is_closed", "Is Deal Closed?", "Is closed"),
                F("last_activity_date", "Last Activity Date"), F("notes", "Deal Description"),
            ],
            ["opportunity_id", "account_id", "owner_id", "stage"], CrmValues: true),
        new("hubspot", "HubSpot owners / users export", TableKind.Reps, ["owners", "users", "user"], ["Email"], ["First Name", "firstName"],
            [
                F("rep_id", "Owner ID", "id"), F("first_name", "First Name", "firstName"), F("last_name", "Last Name", "lastName"),
                F("email", "Email"),
            ],
            ["email"], CrmValues: true),

        // Microsoft Dynamics 365 / Dataverse: logical names (API, Dataverse export) ...
        new("dynamics", "Dynamics 365 account (logical names)", TableKind.Accounts, ["account", "accounts"], ["accountid"], [],
            [
                F("account_id", "accountid"), F("name", "name"), F("industry", "industrycode"), F("employees", "numberofemployees"),
                F("annual_revenue", "revenue"), F("country", "address1_country"), F("region", "address1_stateorprovince"),
                F("city", "address1_city"), F("postal_code", "address1_postalcode"), F("latitude", "address1_latitude"),
                F("longitude", "address1_longitude"), F("account_type", "customertypecode"), F("owner_id", "ownerid", "owneridname"),
            ],
            ["account_id", "name", "industry", "employees"], CrmValues: true),
        new("dynamics", "Dynamics 365 opportunity (logical names)", TableKind.Opportunities, ["opportunity", "opportunities"], ["opportunityid"], [],
            [
                F("opportunity_id", "opportunityid"), F("account_id", "parentaccountid"), F("customer_id", "customerid"),
                F("owner_id", "ownerid", "owneridname"), F("amount", "estimatedvalue"), F("won_amount", "actualvalue"),
                F("stage", "stepname", "salesstage", "salesstagecode"), F("state", "statecode"),
                F("close_date", "estimatedclosedate"), F("closed_date", "actualclosedate"), F("created_date", "createdon"),
                F("notes", "description"),
            ],
            ["opportunity_id", "owner_id", "state"], CrmValues: true),
        new("dynamics", "Dynamics 365 systemuser (logical names)", TableKind.Reps, ["systemuser", "systemusers", "users", "user"], ["systemuserid"], [],
            [
                F("rep_id", "systemuserid"), F("name", "fullname"), F("first_name", "firstname"), F("last_name", "lastname"),
                F("email", "internalemailaddress", "domainname"), F("manager_id", "parentsystemuserid"), F("disabled", "isdisabled"),
            ],
            ["rep_id"], CrmValues: true),

        // ... and "Export to Excel" display names (the hidden "(Do Not Modify)" id column first).
        new("dynamics-excel", "Dynamics 365 Export to Excel (accounts)", TableKind.Accounts, ["account", "accounts", "active accounts", "my active accounts"],
            ["(Do Not Modify) Account"], [],
            [
                F("account_id", "(Do Not Modify) Account"), F("name", "Account Name"), F("industry", "Industry"),
                F("employees", "Number of Employees"), F("annual_revenue", "Annual Revenue"), F("country", "Address 1: Country/Region", "Address 1: Country"),
                F("region", "Address 1: State/Province"), F("city", "Address 1: City"), F("postal_code", "Address 1: ZIP/Postal Code"),
                F("latitude", "Address 1: Latitude"), F("longitude", "Address 1: Longitude"), F("account_type", "Relationship Type"),
                F("owner_id", "Owner"),
            ],
            ["account_id", "name", "industry", "employees"], CrmValues: true),
        new("dynamics-excel", "Dynamics 365 Export to Excel (opportunities)", TableKind.Opportunities, ["opportunity", "opportunities", "open opportunities", "my open opportunities"],
            ["(Do Not Modify) Opportunity"], [],
            [
                F("opportunity_id", "(Do Not Modify) Opportunity"), F("account_id", "Account"), F("customer_id", "Potential Customer"),
                F("owner_id", "Owner"), F("amount", "Est. Revenue"), F("won_amount", "Actual Revenue"),
                F("stage", "Pipeline Phase", "Sales Stage"), F("state", "Status"), F("close_date", "Est. Close Date"),
                F("closed_date", "Actual Close Date"), F("created_date", "Created On"), F("notes", "Description"),
            ],
            ["opportunity_id", "owner_id", "state"], CrmValues: true),
    ];

    /// <summary>Format ids a mapping file may name.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(f => f.Id).Distinct().ToList();

    public static ExportFormat? Find(string id, TableKind kind) =>
        All.FirstOrDefault(f => f.Kind == kind && f.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    public static string KindName(TableKind kind) => kind switch
    {
        TableKind.Accounts => "accounts",
        TableKind.Reps => "reps",
        _ => "opportunities",
    };

    /// <summary>Our file name for a kind (what error messages name when the kind is missing).</summary>
    public static string OurFile(TableKind kind) => KindName(kind) + ".csv";

    private static FieldColumns F(string field, params string[] headers) => new(field, headers);

    private static FieldColumns[] Same(params string[] fields) => [.. fields.Select(f => new FieldColumns(f, [f]))];
}
