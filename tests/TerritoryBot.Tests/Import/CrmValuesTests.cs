using TerritoryBot.Import;

namespace TerritoryBot.Tests.Import;

public sealed class CrmValuesTests
{
    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("$1,234.50", 1234.5)]
    [InlineData("USD 1,234", 1234)]
    [InlineData("1,234 EUR", 1234)]
    [InlineData("€80k", 80_000)]
    [InlineData("$2.5M", 2_500_000)]
    [InlineData("2.5 MM", 2_500_000)]
    [InlineData("1.2B", 1_200_000_000)]
    [InlineData("£3bn", 3_000_000_000)]
    [InlineData("2.5e8", 250_000_000)]
    [InlineData("60000.0", 60_000)]
    [InlineData("($5)", -5)]
    [InlineData("-$5", -5)]
    public void TryMoney_CrmAmounts_AreRead(string text, double expected)
    {
        Assert.True(CrmValues.TryMoney(text, out var value, out _));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("1,23")]
    [InlineData("12,34,567")]
    [InlineData("$")]
    [InlineData("1.000,50")]
    [InlineData("NaN")]
    [InlineData("15%")]
    public void TryMoney_NotAnAmount_IsRejected(string text) => Assert.False(CrmValues.TryMoney(text, out _, out _));

    [Theory]
    [InlineData("2024-05-01", 2024, 5, 1)]
    [InlineData("2024-05-01T09:30:00.000+0000", 2024, 5, 1)]
    [InlineData("2024-05-01T09:30:00Z", 2024, 5, 1)]
    [InlineData("2024-05-01 16:20", 2024, 5, 1)]
    [InlineData("5/1/2024", 2024, 5, 1)]
    [InlineData("12/31/2024 11:59 PM", 2024, 12, 31)]
    [InlineData("3/31/2024 10:15:00 AM", 2024, 3, 31)]
    public void TryDate_CrmDates_AreRead(string text, int year, int month, int day)
    {
        Assert.True(CrmValues.TryDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31/12/2024")]
    [InlineData("2024-02-30")]
    [InlineData("2/30/2024")]
    [InlineData("May 1, 2024")]
    [InlineData("2024-05-01 later")]
    public void TryDate_NotADate_IsRejected(string text) => Assert.False(CrmValues.TryDate(text, out _));

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("US", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("u.s.a.", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Atlantis", "Atlantis")]
    public void NormaliseCountry_KnownNames_BecomeCodes(string text, string expected) => Assert.Equal(expected, CrmValues.NormaliseCountry(text));

    [Theory]
    [InlineData("Closed Won", "Won")]
    [InlineData("closedwon", "Won")]
    [InlineData("Closed won", "Won")]
    [InlineData("Closed Lost", "Lost")]
    [InlineData("closedlost", "Lost")]
    [InlineData("Contract sent", "Open")]
    [InlineData("Closed - No Decision", "Open")]
    public void StageOutcome_StageNames_SayWonLostOrOpen(string stage, string expected) => Assert.Equal(expected, CrmValues.StageOutcome(stage).ToString());

    [Theory]
    [InlineData("Customer", true)]
    [InlineData("Customer - Direct", true)]
    [InlineData("customer - channel", true)]
    [InlineData("3", true)]
    [InlineData("Prospect", false)]
    [InlineData("Former Customer", false)]
    public void IsCustomerType_TypeLabels_SayCustomer(string type, bool expected) => Assert.Equal(expected, CrmValues.IsCustomerType(type));

    [Theory]
    [InlineData("José  GARCÍA", "jose garcia")]
    [InlineData(" Zoë O'Neil ", "zoe o'neil")]
    public void NameKey_AccentsCaseAndSpaces_AreFolded(string name, string expected) => Assert.Equal(expected, CrmValues.NameKey(name));
}
