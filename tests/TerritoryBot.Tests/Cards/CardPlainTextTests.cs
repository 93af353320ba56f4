using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Tests.Planning;

namespace TerritoryBot.Tests.Cards;

public sealed class CardPlainTextTests
{
    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    [Fact]
    public void Render_FactSet_AlignsValuesAfterTheLongestTitle()
    {
        var card = new AdaptiveCard { Body = [new FactSet { Facts = [new("Potential ARR", "$1.2M"), new("Tier", "Enterprise")] }] };

        Assert.Equal(["Potential ARR: $1.2M", "Tier:          Enterprise"], Lines(CardPlainText.Render(card)));
    }

    [Theory]
    [InlineData("large", '=')]
    [InlineData("extraLarge", '=')]
    [InlineData("medium", '-')]
    public void Render_SizedTextBlock_IsUnderlinedHeading(string size, char rule)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Territory", ["size"] = size }),
        };

        Assert.Equal(["Territory", new string(rule, "Territory".Length)], Lines(CardPlainText.Render(card)));
    }

    [Fact]
    public void Render_ConsecutiveColumnSets_FormOneAlignedTableWithRightAlignedMoney()
    {
        // Rows as list cards draw them: separated, with their own drill-down button, escaped ranks ("1." is a list marker).
        static ColumnSet Row(string rank, string name, string money) => new()
        {
            Separator = true,
            Columns =
            [
                new Column { Width = "auto", Items = [new TextBlock(CardText.Escape(rank))] },
                new Column
                {
                    Width = "stretch",
                    Items = [new TextBlock(name), new TextBlock("Software") { IsSubtle = true }, new ActionSet { Actions = [new SubmitAction("Details")] }],
                },
                new Column { Width = "auto", Items = [new TextBlock(money) { HorizontalAlignment = HorizontalAlignment.Right }] },
            ],
        };
        var card = new AdaptiveCard { Body = [new Container { Items = [Row("1.", "Acme", "$1,200,000"), Row("10.", "Beta Bank", "$90,000")] }] };

        Assert.Equal(
            ["1.   Acme · Software       $1,200,000", "10.  Beta Bank · Software     $90,000"],
            Lines(CardPlainText.Render(card)));
    }

    [Fact]
    public void Render_HeaderRowThenContainerOfRows_OneAlignedTable()
    {
        static ColumnSet Row(string a, string b) => new()
        {
            Columns = [new Column { Items = [new TextBlock(a)] }, new Column { Items = [new TextBlock(b)] }],
        };
        var card = new AdaptiveCard { Body = [Row("Account", "To"), new Container { Trimmable = true, Items = [Row("Copperwave (A1)", "R2"), Row("B (A2)", "R3")] }] };

        Assert.Equal(["Account          To", "Copperwave (A1)  R2", "B (A2)           R3"], Lines(CardPlainText.Render(card)));
    }

    [Fact]
    public void Render_Chart_ShowsItsFallbackElement()
    {
        var card = new AdaptiveCard
        {
            Body = [new DonutChart(new FactSet { Facts = [new("Strategic", "4 accounts")] }) { Title = "Tier mix", Data = [new("Strategic", 4)] }],
        };

        Assert.Equal(["Strategic: 4 accounts"], Lines(CardPlainText.Render(card)));
    }

    [Fact]
    public void Render_ChartWithoutFallback_ListsTitleAndDataPoints()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","body":[{"type":"Chart.HorizontalBar","title":"Potential","data":[{"x":"R001","y":1200.5},{"x":"R002","y":900}]}]}
            """)!.AsObject();

        Assert.Equal(["Potential", "R001: 1,200.5", "R002: 900"], Lines(CardPlainText.Render(card)));
    }

    [Fact]
    public void Render_Actions_ListsTitlesOfCardAndActionSetButtons()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("Proposal 7"), new ActionSet { Actions = [new SubmitAction("Refresh")] }],
            Actions =
            [
                ExecuteAction.Drill("Approve", "proposal.approve", new JsonObject { ["proposalId"] = 7 }),
                new ShowCardAction("Reject…", new AdaptiveCard { Body = [new TextBlock("Why?")] }),
            ],
        };

        Assert.Equal(["Proposal 7", "Actions: Refresh", "", "Actions: Approve · Reject…"], Lines(CardPlainText.Render(card)));
    }

    [Theory]
    [InlineData(@"\*Acme\* \[x\](http://evil)", "*Acme* [x](http://evil)")]
    [InlineData("**Approved** by Maya", "Approved by Maya")]
    [InlineData("an _important_ note", "an important note")]
    [InlineData("snake_case_name and 5 * 3 * 2", "snake_case_name and 5 * 3 * 2")]
    [InlineData(@"C:\\data \\ 50%", @"C:\data \ 50%")]
    public void Render_TextBlockMarkdown_UndoesEscapesAndDropsEmphasisMarkers(string text, string expected)
    {
        var card = new AdaptiveCard { Body = [new TextBlock(text)] };

        Assert.Equal([expected], Lines(CardPlainText.Render(card)));
    }

    [Theory]
    [InlineData("Smith_&_*Sons*")]
    [InlineData("[click](http://evil.example)")]
    [InlineData("1. first")]
    [InlineData("- dash > quote # hash")]
    [InlineData("**not bold** and __not either__")]
    [InlineData("under_score_name ~strike~ `code`")]
    public void Render_DataEscapedWithCardText_ShownWhole(string data)
    {
        // CardText neutralises markup with look-alike characters; nothing of the data may be dropped as "markup".
        var escaped = CardText.Escape(data);
        var card = new AdaptiveCard { Body = [new TextBlock(escaped), new FactSet { Facts = [new("Name", escaped)] }] };
        var visible = string.Concat(escaped.Where(c => c is not ('\u200B' or '\u2060')));

        Assert.Equal([visible, $"Name: {visible}"], Lines(CardPlainText.Render(card)));
    }

    [Fact]
    public void Render_HiddenInputsAndUnknownElements_ShowsWhatAHostWould()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","body":[
              {"type":"TextBlock","text":"secret","isVisible":false},
              {"type":"Input.Text","id":"reason","label":"Reason"},
              {"type":"Future.Thing","fallback":{"type":"TextBlock","text":"instead"}},
              {"type":"Future.Other"},
              {"type":"Future.Dropped","fallback":"drop"}
            ]}
            """)!.AsObject();

        Assert.Equal(["[Reason: ____]", "instead"], Lines(CardPlainText.Render(card)));
    }

    [Fact]
    public void Render_EmptyCard_IsEmptyText() =>
        Assert.Equal("", CardPlainText.Render(new AdaptiveCard()));

    [Fact]
    public void Render_DemoScoreCard_MatchesApprovedSnapshot()
    {
        var asOf = new DateOnly(2025, 1, 6);
        var card = ScoreCard.Build(ScoringEngine.Score(DemoGenerator.Generate(new DemoOptions(asOf, 200, 5, 7)).Data, asOf));

        Snapshot.Verify(CardPlainText.Render(card), "score-card.demo.plain", "txt");
    }
}
