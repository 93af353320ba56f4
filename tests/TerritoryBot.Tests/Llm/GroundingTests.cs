using TerritoryBot.Llm;

namespace TerritoryBot.Tests.Llm;

public sealed class GroundingTests
{
    [Theory]
    // exact and formatted the same way
    [InlineData("Potential is 1234567.", "potential 1234567", true)]
    [InlineData("Potential is 1,234,567.", "potential 1234567", true)]
    [InlineData("Potential is $1,234,567.", "{\"potentialArr\":1234567.4}", true)]
    // simple roundings at the precision and scale written
    [InlineData("About 1.2M of potential.", "{\"potentialArr\":1234567}", true)]
    [InlineData("About $1.2M of potential.", "{\"potentialArr\":1234567}", true)]
    [InlineData("About 1.23 million.", "{\"potentialArr\":1234567}", true)]
    [InlineData("About 1M.", "{\"potentialArr\":1234567}", true)]
    [InlineData("About 1,235k.", "{\"potentialArr\":1234567}", true)]
    [InlineData("Deviation of 12%.", "{\"deviationPct\":12.34}", true)]
    [InlineData("Deviation of 12.3 percent.", "{\"deviationPct\":12.34}", true)]
    [InlineData("Growing 15% a year.", "{\"growthRate\":0.153}", true)]
    [InlineData("Down 5% against the mean.", "{\"deviationPct\":-5.2}", true)]
    [InlineData("Gini 0.08 against 0.12.", "{\"gini\":0.0812,\"runnerUp\":0.1190}", true)]
    [InlineData("The template said $1.2M.", "Template: $1.2M potential", true)]
    // ids verbatim; quarter labels need no source
    [InlineData("Call A000017 in Q1.", "{\"accountId\":\"A000017\"}", true)]
    [InlineData("R002 is the 2nd rep.", "{\"repId\":\"R002\",\"rank\":2}", true)]
    [InlineData("No numbers at all.", "{}", true)]
    // rejections: invented, wrong rounding, wrong scale, invented ids
    [InlineData("About 1.3M of potential.", "{\"potentialArr\":1234567}", false)]
    [InlineData("About 1.2 billion.", "{\"potentialArr\":1234567}", false)]
    [InlineData("About 1,200,000.", "{\"potentialArr\":1234567}", false)]
    [InlineData("Deviation of 13%.", "{\"deviationPct\":12.34}", false)]
    [InlineData("Potential is 1234567 across 7 accounts.", "{\"potentialArr\":1234567}", false)]
    [InlineData("Call A000018 first.", "{\"accountId\":\"A000017\"}", false)]
    [InlineData("Move it to R009.", "{\"repId\":\"R002\"}", false)]
    [InlineData("Win rate 94%.", "{\"winRate\":0.61}", false)]
    [InlineData("It grows 15 a year.", "{\"growthRate\":0.153}", false)]
    public void IsGrounded_ModelTextAgainstSources_AcceptsOnlyBackedFigures(string modelText, string source, bool expected)
    {
        Assert.Equal(expected, Grounding.IsGrounded(modelText, [source]));
    }

    [Fact]
    public void Ungrounded_InventedFigureAndId_NamesBoth()
    {
        var problems = Grounding.Ungrounded("A000099 holds 3.4M.", ["{\"accountId\":\"A000017\",\"potentialArr\":1234567}"]);

        Assert.Equal(["A000099", "3.4M"], problems);
    }
}
