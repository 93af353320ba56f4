using System.Globalization;
using CsvHelper;
using TerritoryBot.Core.Model;
using TerritoryBot.Import;

namespace TerritoryBot.Demo;

/// <summary>
/// Writes a data set as a data folder in the DATA.md format: accounts.csv, reps.csv, opportunities.csv and icp.json.
/// Files are written to temporary names first and moved into place only when all four are complete, so a failure
/// never leaves a half-written folder behind (an older folder is replaced file by file at the very end).
/// </summary>
internal static class DemoDataWriter
{
    public const string AccountsFile = "accounts.csv";
    public const string RepsFile = "reps.csv";
    public const string OpportunitiesFile = "opportunities.csv";
    public const string IcpFile = "icp.json";

    public static readonly string[] AccountHeaders =
    [
        "account_id", "name", "industry", "employees", "annual_revenue", "country", "region", "city", "postal_code",
        "latitude", "longitude", "tech_stack", "growth_rate", "funding_stage", "intent_score", "is_customer",
        "current_arr", "current_tier", "owner_id", "named_account", "last_activity_date", "relationship_notes",
    ];

    public static readonly string[] RepHeaders =
    [
        "rep_id", "name", "email", "role", "manager_id", "seniority", "quota", "capacity", "ramping",
        "home_latitude", "home_longitude", "region", "industry_strengths", "slack_user_id", "teams_aad_object_id",
    ];

    public static readonly string[] OpportunityHeaders =
    [
        "opportunity_id", "account_id", "owner_id", "amount", "stage", "created_date", "close_date", "last_activity_date", "notes",
    ];

    // Plain decimals, never exponents: CRM tools and spreadsheets read them without surprises.
    private const string Number = "0.######";
    private const string Date = "yyyy-MM-dd";

    private static readonly CsvWriterOptions Options = new()
    {
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
        Injection = CsvInjection.None,
    };

    /// <summary>Writes the four files into <paramref name="directory"/> (created when missing); returns their full paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(DataSet data, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        string suffix = $".tmp-{Guid.NewGuid():N}";
        var files = new[] { AccountsFile, RepsFile, OpportunitiesFile, IcpFile }
            .Select(name => (Final: Path.GetFullPath(Path.Combine(directory, name)), Temp: Path.GetFullPath(Path.Combine(directory, name + suffix))))
            .ToArray();
        try
        {
            await WriteAccountsAsync(files[0].Temp, data.Accounts, ct);
            await WriteRepsAsync(files[1].Temp, data.Reps, ct);
            await WriteOpportunitiesAsync(files[2].Temp, data.Opportunities, ct);
            await File.WriteAllTextAsync(files[3].Temp, IcpJson.Serialize(data.Icp, indented: true), ct);
            foreach (var (final, temp) in files)
            {
                File.Move(temp, final, overwrite: true);
            }
        }
        finally
        {
            foreach (var (_, temp) in files)
            {
                File.Delete(temp);
            }
        }

        return [.. files.Select(f => f.Final)];
    }

    private static async Task WriteAccountsAsync(string path, IReadOnlyList<Account> accounts, CancellationToken ct)
    {
        await using var csv = CsvWriter.ToFile(path, Options);
        csv.WriteHeader(AccountHeaders);
        foreach (var a in accounts)
        {
            csv.WriteField(a.AccountId);
            csv.WriteField(a.Name);
            csv.WriteField(a.Industry);
            csv.WriteField(a.Employees, "");
            csv.WriteField(a.AnnualRevenue, Number);
            csv.WriteField(a.Country);
            csv.WriteField(a.Region);
            csv.WriteField(a.City);
            csv.WriteField(a.PostalCode);
            csv.WriteField(a.Location?.Latitude, Number);
            csv.WriteField(a.Location?.Longitude, Number);
            csv.WriteField(string.Join(';', a.TechStack));
            csv.WriteField(a.GrowthRate, Number);
            csv.WriteField(a.FundingStage);
            csv.WriteField(a.IntentScore, Number);
            csv.WriteField(a.IsCustomer);
            csv.WriteField(a.CurrentArr, Number);
            csv.WriteField(a.CurrentTier?.ToString());
            csv.WriteField(a.OwnerId);
            csv.WriteField(a.NamedAccount);
            WriteDate(csv, a.LastActivityDate);
            csv.WriteField(a.RelationshipNotes);
            await csv.EndRecordAsync(ct);
        }
    }

    private static async Task WriteRepsAsync(string path, IReadOnlyList<Rep> reps, CancellationToken ct)
    {
        await using var csv = CsvWriter.ToFile(path, Options);
        csv.WriteHeader(RepHeaders);
        foreach (var r in reps)
        {
            csv.WriteField(r.RepId);
            csv.WriteField(r.Name);
            csv.WriteField(r.Email);
            csv.WriteField(r.Role.ToString().ToLowerInvariant());
            csv.WriteField(r.ManagerId);
            csv.WriteField(r.Seniority.ToString().ToLowerInvariant());
            csv.WriteField(r.Quota, Number);
            csv.WriteField(r.Capacity, "");
            csv.WriteField(r.Ramping);
            csv.WriteField(r.Home?.Latitude, Number);
            csv.WriteField(r.Home?.Longitude, Number);
            csv.WriteField(r.Region);
            csv.WriteField(string.Join(';', r.IndustryStrengths));
            csv.WriteField(r.SlackUserId);
            csv.WriteField(r.TeamsAadObjectId);
            await csv.EndRecordAsync(ct);
        }
    }

    private static async Task WriteOpportunitiesAsync(string path, IReadOnlyList<Opportunity> opportunities, CancellationToken ct)
    {
        await using var csv = CsvWriter.ToFile(path, Options);
        csv.WriteHeader(OpportunityHeaders);
        foreach (var o in opportunities)
        {
            csv.WriteField(o.OpportunityId);
            csv.WriteField(o.AccountId);
            csv.WriteField(o.OwnerId);
            csv.WriteField(o.Amount, Number);
            csv.WriteField(o.Stage);
            WriteDate(csv, o.CreatedDate);
            WriteDate(csv, o.CloseDate);
            WriteDate(csv, o.LastActivityDate);
            csv.WriteField(o.Notes);
            await csv.EndRecordAsync(ct);
        }
    }

    private static void WriteDate(CsvWriter csv, DateOnly? date)
    {
        if (date is { } d)
        {
            csv.WriteField(d, Date);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }
}
