using TerritoryBot.Core.Model;
using TerritoryBot.Import;

namespace TerritoryBot.Tests.Import;

/// <summary>CRM exports as the CRMs write them (Import/Fixtures), read without a mapping file.</summary>
public sealed class CrmExportTests
{
    [Fact]
    public void Load_SalesforceDataLoaderExport_ReadsAccountsDealsAndUsers()
    {
        using var folder = new CrmFolder("Salesforce");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var data = result.Data!;
        Assert.Equal(["0015g00000AbCdEAAV", "0015g00000AbCdFAAV", "0015g00000AbCdGAAV", "0015g00000AbCdHAAV"], data.Accounts.Select(a => a.AccountId));
        var acme = data.Accounts[0];
        Assert.Equal(("Acme Analytics", "Technology", 1200, 250_000_000d), (acme.Name, acme.Industry, acme.Employees, acme.AnnualRevenue!.Value));
        Assert.Equal(("US", "NY", "New York", "10001"), (acme.Country, acme.Region, acme.City, acme.PostalCode));
        Assert.Equal(new GeoPoint(40.750504, -73.993439), acme.Location);
        Assert.True(acme.IsCustomer);
        Assert.Equal("0055g00000Rep01AAA", acme.OwnerId);
        Assert.Equal(new DateOnly(2024, 5, 1), acme.LastActivityDate);
        Assert.Equal(0, acme.CurrentArr); // ARR__C is a custom field: ignored without a mapping file.

        Assert.Equal(["US", "US", "CA"], data.Accounts.Skip(1).Select(a => a.Country));
        Assert.Equal([false, true, false], data.Accounts.Skip(1).Select(a => a.IsCustomer)); // Prospect, Customer - Channel, Other
        Assert.Equal(1_500_000, data.Accounts[2].AnnualRevenue);
        Assert.Null(data.Accounts[3].OwnerId);

        var deals = data.Opportunities.ToDictionary(o => o.OpportunityId);
        Assert.True(deals["0065g00000Opp01AAA"].IsWon);
        Assert.Equal(new DateOnly(2024, 1, 10), deals["0065g00000Opp01AAA"].CreatedDate);
        Assert.Equal(60_000, deals["0065g00000Opp01AAA"].Amount);
        Assert.True(deals["0065g00000Opp02AAA"].IsOpen);
        Assert.Equal("Proposal/Price Quote", deals["0065g00000Opp02AAA"].Stage);
        // A custom closed stage: IsClosed and IsWon decide, the stage name does not.
        Assert.True(deals["0065g00000Opp03AAA"].IsLost);
        Assert.Equal(0, deals["0065g00000Opp03AAA"].Amount);

        // Users who own records are reps; the manager comes in as a manager; the integration user owns nothing.
        Assert.Equal(["0055g00000Rep01AAA", "0055g00000Rep02AAA", "0055g00000Rep03AAA", "0055g00000Mgr01AAA"], data.Reps.Select(r => r.RepId));
        Assert.Equal(RepRole.Manager, data.Reps[3].Role);
        Assert.Equal(("Ravi Rao", "ravi.rao@acme.example", "0055g00000Mgr01AAA"), (data.Reps[0].Name, data.Reps[0].Email, data.Reps[0].ManagerId));

        var report = result.Report;
        Assert.Contains("Account.csv: accounts, Salesforce Account (API names) (by header)", report.Section(ImportReport.Files, "").Lines);
        Assert.Contains(report.Section(ImportReport.Owners, "").Lines, l => l.Contains("5 users; 3 own accounts or deals (reps), 1 manage them (managers), 1 own nothing", StringComparison.Ordinal));
        Assert.Contains("inactive users who still own records (reassign them): Sam Stone", report.Section(ImportReport.Owners, "").Lines);
        Assert.Contains(report.Section(ImportReport.Values, "").Lines, l => l.StartsWith("Opportunity.csv: 1 won, 1 lost, 1 open", StringComparison.Ordinal));
        Assert.Contains("Opportunity.csv: 1 deals without an amount, read as 0", report.Section(ImportReport.Values, "").Lines);
    }

    [Fact]
    public void Load_SalesforceReportExport_MatchesOwnersByNameEmailAndIdAndSkipsTheFooter()
    {
        using var folder = new CrmFolder("SalesforceReport");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var data = result.Data!;
        Assert.Equal(3, data.Accounts.Count);
        // "José García" by name, "rosa.rossi@acme.example" by email, "R3" by rep_id.
        Assert.Equal(["R1", "R2", "R3"], data.Accounts.Select(a => a.OwnerId));
        Assert.Equal([1200, 5000, 40], data.Accounts.Select(a => a.Employees));
        Assert.Equal([250_000_000d, 1.2e9, 1_500_000d], data.Accounts.Select(a => a.AnnualRevenue!.Value));
        Assert.Equal([new DateOnly(2024, 5, 1), (DateOnly?)null, new DateOnly(2023, 11, 20)], data.Accounts.Select(a => a.LastActivityDate));
        Assert.Equal([true, false, true], data.Accounts.Select(a => a.IsCustomer));

        // Deals name their account by name and their owner without accents: both resolve.
        Assert.Equal(["0015g00000AbCdEAAV", "0015g00000AbCdFAAV"], data.Opportunities.Select(o => o.AccountId));
        Assert.Equal(["R1", "R2"], data.Opportunities.Select(o => o.OwnerId));
        Assert.Equal([60_000d, 80_000d], data.Opportunities.Select(o => o.Amount));
        Assert.Equal(new DateOnly(2024, 4, 1), data.Opportunities[1].CreatedDate);
        Assert.True(data.Opportunities[0].IsWon);

        var lines = result.Report.Sections.SelectMany(s => s.Lines).ToList();
        Assert.Contains("Account.csv: the Salesforce report footer (copyright lines) was skipped", lines);
        Assert.Contains("owners matched to reps.csv: 1 by id, 1 by email, 3 by full name", lines);
        Assert.Contains("Account.csv: amounts written with $, USD; taken as the plan's currency, not converted", lines);
    }

    [Fact]
    public void Load_HubSpotExport_ReadsLifecycleStagesDealStagesAndOwnersWithoutIds()
    {
        using var folder = new CrmFolder("HubSpot");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var data = result.Data!;
        Assert.Equal(["9001", "9002", "9003"], data.Accounts.Select(a => a.AccountId));
        Assert.Equal([true, false, false], data.Accounts.Select(a => a.IsCustomer));
        Assert.Equal("Gamma Goods, Inc.", data.Accounts[2].Name);
        Assert.Null(data.Accounts[2].OwnerId); // no owner in the export: unassigned, as the CRM says
        Assert.Equal(new DateOnly(2024, 5, 1), data.Accounts[0].LastActivityDate);

        // The owners export has no id column: the email is the rep id.
        Assert.Equal(["ravi.rao@acme.example", "rosa.rossi@acme.example"], data.Reps.Select(r => r.RepId));
        Assert.Equal("Ravi Rao", data.Reps[0].Name);
        Assert.Equal("ravi.rao@acme.example", data.Accounts[0].OwnerId);

        var deals = data.Opportunities;
        Assert.Equal(["Closed Won", "Contract sent", "Closed Lost"], deals.Select(d => d.Stage));
        Assert.Equal("9002", deals[1].AccountId); // "9002;9003": the first listed company
        Assert.Equal(new DateOnly(2024, 3, 31), deals[0].CloseDate);
        Assert.Contains("deals.csv: 1 deals name several companies; the first listed is taken", result.Report.Section(ImportReport.Values, "").Lines);
    }

    [Fact]
    public void Load_DynamicsExport_ReadsStatecodeActualValuesAndCustomerFallback()
    {
        using var folder = new CrmFolder("Dynamics");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var data = result.Data!;
        Assert.Equal(["Consulting", "Financial"], data.Accounts.Select(a => a.Industry));
        Assert.Equal([true, false], data.Accounts.Select(a => a.IsCustomer));
        Assert.Equal(["US", "US"], data.Accounts.Select(a => a.Country));
        Assert.Equal(250_000_000, data.Accounts[0].AnnualRevenue);

        var deals = data.Opportunities;
        Assert.True(deals[0].IsWon);
        Assert.Equal(60_000, deals[0].Amount); // actualvalue of a won deal
        Assert.Equal(new DateOnly(2024, 3, 31), deals[0].CloseDate); // actualclosedate of a closed deal
        Assert.Equal(new DateOnly(2024, 1, 10), deals[0].CreatedDate);
        Assert.Equal(("2-Develop", 80_000d, new DateOnly(2024, 9, 30)), (deals[1].Stage, deals[1].Amount, deals[1].CloseDate!.Value));
        Assert.Equal("3a1f5c2e-1b2d-4e5f-8a9b-0c1d2e3f4a02", deals[1].AccountId); // customerid when parentaccountid is empty
        Assert.True(deals[2].IsLost);

        Assert.Equal(["Ravi Rao", "Rosa Rossi", "Maria Moreau"], data.Reps.Select(r => r.Name));
        Assert.Equal(RepRole.Manager, data.Reps[2].Role);
    }

    [Fact]
    public void Load_DynamicsExportToExcel_ReadsTheVisibleSheetWithRowNumbers()
    {
        using var folder = new CrmFolder("");
        folder.Copy("Dynamics", "systemuser.csv");
        string[] header =
        [
            "(Do Not Modify) Account", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Account Name", "Main Phone",
            "Address 1: City", "Address 1: State/Province", "Industry", "Number of Employees", "Annual Revenue", "Relationship Type", "Owner",
        ];
        CrmFolder.WriteXlsx(folder["Active Accounts.xlsx"], "Active Accounts",
        [
            header,
            ["3a1f5c2e-0001", "kq1w", "2024-05-01T09:30:00", "Acme Analytics", "555-0100", "New York", "NY", "Consulting", 1200d, 250000000d, "Customer", "Ravi Rao"],
            null,
            ["3a1f5c2e-0002", "kq1x", "2024-05-01T09:30:00", "Beta Bank", null, "Chicago", "IL", "Financial", 5000.0, null, "Prospect", "rosa.rossi@acme.example"],
        ]);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var data = result.Data!;
        Assert.Equal(["3a1f5c2e-0001", "3a1f5c2e-0002"], data.Accounts.Select(a => a.AccountId));
        Assert.Equal([1200, 5000], data.Accounts.Select(a => a.Employees));
        Assert.Equal(["9b8e7d6c-0000-4000-8000-00000000r001", "9b8e7d6c-0000-4000-8000-00000000r002"], data.Accounts.Select(a => a.OwnerId));
        Assert.Equal(250_000_000, data.Accounts[0].AnnualRevenue);
        Assert.Contains("Active Accounts.xlsx: accounts, Dynamics 365 Export to Excel (accounts) (by header)", result.Report.Section(ImportReport.Files, "").Lines);

        // Errors name the Excel row (the blank row 3 counts).
        CrmFolder.WriteXlsx(folder["Active Accounts.xlsx"], "Active Accounts",
        [
            header,
            ["3a1f5c2e-0001", "kq1w", "x", "Acme Analytics", null, "New York", "NY", "Consulting", 1200d, null, "Customer", "Ravi Rao"],
            null,
            ["3a1f5c2e-0002", "kq1x", "x", "Beta Bank", null, "Chicago", "IL", "Financial", "many", null, "Prospect", "Nobody"],
        ]);

        var bad = DataFolderLoader.Load(folder.Path);

        Assert.Equal(
        [
            "Active Accounts.xlsx:4: Number of Employees: 'many' is not a whole number",
            "Active Accounts.xlsx:4: Owner: 'Nobody' matches no one in systemuser.csv (by id, email or full name)",
        ], bad.Errors);
    }

    [Fact]
    public void Load_OurFormatAsXlsx_IsReadLikeTheCsv()
    {
        using var folder = new TestFolder();
        File.Delete(Path.Combine(folder.Path, "accounts.csv"));
        CrmFolder.WriteXlsx(Path.Combine(folder.Path, "accounts.xlsx"), "accounts",
        [
            ["account_id", "name", "industry", "employees", "owner_id"],
            ["A1", "Acme", "Software", 10d, "R1"],
            ["A2", "Beta", "Retail", 20d, "R2"],
        ]);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["A1", "A2"], result.Data!.Accounts.Select(a => a.AccountId));
    }

    [Fact]
    public void Load_CrmExportsUnderOurFileNames_AreRecognisedByHeader()
    {
        // The case: a Salesforce export saved as accounts.csv gave "missing required columns: account_id, employees".
        using var folder = new CrmFolder("Salesforce");
        File.Move(folder["Account.csv"], folder["accounts.csv"]);
        File.Move(folder["Opportunity.csv"], folder["opportunities.csv"]);
        File.Move(folder["User.csv"], folder["reps.csv"]);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(4, result.Data!.Accounts.Count);
        Assert.Equal("accounts.csv: accounts, Salesforce Account (API names) (by header)", result.Report.Section(ImportReport.Files, "").Lines[0]);
    }

    [Theory]
    [InlineData("Id,Name,Industry,NumberOfEmployees,AnnualRevenue,BillingCity,BillingState,OwnerId", "salesforce", "Accounts")]
    [InlineData("Account ID,Account Name,Billing State/Province,Account Owner", "salesforce-report", "Accounts")]
    [InlineData("Opportunity Owner,Account Name,Opportunity Name,Stage,Amount", "salesforce-report", "Opportunities")]
    [InlineData("Id,AccountId,OwnerId,Amount,StageName,CloseDate,CreatedDate,IsClosed,IsWon", "salesforce", "Opportunities")]
    [InlineData("Id,Username,FirstName,LastName,Email", "salesforce", "Reps")]
    [InlineData("Record ID,Company name,Industry,Number of Employees,Company owner", "hubspot", "Accounts")]
    [InlineData("Record ID,Deal Name,Associated Company IDs,Deal owner,Amount,Deal Stage", "hubspot", "Opportunities")]
    [InlineData("First Name,Last Name,Email,Team", "hubspot", "Reps")]
    [InlineData("accountid,name,industrycode,numberofemployees,revenue,address1_city,ownerid", "dynamics", "Accounts")]
    [InlineData("opportunityid,parentaccountid,customerid,ownerid,estimatedvalue,actualvalue,stepname,salesstage,statecode,estimatedclosedate,actualclosedate,createdon", "dynamics", "Opportunities")]
    [InlineData("systemuserid,fullname,internalemailaddress", "dynamics", "Reps")]
    [InlineData("(Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,Topic,Account,Owner,Est. Revenue,Status", "dynamics-excel", "Opportunities")]
    [InlineData("account_id,name,industry,employees", "territorybot", "Accounts")]
    public void Recognise_ExportHeaders_PickTheirFormat(string header, string format, string kind)
    {
        var recognised = FolderPlan.Recognise(header.Split(','), null, null, out var tied);

        Assert.Empty(tied);
        Assert.Equal((format, kind), (recognised!.Id, recognised.Kind.ToString()));
    }

    [Fact]
    public void Load_AllOrNothing_OneBadCellLoadsNothing()
    {
        using var folder = new CrmFolder("HubSpot");
        folder.Replace("companies.csv", "Lead,", "Lead\",");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Null(result.Data);
        Assert.Equal(["companies.csv:4: malformed quoting (a quote inside an unquoted field)"], result.Errors);
    }
}

/// <summary>The public Fortune 1000 (2024) list shaped as CRM exports (bench/datasets/fortune1000, see SOURCE.md).</summary>
public sealed class RealCompanyListTests
{
    [Theory]
    [InlineData("salesforce", "Account.csv", "salesforce-report")]
    [InlineData("hubspot", "companies.csv", "hubspot")]
    public void Load_Fortune1000Export_LoadsEveryCompanyWithItsOwner(string folder, string accountsFile, string format)
    {
        var path = Path.Combine(RepositoryRoot(), "bench", "datasets", "fortune1000", folder);

        var result = DataFolderLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var data = result.Data!;
        Assert.Equal(1000, data.Accounts.Count);
        Assert.Equal(12, data.Reps.Count);
        Assert.All(data.Accounts, a => Assert.NotNull(a.OwnerId));
        Assert.All(data.Accounts, a => Assert.Equal("US", a.Country));
        Assert.Equal(("Walmart", 2_100_000, 648_125_000_000d), (data.Accounts[0].Name, data.Accounts[0].Employees, data.Accounts[0].AnnualRevenue!.Value));
        Assert.Equal(331, data.Accounts.Count(a => a.IsCustomer));
        Assert.Contains($"{accountsFile}: accounts, ", result.Report.Section(ImportReport.Files, "").Lines[0]);
        Assert.Equal(format, result.Report.Section(ImportReport.Files, "").Data["formats"]!["accounts"]!.GetValue<string>());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TerritoryBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
