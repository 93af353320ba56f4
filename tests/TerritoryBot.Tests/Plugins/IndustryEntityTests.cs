using TerritoryBot.Conversation;

namespace TerritoryBot.Tests.Plugins;

public sealed class IndustryEntityTests
{
    private static readonly IntentRouter Router = new(new RouterVocabulary(
        [("A000001", "Fabrikam Fintech")], [("R001", "Dana Whitfield")], ["geographic"],
        ["Software", "Financial Services", "Professional Services", "Healthcare", "Telecommunications"]));

    [Theory]
    [InlineData("who fits the fintech accounts best", "Financial Services")]
    [InlineData("which rep is best for healthcare", "Healthcare")]
    [InlineData("who is strongest in professional services", "Professional Services")]
    [InlineData("who should own the finacial services book", "Financial Services")]
    [InlineData("which rep wins telco deals", "Telecommunications")]
    [InlineData("who fits best", null)]
    public void Route_RepFitNamingAnIndustry_ExtractsIt(string text, string? industry)
    {
        var match = Router.Route(text);
        Assert.Equal(Intent.RepFit, match.Intent);
        Assert.Equal(industry, match.Entities.Industry);
    }

    [Fact]
    public void Route_IndustryAbsentFromTheData_IsNotGuessed() =>
        Assert.Null(new IntentRouter(new RouterVocabulary([], [], [], ["Retail"])).Route("who fits the fintech accounts best").Entities.Industry);

    [Fact]
    public void Route_OtherIntents_CarryNoIndustry() =>
        Assert.Null(Router.Route("score breakdown by industry for software").Entities.Industry);
}
