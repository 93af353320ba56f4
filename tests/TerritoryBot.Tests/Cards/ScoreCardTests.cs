using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Tests.Planning;

namespace TerritoryBot.Tests.Cards;

public sealed class ScoreCardTests
{
    private static readonly DateOnly DemoAsOf = new(2025, 1, 6);

    private static DataSet Demo() => DemoGenerator.Generate(new DemoOptions(DemoAsOf, 200, 5, 7)).Data;

    private static AdaptiveCard CraftedCard() => ScoreCard.Build(ScoringEngine.Score(PlanFixture.Data(), PlanFixture.AsOf));

    private static AdaptiveCard DemoCard() => ScoreCard.Build(ScoringEngine.Score(Demo(), DemoAsOf));

    [Fact]
    public void Build_CraftedData_MatchesApprovedSnapshot() =>
        Snapshot.Verify(CardJson.SerializeIndented(CraftedCard()), "score-card.crafted", "json");

    [Fact]
    public void Build_DemoData_MatchesApprovedSnapshot() =>
        Snapshot.Verify(CardJson.SerializeIndented(DemoCard()), "score-card.demo", "json");

    [Fact]
    public void Build_DemoData_HasVersionChartFallbackAndDrillDown()
    {
        var result = ScoringEngine.Score(Demo(), DemoAsOf);
        var json = JsonNode.Parse(CardJson.Serialize(ScoreCard.Build(result)))!.AsObject();

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal("Full", (string?)json["msteams"]!["width"]);

        var body = json["body"]!.AsArray();
        var donut = body.Single(e => (string?)e!["type"] == "Chart.Donut")!;
        var tiers = result.Summary.ByTier;
        Assert.Equal(tiers.Select(t => t.Name), donut["data"]!.AsArray().Select(d => (string?)d!["legend"]));
        Assert.Equal("FactSet", (string?)donut["fallback"]!["type"]);
        Assert.Equal(tiers.Count, donut["fallback"]!["facts"]!.AsArray().Count);

        // Top 5 rows, in rank order, in the trimmable list (the last body element).
        var rows = body[^1]!["items"]!.AsArray();
        Assert.Equal(Math.Min(5, result.Summary.TopAccounts.Count), rows.Count);
        string firstName = (string)rows[0]!["columns"]![1]!["items"]![0]!["text"]!;
        Assert.Contains(result.Summary.TopAccounts[0].AccountId, firstName, StringComparison.Ordinal);

        var action = json["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal(ScoreCard.TopAccountsVerb, (string?)action["verb"]);
        Assert.Equal(ScoreCard.DrillTop, (int)action["data"]!["top"]!);
        var fallback = action["fallback"]!;
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        Assert.Equal(ScoreCard.TopAccountsVerb, (string?)fallback["data"]!["verb"]);
        Assert.Equal(ScoreCard.DrillTop, (int)fallback["data"]!["top"]!);
    }

    [Fact]
    public void Build_HostileAccountName_IsEscapedPlainJsonText()
    {
        string json = CardJson.Serialize(CraftedCard());
        var texts = JsonNode.Parse(json)!["body"]!.AsArray()[^1]!["items"]!.AsArray()
            .Select(row => (string?)row!["columns"]![1]!["items"]![0]!["text"]);
        Assert.Contains(CardText.Escape($"{PlanFixture.HostileName} (a02)"), texts);
        Assert.DoesNotContain(texts, t => t!.Contains("*Ltd*", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1000)]
    public void Build_TopN_ShowsAtMostNAndAtMostTheSummary(int top)
    {
        var result = ScoringEngine.Score(Demo(), DemoAsOf);
        var json = JsonNode.Parse(CardJson.Serialize(ScoreCard.Build(result, top)))!;
        var rows = json["body"]!.AsArray()[^1]!["items"]!.AsArray();
        int expected = Math.Min(top, result.Summary.TopAccounts.Count);
        Assert.Equal(Math.Max(expected, 1), rows.Count); // zero rows shows the "No accounts" line
        if (expected == 0)
        {
            Assert.Equal("No accounts to show.", (string?)rows[0]!["text"]);
        }
    }

    [CardValidatorFact]
    public async Task ValidateCards_ScoreCardsAndModelSamples_PassOfficialSchemaAndRenderer()
    {
        string dir = Directory.CreateTempSubdirectory("territorybot-cards-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "score-crafted.json"), CardJson.Serialize(CraftedCard()));
            await File.WriteAllTextAsync(Path.Combine(dir, "score-demo.json"), CardJson.Serialize(DemoCard()));
            await File.WriteAllTextAsync(Path.Combine(dir, "model-sample.json"), CardJson.Serialize(CardSamples.EveryElement()));
            await File.WriteAllTextAsync(Path.Combine(dir, "trimmed.json"), CardJson.Serialize(CardJson.FitToSize(CardSamples.HugeList(3000))));

            var (code, output) = await CardValidation.ValidateAsync(dir);

            Assert.True(code == 0, "validate-cards.mjs failed:\n" + output);
            Assert.Contains("4/4 cards valid", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [CardValidatorFact]
    public async Task ValidateCards_BrokenCards_FailWithClearMessages()
    {
        string dir = Directory.CreateTempSubdirectory("territorybot-cards-").FullName;
        try
        {
            var chartWithoutFallback = new AdaptiveCard { Body = [new DonutChart(new TextBlock("x")) { Fallback = null }] };
            await File.WriteAllTextAsync(Path.Combine(dir, "chart.json"), CardJson.Serialize(chartWithoutFallback));
            await File.WriteAllTextAsync(Path.Combine(dir, "unknown.json"),
                """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"red"},{"type":"Carousel"}]}""");
            await File.WriteAllTextAsync(Path.Combine(dir, "version.json"),
                """{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"a","id":"d"},{"type":"TextBlock","text":"b","id":"d"}]}""");

            var (code, output) = await CardValidation.ValidateAsync(dir);

            Assert.Equal(1, code);
            Assert.Contains("0/3 cards valid", output, StringComparison.Ordinal);
            Assert.Contains("Chart.Donut has no fallback element", output, StringComparison.Ordinal);
            Assert.Contains("\"additionalProperty\":\"colour\"", output, StringComparison.Ordinal);
            Assert.Contains("\"Carousel\" is not an Adaptive Card 1.5 type", output, StringComparison.Ordinal);
            Assert.Contains("UnknownElementType", output, StringComparison.Ordinal);
            Assert.Contains("version is \"1.6\"", output, StringComparison.Ordinal);
            Assert.Contains("Duplicate Id", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
