using TerritoryBot.Core.Model;
using TerritoryBot.Import;

namespace TerritoryBot.Tests.Import;

/// <summary>mapping.json: custom fields and overrides, validated before any row is read; import --explain.</summary>
public sealed class MappingFileTests
{
    private const string Custom = """
        {
          // Salesforce custom fields
          "accounts": {
            "columns": {
              "ARR__c": "current_arr",
              "Named_Account__c": "named_account",
              "Tier__c": { "target": "current_tier", "values": { "Tier 1": "Strategic", "Tier 2": "Enterprise", "Tier 3": "Commercial" } },
              "Growth__c": { "target": "growth_rate", "transform": "percent" },
              "Description": "relationship_notes",
            }
          }
        }
        """;

    [Fact]
    public void Load_MappingFile_ReadsCustomFields()
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Write("mapping.json", Custom);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var accounts = result.Data!.Accounts;
        Assert.Equal([120_000d, 0, 8_000, 0], accounts.Select(a => a.CurrentArr));
        Assert.Equal([true, false, false, false], accounts.Select(a => a.NamedAccount));
        Assert.Equal([Tier.Enterprise, Tier.Strategic, (Tier?)null, null], accounts.Select(a => a.CurrentTier));
        Assert.Equal([0.15, 0.04, -0.025, (double?)null], accounts.Select(a => a.GrowthRate));
        Assert.Equal("Data platform buyer, CFO is the champion", accounts[0].RelationshipNotes);
        Assert.Contains("mapping: mapping.json", result.Report.Section(ImportReport.Files, "").Lines);
    }

    [Fact]
    public void Load_MappingValueNotInTable_IsARowError()
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Write("mapping.json", Custom);
        folder.Replace("Account.csv", "\"Tier 1\"", "\"Gold\"");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["Account.csv:3: TIER__C: 'Gold' is not one of the values accounts.columns.Tier__c lists (Tier 1, Tier 2, Tier 3)"], result.Errors);
    }

    [Fact]
    public void Load_MappingFileWithErrors_ListsEveryProblemAndReadsNothing()
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Write("mapping.json", """
            {
              "accounts": {
                "format": "salesfarce",
                "columns": {
                  "ARR__c": "arr",
                  "Growth__c": { "target": "growth_rate", "transform": "percentage" },
                  "Tier__c": { "target": "current_tier", "values": { "Tier 1": "Gold" } },
                  "Type": { "target": "industry", "transform": "thousands" }
                }
              },
              "contacts": {}
            }
            """);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Null(result.Data);
        Assert.Equal(
        [
            "mapping.json: accounts.format: unknown format 'salesfarce' for accounts (known: territorybot, salesforce, salesforce-report, hubspot, dynamics, dynamics-excel)",
            "mapping.json: accounts.columns.ARR__c: unknown target field 'arr' (accounts fields: account_id, name, industry, employees, annual_revenue, country, region, city, postal_code, latitude, longitude, tech_stack, growth_rate, funding_stage, intent_score, is_customer, current_arr, current_tier, owner_id, named_account, last_activity_date, relationship_notes, account_type, lifecycle_stage)",
            "mapping.json: accounts.columns.Growth__c.transform: unknown transform 'percentage' (known: percent, thousands, millions)",
            "mapping.json: accounts.columns.Tier__c.values.Tier 1: 'Gold' is not a valid current_tier (Strategic, Enterprise, Commercial or SMB)",
            "mapping.json: accounts.columns.Type: transform 'thousands' needs a numeric field; 'industry' is text",
            "mapping.json: contacts: unknown section (expected accounts, reps or opportunities)",
        ], result.Errors);
    }

    [Fact]
    public void Load_MappingColumnNotInFile_IsAnError()
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Write("mapping.json", """{ "accounts": { "columns": { "ARR_Total__c": "current_arr" } } }""");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Equal(["mapping.json: accounts.columns.ARR_Total__c: no column 'ARR_Total__c' in Account.csv"], result.Errors);
    }

    [Theory]
    [InlineData("", "mapping.json: the file is empty; expected a JSON object (or remove the file)")]
    [InlineData("{ \"accounts\": ", "mapping.json: line 1: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")]
    [InlineData("[]", "mapping.json: expected a JSON object with accounts, reps or opportunities, found array")]
    [InlineData("{ \"accounts\": { \"file\": \"Nope.csv\" } }", "mapping.json: accounts.file: 'Nope.csv' is not in {dir}")]
    [InlineData("{ \"accounts\": { \"columns\": { \"Type\": { \"transform\": \"percent\" } } } }", "mapping.json: accounts.columns.Type: target is required")]
    [InlineData("{ \"accounts\": { \"columns\": { \"Type\": \"industry\", \"Industry\": \"industry\" } } }", "mapping.json: accounts.columns.Industry: field 'industry' is already read from column 'Type'")]
    public void Load_BadMappingFile_ClearError(string json, string expected)
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Write("mapping.json", json);

        var result = DataFolderLoader.Load(folder.Path);

        Assert.Null(result.Data);
        Assert.Contains(expected.Replace("{dir}", folder.Path, StringComparison.Ordinal), result.Errors);
    }

    [Fact]
    public void Load_MappingNamesAFileWithAnOddName_ReadsIt()
    {
        using var folder = new CrmFolder("HubSpot");
        File.Move(folder["companies.csv"], folder["export-2024-05-01.csv"]);
        folder.Write("mapping.json", """{ "accounts": { "file": "export-2024-05-01.csv", "format": "hubspot" } }""");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Data!.Accounts.Count);
    }

    [Fact]
    public void Explain_SalesforceFolder_ListsEveryColumnAndWhatIsIgnored()
    {
        using var folder = new CrmFolder("Salesforce");
        folder.Write("mapping.json", Custom);
        folder.Write("notes.csv", "whatever,else\n1,2\n");

        var (plan, errors) = DataFolderLoader.Explain(folder.Path, null);

        Assert.Empty(errors);
        var accounts = plan!.Tables[TableKind.Accounts];
        Assert.Equal("salesforce", accounts.Format.Id);
        Assert.Equal(("NUMBEROFEMPLOYEES", "recognised"), (accounts.Fields["employees"].Header, accounts.Fields["employees"].Source));
        Assert.Equal(("ARR__C", "accounts.columns.ARR__c"), (accounts.Fields["current_arr"].Header, accounts.Fields["current_arr"].Source));
        Assert.Empty(accounts.Ignored);
        Assert.Equal(["USERNAME", "USERROLEID", "PROFILEID"], plan.Tables[TableKind.Reps].Ignored);
        Assert.Contains(("notes.csv", "header not recognised"), plan.IgnoredTables);

        var text = new StringWriter();
        plan.WriteText(text);
        Assert.Contains("Account.csv: accounts, Salesforce Account (API names) (format 'salesforce', by header)", text.ToString());
        Assert.Matches(@"(?m)^  ARR__C +-> current_arr \(money\) \[accounts\.columns\.ARR__c\]$", text.ToString());
        Assert.Matches(@"(?m)^  USERNAME +\(ignored\)$", text.ToString());

        var json = plan.ToJson();
        Assert.Equal("salesforce", json["tables"]![0]!["format"]!.GetValue<string>());
        Assert.Equal("notes.csv", json["ignoredTables"]![0]!["file"]!.GetValue<string>());
    }
}
