using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Import;

namespace TerritoryBot.Tests.Import;

public sealed class IndustryTableTests
{
    [Fact]
    public void Shipped_ParsesWithoutConflictsAndCoversEveryScheme()
    {
        var table = IndustryTable.Shipped;
        _ = IndustryNormalizer.For(IcpProfile.Default, table); // throws on a label mapped to two industries
        Assert.Equal(["canonical", "common", "fortune", "hubspot", "linkedin", "naics", "salesforce"], table.Select(r => r.Scheme).Distinct().Order());
    }

    [Theory]
    // Fortune sectors as the list has them, Salesforce and HubSpot picklist values, NAICS and LinkedIn titles.
    [InlineData("Financials", "Financial Services")]
    [InlineData("Technology", "Software")]
    [InlineData("Health Care", "Healthcare")]
    [InlineData("Retailing", "Retail")]
    [InlineData("Food & Drug Stores", "Retail")]
    [InlineData("Banking", "Financial Services")]
    [InlineData("COMPUTER_SOFTWARE", "Software")]
    [InlineData("Computer Software", "Software")]
    [InlineData("HOSPITAL_HEALTH_CARE", "Healthcare")]
    [InlineData("Hospital & Health Care", "Healthcare")]
    [InlineData("Finance and Insurance", "Financial Services")]
    [InlineData("Software Development", "Software")]
    [InlineData("Motor Vehicles & Parts", "Manufacturing")]
    public void Normalize_ExportLabels_MeetTheDefaultIcp(string label, string industry)
    {
        var data = new DataSet([new Account { AccountId = "A1", Name = "X", Industry = label, Employees = 100 }], [], [], IcpProfile.Default);
        var account = IndustryTable.Normalize(data).Accounts[0];
        Assert.Equal(industry, account.Industry);
        Assert.Equal(label, account.IndustryLabel);
    }

    [Fact]
    public void ReportLines_UnmatchedLabel_Named()
    {
        var data = new DataSet(
            [
                new Account { AccountId = "A1", Name = "X", Industry = "Financials", Employees = 100 },
                new Account { AccountId = "A2", Name = "Y", Industry = "Zeppelins", Employees = 100 },
            ], [], [], IcpProfile.Default);
        var lines = IndustryTable.ReportLines(data).ToList();
        Assert.StartsWith("2 label(s); 1 meet an ICP industry (1 of 2 accounts), 1 matched nothing.", lines[0], StringComparison.Ordinal);
        Assert.Contains("  Financials → Financial Services (synonym table, 1 account(s))", lines);
        Assert.Contains("  Zeppelins: no match (1 account(s))", lines);
    }
}
