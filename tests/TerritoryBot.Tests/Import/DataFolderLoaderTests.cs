using TerritoryBot.Core.Model;
using TerritoryBot.Import;

namespace TerritoryBot.Tests.Import;

public sealed class DataFolderLoaderTests
{
    [Fact]
    public void Load_ValidFolder_ReadsEveryColumn()
    {
        using var folder = new TestFolder();
        folder.WriteText("icp.json", """{"product":"Widgets","averageAcv":50000,"targetIndustries":{"Software":1},"employeeRange":{"min":100,"max":5000},"techAffinity":{"Snowflake":0.8},"competitors":["Rival"]}""");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var data = result.Data!;
        Assert.Equal(["A1", "A2", "A3"], data.Accounts.Select(a => a.AccountId));
        var a1 = data.Accounts[0];
        Assert.Equal("Acme Analytics", a1.Name);
        Assert.Equal("Software", a1.Industry);
        Assert.Equal(1200, a1.Employees);
        Assert.Equal(250_000_000, a1.AnnualRevenue);
        Assert.Equal(("US", "NY", "New York", "10001"), (a1.Country, a1.Region, a1.City, a1.PostalCode));
        Assert.Equal(new GeoPoint(40.75, -73.99), a1.Location);
        Assert.Equal(["Snowflake", "Salesforce"], a1.TechStack);
        Assert.Equal(0.15, a1.GrowthRate);
        Assert.Equal("Series C", a1.FundingStage);
        Assert.Equal(72, a1.IntentScore);
        Assert.True(a1.IsCustomer);
        Assert.Equal(120_000, a1.CurrentArr);
        Assert.Equal(Tier.Enterprise, a1.CurrentTier);
        Assert.Equal("R1", a1.OwnerId);
        Assert.True(a1.NamedAccount);
        Assert.Equal(new DateOnly(2024, 5, 1), a1.LastActivityDate);
        Assert.Equal("Champion is the CFO", a1.RelationshipNotes);

        var a3 = data.Accounts[2];
        Assert.Null(a3.Location);
        Assert.Null(a3.OwnerId);
        Assert.Null(a3.CurrentTier);
        Assert.Empty(a3.TechStack);
        Assert.False(a3.IsCustomer);
        Assert.Equal(0, a3.CurrentArr);
        Assert.Equal(-0.05, a3.GrowthRate);

        var r1 = data.Reps.Single(r => r.RepId == "R1");
        Assert.Equal(("Ravi Rep", "ravi@example.com", RepRole.Rep, "M1", Seniority.Senior), (r1.Name, r1.Email, r1.Role, r1.ManagerId, r1.Seniority));
        Assert.Equal((900_000d, 120, false), (r1.Quota!.Value, r1.Capacity!.Value, r1.Ramping));
        Assert.Equal(new GeoPoint(40.71, -74.01), r1.Home);
        Assert.Equal(["Software", "Retail"], r1.IndustryStrengths);
        Assert.Equal(("U0R1", "aad-r1", "East"), (r1.SlackUserId, r1.TeamsAadObjectId, r1.Region));
        Assert.Equal(RepRole.Manager, data.Reps.Single(r => r.RepId == "M1").Role);
        Assert.True(data.Reps.Single(r => r.RepId == "R2").Ramping);

        var o1 = data.Opportunities[0];
        Assert.Equal(("O1", "A1", "R1", 60_000d, "Closed Won"), (o1.OpportunityId, o1.AccountId, o1.OwnerId, o1.Amount, o1.Stage));
        Assert.Equal((new DateOnly(2024, 1, 10), new DateOnly(2024, 3, 31)), (o1.CreatedDate!.Value, o1.CloseDate!.Value));
        Assert.True(o1.IsWon);

        Assert.True(result.HasIcp);
        Assert.Equal("Widgets", data.Icp.Product);
        Assert.Equal(50_000, data.Icp.AverageAcv);
        Assert.Equal(1, data.Icp.TargetIndustries["software"]);
        Assert.Equal(new EmployeeRange(100, 5000), data.Icp.EmployeeRange);
        Assert.Equal(0.8, data.Icp.TechAffinity["SNOWFLAKE"]);
        Assert.Equal(["Rival"], data.Icp.Competitors);
    }

    [Fact]
    public void Load_NoIcpJson_UsesDefaultProfile()
    {
        using var folder = new TestFolder();
        var result = DataFolderLoader.Load(folder.Path);
        Assert.True(result.Succeeded);
        Assert.False(result.HasIcp);
        Assert.Same(IcpProfile.Default, result.Data!.Icp);
    }

    // Every rule of DATA.md: one bad cell in an otherwise valid folder gives exactly this error line.
    [Theory]
    [InlineData("accounts.csv", 2, "account_id", "", "accounts.csv:4: account_id: is required")]
    [InlineData("accounts.csv", 0, "name", "", "accounts.csv:2: name: is required")]
    [InlineData("accounts.csv", 1, "industry", "  ", "accounts.csv:3: industry: is required")]
    [InlineData("accounts.csv", 0, "employees", "lots", "accounts.csv:2: employees: 'lots' is not a whole number")]
    [InlineData("accounts.csv", 0, "employees", "12.5", "accounts.csv:2: employees: '12.5' is not a whole number")]
    [InlineData("accounts.csv", 0, "employees", "99999999999", "accounts.csv:2: employees: '99999999999' is not a whole number")]
    [InlineData("accounts.csv", 0, "employees", "-1", "accounts.csv:2: employees: '-1' must be 0 or more")]
    [InlineData("accounts.csv", 2, "employees", "", "accounts.csv:4: employees: is required")]
    [InlineData("accounts.csv", 0, "annual_revenue", "-5", "accounts.csv:2: annual_revenue: '-5' must be 0 or more")]
    [InlineData("accounts.csv", 0, "annual_revenue", "1,000", "accounts.csv:2: annual_revenue: '1,000' is not a number")]
    [InlineData("accounts.csv", 0, "annual_revenue", "NaN", "accounts.csv:2: annual_revenue: 'NaN' is not a number")]
    [InlineData("accounts.csv", 0, "annual_revenue", "Infinity", "accounts.csv:2: annual_revenue: 'Infinity' is not a number")]
    [InlineData("accounts.csv", 0, "latitude", "90.5", "accounts.csv:2: latitude: '90.5' is outside -90..90")]
    [InlineData("accounts.csv", 0, "longitude", "-180.01", "accounts.csv:2: longitude: '-180.01' is outside -180..180")]
    [InlineData("accounts.csv", 0, "latitude", "north", "accounts.csv:2: latitude: 'north' is not a number")]
    [InlineData("accounts.csv", 0, "latitude", "", "accounts.csv:2: latitude: is empty but longitude is given (give both or neither)")]
    [InlineData("accounts.csv", 0, "longitude", "", "accounts.csv:2: longitude: is empty but latitude is given (give both or neither)")]
    [InlineData("accounts.csv", 0, "growth_rate", "15", "accounts.csv:2: growth_rate: '15' is outside -1..10 (a fraction: 0.15 = 15%)")]
    [InlineData("accounts.csv", 0, "growth_rate", "-1.5", "accounts.csv:2: growth_rate: '-1.5' is outside -1..10 (a fraction: 0.15 = 15%)")]
    [InlineData("accounts.csv", 0, "growth_rate", "15%", "accounts.csv:2: growth_rate: '15%' is not a number")]
    [InlineData("accounts.csv", 0, "intent_score", "101", "accounts.csv:2: intent_score: '101' is outside 0..100")]
    [InlineData("accounts.csv", 0, "intent_score", "-0.1", "accounts.csv:2: intent_score: '-0.1' is outside 0..100")]
    [InlineData("accounts.csv", 0, "is_customer", "maybe", "accounts.csv:2: is_customer: 'maybe' is not a boolean (true/false, yes/no, 1/0)")]
    [InlineData("accounts.csv", 0, "is_customer", "y", "accounts.csv:2: is_customer: 'y' is not a boolean (true/false, yes/no, 1/0)")]
    [InlineData("accounts.csv", 0, "current_arr", "-1", "accounts.csv:2: current_arr: '-1' must be 0 or more")]
    [InlineData("accounts.csv", 0, "current_tier", "Gold", "accounts.csv:2: current_tier: 'Gold' is not one of Strategic, Enterprise, Commercial, SMB")]
    [InlineData("accounts.csv", 0, "current_tier", "1", "accounts.csv:2: current_tier: '1' is not one of Strategic, Enterprise, Commercial, SMB")]
    [InlineData("accounts.csv", 0, "owner_id", "R9", "accounts.csv:2: owner_id: 'R9' does not match any rep_id in reps.csv")]
    [InlineData("accounts.csv", 0, "owner_id", "r1", "accounts.csv:2: owner_id: 'r1' does not match any rep_id in reps.csv")]
    [InlineData("accounts.csv", 0, "named_account", "perhaps", "accounts.csv:2: named_account: 'perhaps' is not a boolean (true/false, yes/no, 1/0)")]
    [InlineData("accounts.csv", 2, "named_account", "yes", "accounts.csv:4: named_account: is true but owner_id is empty (a named account is locked to its owner)")]
    [InlineData("accounts.csv", 0, "last_activity_date", "05/01/2024", "accounts.csv:2: last_activity_date: '05/01/2024' is not an ISO 8601 date (yyyy-mm-dd)")]
    [InlineData("accounts.csv", 0, "last_activity_date", "2024-02-30", "accounts.csv:2: last_activity_date: '2024-02-30' is not an ISO 8601 date (yyyy-mm-dd)")]
    [InlineData("reps.csv", 1, "name", "", "reps.csv:3: name: is required")]
    [InlineData("reps.csv", 1, "role", "boss", "reps.csv:3: role: 'boss' is not one of rep, manager, ops")]
    [InlineData("reps.csv", 1, "seniority", "guru", "reps.csv:3: seniority: 'guru' is not one of junior, mid, senior")]
    [InlineData("reps.csv", 1, "manager_id", "M9", "reps.csv:3: manager_id: 'M9' does not match any rep_id in reps.csv")]
    [InlineData("reps.csv", 1, "manager_id", "R1", "reps.csv:3: manager_id: 'R1' is the rep itself")]
    [InlineData("reps.csv", 1, "quota", "-10", "reps.csv:3: quota: '-10' must be 0 or more")]
    [InlineData("reps.csv", 1, "quota", "lots", "reps.csv:3: quota: 'lots' is not a number")]
    [InlineData("reps.csv", 1, "capacity", "many", "reps.csv:3: capacity: 'many' is not a whole number")]
    [InlineData("reps.csv", 1, "capacity", "-2", "reps.csv:3: capacity: '-2' must be 0 or more")]
    [InlineData("reps.csv", 1, "ramping", "sometimes", "reps.csv:3: ramping: 'sometimes' is not a boolean (true/false, yes/no, 1/0)")]
    [InlineData("reps.csv", 1, "home_latitude", "-91", "reps.csv:3: home_latitude: '-91' is outside -90..90")]
    [InlineData("reps.csv", 1, "home_longitude", "181", "reps.csv:3: home_longitude: '181' is outside -180..180")]
    [InlineData("reps.csv", 1, "home_longitude", "", "reps.csv:3: home_longitude: is empty but home_latitude is given (give both or neither)")]
    [InlineData("reps.csv", 0, "home_latitude", "10", "reps.csv:2: home_longitude: is empty but home_latitude is given (give both or neither)")]
    [InlineData("opportunities.csv", 0, "opportunity_id", "", "opportunities.csv:2: opportunity_id: is required")]
    [InlineData("opportunities.csv", 0, "account_id", "", "opportunities.csv:2: account_id: is required")]
    [InlineData("opportunities.csv", 0, "account_id", "A9", "opportunities.csv:2: account_id: 'A9' does not match any account_id in accounts.csv")]
    [InlineData("opportunities.csv", 1, "owner_id", "", "opportunities.csv:3: owner_id: is required")]
    [InlineData("opportunities.csv", 1, "owner_id", "R9", "opportunities.csv:3: owner_id: 'R9' does not match any rep_id in reps.csv")]
    [InlineData("opportunities.csv", 1, "amount", "", "opportunities.csv:3: amount: is required")]
    [InlineData("opportunities.csv", 1, "amount", "-1", "opportunities.csv:3: amount: '-1' must be 0 or more")]
    [InlineData("opportunities.csv", 1, "amount", "$80k", "opportunities.csv:3: amount: '$80k' is not a number")]
    [InlineData("opportunities.csv", 1, "stage", "", "opportunities.csv:3: stage: is required")]
    [InlineData("opportunities.csv", 0, "created_date", "Jan 10", "opportunities.csv:2: created_date: 'Jan 10' is not an ISO 8601 date (yyyy-mm-dd)")]
    [InlineData("opportunities.csv", 0, "close_date", "2024-3-31", "opportunities.csv:2: close_date: '2024-3-31' is not an ISO 8601 date (yyyy-mm-dd)")]
    [InlineData("opportunities.csv", 0, "last_activity_date", "yesterday", "opportunities.csv:2: last_activity_date: 'yesterday' is not an ISO 8601 date (yyyy-mm-dd)")]
    public void Load_OneBadCell_ReportsExactlyThatError(string file, int row, string column, string value, string expected)
    {
        using var folder = new TestFolder();
        folder.Set(file, row, column, value);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.False(result.Succeeded);
        Assert.Equal([expected], result.Errors);
        Assert.Equal(1, result.ErrorCount);
    }

    // Accepted spellings of DATA.md's types: booleans, enumerations and dates in their allowed forms.
    [Theory]
    [InlineData("accounts.csv", "is_customer", "TRUE")]
    [InlineData("accounts.csv", "is_customer", "Yes")]
    [InlineData("accounts.csv", "is_customer", "1")]
    [InlineData("accounts.csv", "named_account", "true")]
    [InlineData("accounts.csv", "current_tier", "smb")]
    [InlineData("accounts.csv", "current_tier", "STRATEGIC")]
    [InlineData("accounts.csv", "last_activity_date", "2024-05-01T09:30:00Z")]
    [InlineData("accounts.csv", "last_activity_date", "2024-05-01T09:30:00.123+02:00")]
    [InlineData("accounts.csv", "employees", " 1200 ")]
    [InlineData("accounts.csv", "annual_revenue", "2.5e8")]
    [InlineData("reps.csv", "role", "REP")]
    [InlineData("reps.csv", "seniority", "Senior")]
    public void Load_AllowedSpelling_IsAccepted(string file, string column, string value)
    {
        using var folder = new TestFolder();
        folder.Set(file, file == "reps.csv" ? 1 : 0, column, value);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData("yes", true)]
    [InlineData("True", true)]
    public void Load_Boolean_ParsesValue(string value, bool expected)
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "is_customer", value);
        Assert.Equal(expected, DataFolderLoader.Load(folder.Path).Data!.Accounts[0].IsCustomer);
    }

    [Fact]
    public void Load_MissingRepId_ReportsItAndEveryReferenceToTheRep()
    {
        using var folder = new TestFolder();
        folder.Set("reps.csv", 1, "rep_id", "");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(
        [
            "accounts.csv:2: owner_id: 'R1' does not match any rep_id in reps.csv",
            "reps.csv:3: rep_id: is required",
            "opportunities.csv:2: owner_id: 'R1' does not match any rep_id in reps.csv",
        ], result.Errors);
    }

    [Fact]
    public void Load_DuplicateIds_ReportsSecondOccurrenceWithFirstLine()
    {
        using var folder = new TestFolder();
        folder.AddRow("accounts.csv", "A2", "Again", "Software", "10");
        folder.AddRow("reps.csv", "R1", "Twin");
        folder.AddRow("opportunities.csv", "O1", "A1", "R1", "5", "Discovery");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(
        [
            "accounts.csv:5: account_id: duplicate 'A2' (first on line 3)",
            "reps.csv:5: rep_id: duplicate 'R1' (first on line 3)",
            "opportunities.csv:4: opportunity_id: duplicate 'O1' (first on line 2)",
        ], result.Errors);
    }

    [Fact]
    public void Load_ManyBadRows_ListsFirstHundredThenCount()
    {
        using var folder = new TestFolder();
        for (var i = 0; i < 149; i++)
        {
            folder.AddRow("accounts.csv", $"X{i}", "Bad", "Software", "lots");
        }

        folder.Set("reps.csv", 1, "quota", "-1");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(150, result.ErrorCount);
        Assert.Equal(101, result.Errors.Count);
        Assert.Equal("accounts.csv:5: employees: 'lots' is not a whole number", result.Errors[0]);
        Assert.Equal("accounts.csv:104: employees: 'lots' is not a whole number", result.Errors[99]);
        Assert.Equal("… and 50 more errors", result.Errors[100]);
    }

    [Fact]
    public void Load_ErrorsInSeveralFiles_ListedInFileThenLineOrder()
    {
        using var folder = new TestFolder();
        folder.Set("opportunities.csv", 1, "amount", "x");
        folder.Set("reps.csv", 2, "quota", "x");
        folder.Set("accounts.csv", 2, "employees", "x");
        folder.Set("accounts.csv", 0, "employees", "y");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(
        [
            "accounts.csv:2: employees: 'y' is not a whole number",
            "accounts.csv:4: employees: 'x' is not a whole number",
            "reps.csv:4: quota: 'x' is not a number",
            "opportunities.csv:3: amount: 'x' is not a number",
        ], result.Errors);
    }

    [Fact]
    public void Load_QuotedMultiLineRecord_ReportsItsStartingLine()
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "relationship_notes", "line one\nline two\r\nline three");
        folder.Set("accounts.csv", 1, "employees", "bad");

        var result = DataFolderLoader.Load(folder.Path);

        // A1 occupies lines 2-4, so A2 starts on line 5.
        Assert.Equal(["accounts.csv:5: employees: 'bad' is not a whole number"], result.Errors);
    }

    [Fact]
    public void Load_Rfc4180Quoting_KeepsCommasQuotesAndLineBreaks()
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "name", "Acme, \"The\" Company");
        folder.Set("accounts.csv", 0, "relationship_notes", "met at\nthe summit");

        var account = DataFolderLoader.Load(folder.Path).Data!.Accounts[0];

        Assert.Equal("Acme, \"The\" Company", account.Name);
        Assert.Equal("met at\nthe summit", account.RelationshipNotes);
    }

    [Fact]
    public void Load_HeaderCaseAndBomAndExtraColumns_AreAccepted()
    {
        using var folder = new TestFolder();
        folder.WriteBytes("reps.csv", [0xEF, 0xBB, 0xBF, .. "REP_ID, Name ,Role,Favourite_Colour\nR1,Ravi,rep,blue\nR2,Rosa,Rep,red\n"u8]);
        folder.WriteText("accounts.csv", "Account_Id,NAME,Industry,Employees,Owner_ID\nA1,Acme,Software,10,R1\nA2,Beta,Retail,20,R2\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["R1", "R2"], result.Data!.Reps.Select(r => r.RepId));
        Assert.Equal("R1", result.Data.Accounts[0].OwnerId);
    }

    [Fact]
    public void Load_MissingRequiredColumns_ReportedOnceNotPerRow()
    {
        using var folder = new TestFolder();
        folder.RemoveColumn("accounts.csv", "employees").RemoveColumn("accounts.csv", "industry");

        var result = DataFolderLoader.Load(folder.Path);

        // Opportunities still refer to A1/A2, but accounts.csv could not be read, so they are not checked against it.
        Assert.Equal(["accounts.csv:1: missing required columns: industry, employees"], result.Errors);
    }

    [Fact]
    public void Load_QuotedBlankRequiredValue_IsRequiredError()
    {
        using var folder = new TestFolder();
        folder.WriteText("reps.csv", "rep_id,name\nR1,\"   \"\nR2,Rosa\nM1,Maria\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["reps.csv:2: name: is required"], result.Errors);
    }

    [Fact]
    public void Load_DuplicateColumn_IsAnError()
    {
        using var folder = new TestFolder();
        folder.WriteText("reps.csv", "rep_id,name,Name\nR1,a,b\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Contains("reps.csv:1: column 'Name' appears twice (columns 2 and 3)", result.Errors);
    }

    [Theory]
    [InlineData("accounts.csv")]
    [InlineData("reps.csv")]
    [InlineData("opportunities.csv")]
    public void Load_MissingFile_IsAnError(string file)
    {
        using var folder = new TestFolder();
        File.Delete(Path.Combine(folder.Path, file));

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Contains($"{file}: not found in {folder.Path}", result.Errors);
    }

    [Fact]
    public void Load_MissingDirectory_IsAnError()
    {
        var result = DataFolderLoader.Load("/no/such/dir/tb");
        Assert.Equal(["/no/such/dir/tb: no such directory"], result.Errors);
    }

    [Fact]
    public void Load_WrongFieldCount_IsAnError()
    {
        using var folder = new TestFolder();
        folder.WriteText("opportunities.csv", "opportunity_id,account_id,owner_id,amount,stage\nO1,A1,R1,5\nO2,A1,R1,5,Won,extra\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(
        [
            "opportunities.csv:2: has 4 fields but the header has 5",
            "opportunities.csv:3: has 6 fields but the header has 5",
        ], result.Errors);
    }

    [Fact]
    public void Load_StrayQuote_IsMalformedQuoting()
    {
        using var folder = new TestFolder();
        folder.WriteText("opportunities.csv", "opportunity_id,account_id,owner_id,amount,stage\nO1,A1,R1,5,Dis\"covery\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["opportunities.csv:2: malformed quoting (a quote inside an unquoted field)"], result.Errors);
    }
}

public sealed class DemoFolderTests
{
    [Fact]
    public async Task Load_DemoDataFolder_ValidatesAndRoundTrips()
    {
        var universe = TerritoryBot.Core.Demo.DemoGenerator.Generate(new TerritoryBot.Core.Demo.DemoOptions(new DateOnly(2026, 1, 15), 300, 5, Seed: 7));
        var dir = Directory.CreateTempSubdirectory("tb-demo-").FullName;
        try
        {
            await TerritoryBot.Demo.DemoDataWriter.WriteAsync(universe.Data, dir, CancellationToken.None);

            var result = DataFolderLoader.Load(dir);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(universe.Data with { Icp = IcpProfile.Default }),
                System.Text.Json.JsonSerializer.Serialize(result.Data! with { Icp = IcpProfile.Default }));
            Assert.Equal(universe.Data.Icp.Product, result.Data.Icp.Product);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
