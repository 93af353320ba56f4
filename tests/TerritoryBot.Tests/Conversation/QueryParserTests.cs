using TerritoryBot.Conversation;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Tests.Conversation;

/// <summary>The account-question parser on the demo vocabulary: what it reads, what it refuses to guess, hostile input.</summary>
public sealed class QueryParserTests(QuestionSetFixture fixture) : IClassFixture<QuestionSetFixture>
{
    private ParsedQuestion Parse(string? text)
    {
        var vocabulary = fixture.Harness.Workspace.Vocabulary;
        return QueryParser.Parse(text, vocabulary.Query, vocabulary.AsOf, [.. vocabulary.RepIds.Values]);
    }

    [Fact]
    public void Parse_CountWithStateName_CountFilteredByStateCode()
    {
        var q = Parse("how many of my accounts are in Texas?");
        Assert.True(q.Exact);
        Assert.Equal(QueryShape.Figure, q.Shape);
        Assert.Equal(MeasureKind.Count, q.Query.Measure.Kind);
        var filter = Assert.Single(q.Query.Filters);
        Assert.Equal((QueryField.State, "TX"), (filter.Field, filter.Values[0]));
    }

    [Fact]
    public void Parse_IndustryWordInsideAnAccountName_IsTheIndustryNotTheAccount()
    {
        var q = Parse("what's the average potential of my fintech accounts?");
        Assert.True(q.Exact);
        Assert.Equal(QueryMeasure.Average(QueryField.PotentialArr), q.Query.Measure);
        Assert.Equal("Financial Services", Assert.Single(q.Query.Filters).Values[0]);
    }

    [Theory]
    [InlineData("accounts with potential above $1M", QueryField.PotentialArr, FilterOp.Above, 1_000_000)]
    [InlineData("accounts with more than 500 employees", QueryField.Employees, FilterOp.Above, 500)]
    [InlineData("accounts growing more than 20%", QueryField.Growth, FilterOp.Above, 0.2)]
    [InlineData("accounts with an ICP fit of 4 or more", QueryField.IcpFit, FilterOp.AtLeast, 4)]
    [InlineData("customers paying less than $50k ARR", QueryField.CurrentArr, FilterOp.Below, 50_000)]
    public void Parse_NumberWithUnit_ComparisonOnTheRightField(string text, QueryField field, FilterOp op, double number)
    {
        var q = Parse(text);
        var filter = q.Query.Filters.Single(f => f.Field == field);
        Assert.Equal((op, number), (filter.Op, filter.Number));
    }

    [Fact]
    public void Parse_NotTouchedInSixMonths_NegatedActivityWithinThoseDays()
    {
        var q = Parse("how many of my accounts haven't been touched in 6 months?");
        var filter = Assert.Single(q.Query.Filters);
        var asOf = fixture.Harness.Workspace.AsOf;
        Assert.Equal((QueryField.LastActivityDays, FilterOp.AtMost, true), (filter.Field, filter.Op, filter.Negated));
        Assert.Equal(asOf.DayNumber - asOf.AddMonths(-6).DayNumber, filter.Number);
    }

    [Fact]
    public void Parse_UnknownWord_NotExactAndReported()
    {
        var q = Parse("how many of my accounts in Texas renewed early");
        Assert.False(q.Exact);
        Assert.Contains("renewed", q.Unknown);
        Assert.Contains(q.Query.Filters, f => f.Field == QueryField.State);
    }

    [Theory]
    [InlineData("how many accounts does Zoltan Quark have in Arizona?")]
    [InlineData("what's Bartholomew Fenn's current ARR")]
    [InlineData("how much pipeline does R777 have?")]
    public void Parse_UnknownPerson_ReportedAsPerson(string text) => Assert.NotEmpty(Parse(text).UnknownPeople);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u0000\u0001 ;;; DROP TABLE accounts; --")]
    [InlineData("$$$ %%% ### 1e308 999999999999999999999 -0")]
    public void Parse_HostileOrEmptyText_NeverThrows(string? text)
    {
        var q = Parse(text);
        Assert.NotNull(q);
    }

    [Fact]
    public void Parse_SameTextTwice_SameQuestion() =>
        Assert.Equal(Parse("top 5 fastest growing prospects in Ohio").Key(), Parse("top 5 fastest growing prospects in Ohio").Key());
}
