using TerritoryBot.Core.Query;
using TerritoryBot.Features.Query;

namespace TerritoryBot.Tests.Features.Query;

public sealed class QuerySyntaxTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 3);

    private static QueryFilter Filter(string text) =>
        QuerySyntax.ParseFilter(text, AsOf, out var problem) ?? throw new Xunit.Sdk.XunitException(problem);

    [Fact]
    public void ParseFilter_CategoryEquals_IsWithValues()
    {
        var f = Filter("industry=Healthcare");
        Assert.Equal((QueryField.Industry, FilterOp.Is, false), (f.Field, f.Op, f.Negated));
        Assert.Equal(["Healthcare"], f.Values);
        Assert.Equal(["Texas", "CA"], Filter("region = Texas, CA").Values);
    }

    [Theory]
    [InlineData("potential_arr>1M", FilterOp.Above, 1_000_000)]
    [InlineData("arr<$250,000", FilterOp.Below, 250_000)]
    [InlineData("employees>=500", FilterOp.AtLeast, 500)]
    [InlineData("revenue<=1.5B", FilterOp.AtMost, 1_500_000_000)]
    [InlineData("growth>=20%", FilterOp.AtLeast, 0.2)]
    [InlineData("growth>0.2", FilterOp.Above, 0.2)]
    [InlineData("icp_fit=5", FilterOp.Equal, 5)]
    [InlineData("pipeline>250k", FilterOp.Above, 250_000)]
    [InlineData("last_activity_days>90", FilterOp.Above, 90)]
    [InlineData("last_activity_days>2w", FilterOp.Above, 14)]
    [InlineData("last_activity_days>6mo", FilterOp.Above, 183)]
    [InlineData("last_activity_days>1y", FilterOp.Above, 365)]
    public void ParseFilter_NumbersWithUnits_Converted(string text, FilterOp op, double number)
    {
        var f = Filter(text);
        Assert.Equal(op, f.Op);
        Assert.Equal(number, f.Number, 9);
    }

    [Fact]
    public void ParseFilter_Negations_AllSpellings()
    {
        var not = Filter("not status=customer");
        Assert.True(not.Negated);
        Assert.Equal(["ActiveCustomer"], not.Values);
        Assert.True(Filter("!named").Negated);
        var unequal = Filter("status!=cold");
        Assert.True(unequal.Negated);
        Assert.Equal(["ColdProspect"], unequal.Values);
        Assert.True(Filter("name!~bank").Negated);
    }

    [Fact]
    public void ParseFilter_OtherForms_TopMissingFlagBetweenContains()
    {
        var top = Filter("top 10 growth");
        Assert.Equal((FilterOp.Top, QueryField.Growth, 10), (top.Op, top.Field, top.Count));
        Assert.Equal(FilterOp.Bottom, Filter("bottom 3 potential").Op);
        Assert.Equal((FilterOp.Missing, QueryField.Revenue), (Filter("revenue is missing").Op, Filter("revenue is missing").Field));
        var named = Filter("named");
        Assert.Equal((QueryField.Named, FilterOp.Is), (named.Field, named.Op));
        Assert.Equal(["true"], named.Values);
        Assert.Equal(["false"], Filter("whitespace=no").Values);
        var between = Filter("employees=100..500");
        Assert.Equal((FilterOp.Between, 100.0, 500.0), (between.Op, between.Number, between.UpperNumber));
        Assert.Equal(FilterOp.Contains, Filter("name~clinic").Op);
        Assert.Equal("Strategic", Filter("tier=strategic").Values[0]);
    }

    [Theory]
    [InlineData("industry>5", "industry is not a number")]
    [InlineData("growth>20k", "does not fit growth")]
    [InlineData("status=custmer", "status is one of")]
    [InlineData("tier=Huge", "tier is one of")]
    [InlineData("named=maybe", "named is yes or no")]
    [InlineData("foo=1", "no field \"foo\"")]
    [InlineData("top 0 growth", "not a whole number of 1 or more")]
    [InlineData("top 5 industry", "needs a numeric field")]
    [InlineData("potential_arr>abc", "is not a number")]
    [InlineData("potential_arr>", "needs a value")]
    [InlineData("", "the filter is empty")]
    [InlineData("industry", "write FIELD OP VALUE")]
    [InlineData("employees>1..5", "a range LOW..HIGH goes with =")]
    [InlineData("last_activity_days>1.5mo", "does not fit last_activity_days")]
    public void ParseFilter_BadText_NullWithTheReason(string text, string reason)
    {
        Assert.Null(QuerySyntax.ParseFilter(text, AsOf, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Parse_FullRequest_BuildsTheQuery()
    {
        var query = QuerySyntax.Parse(new QueryRequest
        {
            Where = ["industry=Healthcare", "not status=customer"],
            Measure = "avg:potential",
            GroupBy = "region",
            RankBy = "growth",
            Top = 5,
            List = ["city,growth", "arr"],
            Rows = 3,
        }, AsOf);
        Assert.Equal(2, query.Filters.Count);
        Assert.Equal(QueryMeasure.Average(QueryField.PotentialArr), query.Measure);
        Assert.Equal(QueryField.State, query.GroupBy);
        Assert.Equal(new QueryRank(QueryField.Growth, false, 5), query.Rank);
        Assert.Equal([QueryField.City, QueryField.Growth, QueryField.CurrentArr], query.ListFields);
        Assert.Equal(3, query.RowLimit);
    }

    [Fact]
    public void Parse_SeveralProblems_AllReportedNamingTheOption()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(new QueryRequest
        {
            Where = ["industry>5", "status=customer"],
            Measure = "sum:industry",
            GroupBy = "current_arr",
            Top = 3,
            List = ["nope"],
        }, AsOf));
        Assert.Collection(e.Errors,
            m => Assert.StartsWith("--where \"industry>5\":", m),
            m => Assert.StartsWith("--measure \"sum:industry\": sum needs a numeric field", m),
            m => Assert.StartsWith("--group-by \"current_arr\": current_arr is not a category", m),
            m => Assert.Equal("--top needs --rank-by FIELD (top by what?).", m),
            m => Assert.StartsWith("--list \"nope\": no field", m));
    }

    [Theory]
    [InlineData("count", MeasureKind.Count, null)]
    [InlineData("sum:current_arr", MeasureKind.Sum, QueryField.CurrentArr)]
    [InlineData("median:potential", MeasureKind.Median, QueryField.PotentialArr)]
    [InlineData("mean:growth", MeasureKind.Average, QueryField.Growth)]
    [InlineData("min:employees", MeasureKind.Min, QueryField.Employees)]
    [InlineData("max:pipeline", MeasureKind.Max, QueryField.OpenPipeline)]
    [InlineData("share", MeasureKind.Share, null)]
    [InlineData("share:potential_arr", MeasureKind.Share, QueryField.PotentialArr)]
    [InlineData("penetration", MeasureKind.Penetration, null)]
    [InlineData("customer-rate", MeasureKind.CustomerRate, null)]
    public void ParseMeasure_EveryForm(string text, MeasureKind kind, QueryField? field)
    {
        Assert.Equal(new QueryMeasure(kind, field), QuerySyntax.ParseMeasure(text, out _));
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("count:current_arr")]
    [InlineData("total:current_arr")]
    [InlineData("avg:city")]
    public void ParseMeasure_Bad_Null(string text)
    {
        Assert.Null(QuerySyntax.ParseMeasure(text, out var problem));
        Assert.NotEmpty(problem);
    }
}
