using TerritoryBot.Import;

namespace TerritoryBot.Tests.Import;

/// <summary>CRM exports that must end in a clear, located error and load nothing.</summary>
public sealed class CrmHostileTests
{
    [Fact]
    public void Load_UnknownOwner_IsALineErrorNamingTheValue()
    {
        using var folder = new CrmFolder("SalesforceReport");
        folder.Replace("Account.csv", "\"R3\"", "\"Pat Nobody\"");
        folder.Replace("Opportunity.csv", "\"Rosa Rossi\"", "\"rosa@elsewhere.example\"");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Null(result.Data);
        Assert.Equal(
        [
            "Account.csv:4: Account Owner: 'Pat Nobody' matches no one in reps.csv (by id, email or full name)",
            "Opportunity.csv:3: Opportunity Owner: 'rosa@elsewhere.example' matches no one in reps.csv (by id, email or full name)",
        ], result.Errors);
    }

    [Fact]
    public void Load_OwnerNameSharedByTwoReps_AsksForIdOrEmail()
    {
        using var folder = new CrmFolder("SalesforceReport");
        folder.Write("reps.csv", "rep_id,name,email\nR1,José García,jose.garcia@acme.example\nR2,Rosa Rossi,rosa.rossi@acme.example\nR3,Sam Stone,\nR4,Jose Garcia,jose.g@acme.example\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Contains("Account.csv:2: Account Owner: 'José García' is the name of several people in reps.csv; give the owner's id or email", result.Errors);
    }

    [Fact]
    public void Load_DuplicateIds_AreReportedWithTheFirstLine()
    {
        using var folder = new CrmFolder("HubSpot");
        folder.Replace("companies.csv", "9003,", "9001,");
        folder.Replace("deals.csv", "7002,", "7001,");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(
        [
            "companies.csv:4: Record ID: duplicate '9001' (first on line 2)",
            "deals.csv:3: Record ID: duplicate '7001' (first on line 2)",
            "deals.csv:4: Associated Company IDs: '9003' matches no account in companies.csv (by id or name)",
        ], result.Errors);
    }

    [Fact]
    public void Load_HeaderMatchingTwoFormats_AsksWhichFormat()
    {
        using var folder = new CrmFolder("Salesforce");
        File.Delete(folder["Account.csv"]);
        folder.Write("export.csv", "accountid,Id,Name,Industry,NumberOfEmployees,revenue\n1,1,Acme,Software,10,5\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Contains(
            "export.csv:1: the header matches Salesforce Account (API names) (salesforce) and Dynamics 365 account (logical names) (dynamics) equally; name the format in mapping.json (e.g. \"accounts\": {\"format\": \"salesforce\"})",
            result.Errors);
    }

    [Fact]
    public void Load_HeaderMatchingTwoFormats_MappingFileSettlesIt()
    {
        using var folder = new CrmFolder("Salesforce");
        File.Delete(folder["Account.csv"]);
        File.Delete(folder["Opportunity.csv"]);
        folder.Write("export.csv", "accountid,Id,Name,Industry,NumberOfEmployees,revenue\n1,0015g00000AbCdEAAV,Acme,Software,10,5\n");
        folder.Write("mapping.json", """{ "accounts": { "format": "salesforce" } }""");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("0015g00000AbCdEAAV", result.Data!.Accounts[0].AccountId);
    }

    [Theory]
    [InlineData("Account.csv", "", "Account.csv: the file is empty or unreadable; expected a header row")]
    [InlineData("Account.csv", "Foo,Bar\n1,2\n", "Account.csv:1: the header is not one of a known accounts export (Salesforce, HubSpot, Dynamics 365 or ours: accounts.csv); see docs/data-format.md, or name the format in mapping.json")]
    [InlineData("User.csv", "", "User.csv: the file is empty or unreadable; expected a header row")]
    public void Load_EmptyOrUnknownCrmFile_SaysWhatIsExpected(string file, string text, string expected)
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Write(file, text);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Contains(expected, result.Errors);
        Assert.Null(result.Data);
    }

    [Fact]
    public void Load_OtherCsvInTheFolder_IsIgnoredAndListed()
    {
        // An assignment file (account_id, rep_id) beside our files is neither accounts nor reps.
        using var folder = new TestFolder();
        folder.WriteText("move.csv", "account_id,rep_id\nA1,R1\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains("move.csv: not read (header not recognised)", result.Report.Section(ImportReport.Files, "").Lines);
    }

    [Fact]
    public void Load_TwoAccountTables_IsAnError()
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Copy("HubSpot", "companies.csv");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Contains("companies.csv: a second accounts table (Account.csv is one); keep one, or name the one to read in mapping.json (accounts.file)", result.Errors);
    }

    [Fact]
    public void Load_CrmAccountsWithoutAnyUsers_SaysWhereOwnersComeFrom()
    {
        using var folder = new CrmFolder("Salesforce");
        File.Delete(folder["User.csv"]);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal([$"reps.csv: not found in {folder.Path}; owners are matched against reps.csv or a users export (Salesforce User.csv, HubSpot owners.csv, Dynamics systemuser.csv)"], result.Errors);
    }

    [Fact]
    public void Load_CrmExportMissingRequiredColumn_NamesTheCrmColumn()
    {
        using var folder = new CrmFolder("HubSpot");
        folder.Replace("companies.csv", "Number of Employees,", "Headcount,");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["companies.csv:1: missing required column: Number of Employees (employees)"], result.Errors);
    }

    [Fact]
    public void Load_StageSaysClosedButFlagsSayOpen_IsAnError()
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Replace("Opportunity.csv", "\"Proposal/Price Quote\"", "\"Closed Won\"");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["Opportunity.csv:3: STAGENAME: 'Closed Won' says closed but ISCLOSED is false"], result.Errors);
    }

    [Theory]
    [InlineData("\"1200\"", "\"lots\"", "Account.csv:2: NUMBEROFEMPLOYEES: 'lots' is not a whole number")]
    [InlineData("\"250000000\"", "\"-5\"", "Account.csv:2: ANNUALREVENUE: '-5' must be 0 or more")]
    [InlineData("\"250000000\"", "\"a lot\"", "Account.csv:2: ANNUALREVENUE: 'a lot' is not an amount")]
    [InlineData("\"2024-05-01\"", "\"31/12/2024\"", "Account.csv:2: LASTACTIVITYDATE: '31/12/2024' is not a date (yyyy-mm-dd, with or without a time, or M/D/YYYY)")]
    [InlineData("\"40.750504\"", "\"\"", "Account.csv:2: BILLINGLATITUDE: is empty but BILLINGLONGITUDE is given (give both or neither)")]
    public void Load_BadCrmCell_IsReportedUnderTheCrmColumnName(string from, string to, string expected)
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Replace("Account.csv", from, to);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal([expected], result.Errors);
    }
}
