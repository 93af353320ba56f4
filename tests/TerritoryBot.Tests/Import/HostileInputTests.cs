using System.Text;
using TerritoryBot.Import;

namespace TerritoryBot.Tests.Import;

/// <summary>Input nobody should send, which must still end in a clear error or a correct import, never a crash.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Load_EmptyFile_SaysWhatHeaderIsExpected()
    {
        using var folder = new TestFolder();
        folder.WriteText("accounts.csv", "");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["accounts.csv: the file is empty; expected a header row with columns account_id, name, industry, employees"], result.Errors);
    }

    [Fact]
    public void Load_HeaderOnlyFiles_AreValidAndEmpty()
    {
        using var folder = new TestFolder();
        folder.ClearRows("accounts.csv").ClearRows("reps.csv").ClearRows("opportunities.csv");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Data!.Accounts);
        Assert.Empty(result.Data.Reps);
        Assert.Empty(result.Data.Opportunities);
    }

    [Theory]
    [InlineData(";", "semicolon")]
    [InlineData("\t", "tab")]
    [InlineData("|", "pipe")]
    public void Load_WrongDelimiter_SaysCommaIsExpected(string delimiter, string name)
    {
        using var folder = new TestFolder();
        folder.WriteText("accounts.csv", string.Join(delimiter, "account_id", "name", "industry", "employees") + "\nA1" + delimiter + "Acme" + delimiter + "Software" + delimiter + "10\n");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal([$"accounts.csv:1: expected a comma-separated header with column account_id; this header looks {name}-separated"], result.Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Load_RandomBytes_ClearErrorNoCrash(int seed)
    {
        using var folder = new TestFolder();
        var bytes = new byte[64 * 1024];
        new Random(seed).NextBytes(bytes);
        folder.WriteBytes("accounts.csv", bytes);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.False(result.Succeeded);
        Assert.All(result.Errors.Where(e => !e.StartsWith('…')), e => Assert.StartsWith("accounts.csv:", e));
        Assert.Contains(result.Errors, e => e.StartsWith("accounts.csv:1: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_InvalidUtf8InARow_IsReportedOnItsLine()
    {
        using var folder = new TestFolder();
        folder.WriteBytes("reps.csv", [.. "rep_id,name\nR1,Ravi\nR2,Ros"u8, 0xC3, 0x28, .. "\n"u8]);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Contains("reps.csv:3: is not valid UTF-8 text", result.Errors);
    }

    [Fact]
    public void Load_TenThousandCharacterCell_IsKeptWhole()
    {
        using var folder = new TestFolder();
        var notes = string.Concat(Enumerable.Repeat("0123456789", 1000));
        folder.Set("accounts.csv", 0, "relationship_notes", notes);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded);
        Assert.Equal(notes, result.Data!.Accounts[0].RelationshipNotes);
    }

    [Fact]
    public void Load_TenThousandCharacterValue_ErrorMessageIsShortened()
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "employees", new string('9', 10_000));

        var error = Assert.Single(DataFolderLoader.Load(folder.Path).Errors);

        Assert.Equal($"accounts.csv:2: employees: '{new string('9', 40)}…' is not a whole number", error);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+SUM(1,2)")]
    [InlineData("-2+3")]
    [InlineData("@HYPERLINK(\"http://x\")")]
    public void Load_FormulaLookingCell_IsKeptVerbatimAsText(string formula)
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "name", formula);
        folder.Set("reps.csv", 1, "name", formula);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(formula, result.Data!.Accounts[0].Name);
        Assert.Equal(formula, result.Data.Reps.Single(r => r.RepId == "R1").Name);
    }

    [Fact]
    public void Load_UnclosedQuoteInLargeFile_StopsWithRecordSizeError()
    {
        using var folder = new TestFolder();
        var text = new StringBuilder("opportunity_id,account_id,owner_id,amount,stage\nO1,A1,R1,5,\"never closed\n");
        while (text.Length < CsvRecords.MaxRecordBytes + 1000)
        {
            text.Append("O2,A1,R1,5,Discovery\n");
        }

        folder.WriteText("opportunities.csv", text.ToString());

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["opportunities.csv:2: a record is longer than 1 MiB (an unclosed quote, or not a CSV file?); the rest of the file was not read"], result.Errors);
    }

    [Fact]
    public void Load_BigFile_ImportsEveryRow()
    {
        // A few MB here; the 100 MB case is measured by the `import` benchmark, not in unit tests.
        using var folder = new TestFolder();
        const int Count = 30_000;
        var text = new StringBuilder("account_id,name,industry,employees,latitude,longitude,owner_id,tech_stack,relationship_notes\n");
        for (var i = 0; i < Count; i++)
        {
            text.Append($"B{i},Company {i},Software,{i % 5000},{i % 90}.5,-{i % 180}.25,R{1 + i % 2},Snowflake;AWS,\"notes, with comma\"\n");
        }

        folder.WriteText("accounts.csv", text.ToString());
        folder.ClearRows("opportunities.csv");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));
        Assert.Equal(Count, result.Data!.Accounts.Count);
        Assert.Equal("B29999", result.Data.Accounts[^1].AccountId);
    }

    [Fact]
    public void Load_Utf16WithBom_IsTranscoded()
    {
        using var folder = new TestFolder();
        folder.WriteBytes("reps.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("rep_id,name\nR1,Zoë\nR2,Bob\nM1,Mo\n")).ToArray());

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("Zoë", result.Data!.Reps[0].Name);
    }

    [Theory]
    [InlineData("{\"averageAcv\": 5", "icp.json: line 1: invalid JSON")]
    [InlineData("not json", "icp.json: line 1: invalid JSON")]
    [InlineData("[1, 2]", "icp.json: expected a JSON object, found an array")]
    [InlineData("", "icp.json: the file is empty; expected a JSON object (or remove the file to use the default profile)")]
    [InlineData("{\"averageAcv\": -1}", "icp.json: averageAcv: -1 must be 0 or more")]
    [InlineData("{\"averageAcv\": \"lots\"}", "icp.json: averageAcv: expected a number, found a string")]
    [InlineData("{\"targetIndustries\": {\"Software\": \"high\"}}", "icp.json: targetIndustries.Software: expected a number, found a string")]
    [InlineData("{\"targetIndustries\": {\"Software\": 1, \"software\": 2}}", "icp.json: targetIndustries: 'software' appears twice (names match case-insensitively)")]
    [InlineData("{\"techAffinity\": [\"Snowflake\"]}", "icp.json: techAffinity: expected an object of name: weight, found an array")]
    [InlineData("{\"employeeRange\": {\"min\": 500, \"max\": 100}}", "icp.json: employeeRange: min 500 is larger than max 100")]
    [InlineData("{\"employeeRange\": {\"min\": 5}}", "icp.json: employeeRange: needs both min and max")]
    [InlineData("{\"employeeRange\": {\"min\": -5, \"max\": 10}}", "icp.json: employeeRange.min: expected a whole number 0 or more, found -5")]
    [InlineData("{\"competitors\": \"X\"}", "icp.json: competitors: expected an array of strings, found a string")]
    [InlineData("{\"product\": 5}", "icp.json: product: expected a string, found the number 5")]
    [InlineData("{\"sizeBands\": {\"smb\": {\"minEmployees\": 10}}}", "icp.json: sizeBands: 'smb' is not a tier with a floor")]
    [InlineData("{\"sizeBands\": {\"enterprise\": {\"minEmployees\": 0}}}", "icp.json: sizeBands.enterprise.minEmployees: expected a whole number 1 or more, found 0")]
    [InlineData("{\"sizeBands\": {\"enterprise\": {\"minEmployees\": 500}, \"commercial\": {\"minEmployees\": 1000}}}", "icp.json: sizeBands.enterprise.minEmployees 500 is below commercial.minEmployees 1000")]
    [InlineData("{\"sizeBands\": {\"enterprise\": {\"seats\": 5}}}", "icp.json: sizeBands.enterprise: unknown field 'seats'")]
    [InlineData("{\"sizeBands\": [1]}", "icp.json: sizeBands: expected an object")]
    [InlineData("{\"industrySynonyms\": {\"Crypto\": [\"DeFi\"]}}", "icp.json: industrySynonyms: 'Crypto' is not one of the targetIndustries")]
    [InlineData("{\"industrySynonyms\": {\"Software\": \"SaaS\"}}", "icp.json: industrySynonyms.Software: expected an array of strings, found a string")]
    [InlineData("{\"industrySynonyms\": {\"Software\": [\"SaaS\"], \"Retail\": [\"saas\"]}}", "icp.json: industrySynonyms: 'saas' is listed for both 'Software' and 'Retail'")]
    public void Load_BadIcpJson_IsReported(string json, string expectedStart)
    {
        using var folder = new TestFolder();
        folder.WriteText("icp.json", json);

        var result = DataFolderLoader.Load(folder.Path);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(expectedStart, error);
    }

    [Fact]
    public void Load_PartialIcpJson_KeepsDefaultsForAbsentFields()
    {
        using var folder = new TestFolder();
        folder.WriteText("icp.json", "{ \"AverageACV\": 75000, // comment\n \"extra\": true, }");

        var icp = DataFolderLoader.Load(folder.Path).Data!.Icp;

        Assert.Equal(75_000, icp.AverageAcv);
        Assert.Equal(Core.Model.IcpProfile.Default.TargetIndustries, icp.TargetIndustries);
    }
}
