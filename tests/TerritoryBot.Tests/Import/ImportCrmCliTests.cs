using System.Text.Json;
using TerritoryBot.Data;
using TerritoryBot.Tests.Cli;
using TerritoryBot.Tests.Data;

namespace TerritoryBot.Tests.Import;

/// <summary>`import` on CRM exports through the real executable: --explain writes nothing, import reports, --json.</summary>
public sealed class ImportCrmCliTests : IDisposable
{
    private readonly CliSandbox _cli = new("tb-crm-cli-");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_Explain_PrintsTheColumnMapAndWritesNothing()
    {
        using var folder = new CrmFolder("SalesforceReport");

        var (exit, stdout, stderr) = await _cli.RunAsync("import", "--data", folder.Path, "--explain");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("Account.csv: accounts, Salesforce report export (accounts) (format 'salesforce-report', by header)", stdout);
        Assert.Matches(@"(?m)^  Account Owner +-> owner_id ", stdout);
        Assert.Contains("reps.csv: reps, TerritoryBot reps.csv (format 'territorybot', by header)", stdout);
        Assert.False(File.Exists(_cli.DbFile));

        (exit, stdout, _) = await _cli.RunAsync("import", "--data", folder.Path, "--explain", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("salesforce-report", json.RootElement.GetProperty("tables")[0].GetProperty("format").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.False(File.Exists(_cli.DbFile));
    }

    [Fact]
    public async Task Import_ExplainWithBadMapping_ExitsTwoWithTheErrors()
    {
        using var folder = new CrmFolder("HubSpot");
        folder.Write("mapping.json", """{ "accounts": { "columns": { "Website URL": "web_site" } } }""");

        var (exit, _, stderr) = await _cli.RunAsync("import", "--data", folder.Path, "--explain");

        Assert.Equal(2, exit);
        Assert.StartsWith("mapping.json: accounts.columns.Website URL: unknown target field 'web_site'", stderr);
        Assert.False(File.Exists(_cli.DbFile));
    }

    [Fact]
    public async Task Import_HubSpotExport_LoadsAndReportsAsJson()
    {
        using var folder = new CrmFolder("HubSpot");

        var (exit, stdout, stderr) = await _cli.RunAsync("import", "--data", folder.Path, "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(3, json.RootElement.GetProperty("imported").GetProperty("accounts").GetProperty("inserted").GetInt32());
        var report = json.RootElement.GetProperty("report");
        Assert.Equal("hubspot", report.GetProperty("files").GetProperty("formats").GetProperty("accounts").GetString());
        Assert.Equal(5, report.GetProperty("owners").GetProperty("byName").GetInt32());
        await using var db = TestDatabases.SqliteAt(_cli.DbFile);
        var data = await db.LoadDataSetAsync();
        Assert.Equal(["Closed Won", "Contract sent", "Closed Lost"], data.Opportunities.OrderBy(o => o.OpportunityId).Select(o => o.Stage));
    }
}
