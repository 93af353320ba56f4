using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tests.Planning;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;
using TerritoryBot.Tests.Plugins;

namespace TerritoryBot.Tests.Cards;

/// <summary>
/// The 4,200-account × 8-rep demo behind the size checks, with the team cards built once (the design run takes
/// seconds; it is memoised in the harness's workspace).
/// </summary>
public sealed class LargeDemoCards : IAsyncLifetime
{
    private ConversationHarness? harness;

    internal IReadOnlyDictionary<string, AdaptiveCard> Cards { get; private set; } = new Dictionary<string, AdaptiveCard>();

    public async Task InitializeAsync()
    {
        harness = new ConversationHarness(DemoGenerator.Generate(new DemoOptions(ConversationHarness.AsOf, 4200, 8, 3)).Data);
        const string ops = "R010", manager = "R009";
        var cards = new Dictionary<string, AdaptiveCard>();
        async Task Add(string name, Task<TurnResult> turn) => cards[name] = (await turn).Card ?? throw new InvalidOperationException(name + " has no card");
        await Add("large-scenarios", harness.AskAsync(ops, "compare scenarios"));
        await Add("large-rebalance", harness.AskAsync(ops, "rebalance with at most 10% of accounts moved"));
        await Add("large-fairness", harness.AskAsync(ops, "fairness check"));
        await Add("large-fairness-manager", harness.AskAsync(manager, "is the geographic scenario fair"));
        await Add("large-coverage", harness.AskAsync(ops, "where are our coverage gaps"));
        await Add("large-fit", harness.AskAsync(ops, "who fits the fintech accounts best"));
        Cards = cards;
    }

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }
}

public sealed class TeamCardsTests(TeamFixture small, LargeDemoCards large) : IClassFixture<TeamFixture>, IClassFixture<LargeDemoCards>
{
    /// <summary>The snapshot cards: every team card kind, on the two-team demo, by role.</summary>
    private async Task<Dictionary<string, AdaptiveCard>> SmallCardsAsync()
    {
        var cards = new Dictionary<string, AdaptiveCard>();
        async Task Add(string name, Task<TurnResult> turn) => cards[name] = (await turn).Card!;
        await Add("team-scenarios.ops", small.AskAsync(TeamData.Ops, "compare scenarios"));
        await Add("team-scenario.manager", small.PressAsync(TeamData.ManagerA, ScenariosPlugin.ShowVerb, """{"scenario":"rebalance","percent":10}"""));
        await Add("team-fairness.ops", small.AskAsync(TeamData.Ops, "fairness check before I announce"));
        await Add("team-fairness.manager", small.AskAsync(TeamData.ManagerB, "fairness check"));
        await Add("team-coverage.manager", small.AskAsync(TeamData.ManagerA, "where are our coverage gaps"));
        await Add("team-fit.ops", small.AskAsync(TeamData.Ops, "who fits the fintech accounts best"));
        await Add("team-fit.rep", small.AskAsync("R002", "how do I fit my accounts"));
        return cards;
    }

    [Theory]
    [InlineData("team-scenarios.ops")]
    [InlineData("team-scenario.manager")]
    [InlineData("team-fairness.ops")]
    [InlineData("team-fairness.manager")]
    [InlineData("team-coverage.manager")]
    [InlineData("team-fit.ops")]
    [InlineData("team-fit.rep")]
    public async Task Build_TwoTeamDemo_MatchesApprovedSnapshot(string name)
    {
        var cards = await SmallCardsAsync();
        Snapshot.Verify(CardJson.SerializeIndented(cards[name]), name, "json");
    }

    [Theory]
    [InlineData("large-scenarios")]
    [InlineData("large-rebalance")]
    [InlineData("large-fairness")]
    [InlineData("large-fairness-manager")]
    [InlineData("large-coverage")]
    [InlineData("large-fit")]
    public void Build_4200x8Demo_FitsTheSizeLimit(string name) =>
        Assert.InRange(CardJson.SizeInBytes(large.Cards[name]), 1, CardJson.MaxBytes);

    [Fact]
    public async Task Build_EveryChart_HasAFallbackListingTheSameBars()
    {
        foreach (var (name, card) in (await SmallCardsAsync()).Concat(large.Cards))
        {
            var charts = Walk(JsonNode.Parse(CardJson.Serialize(card))!["body"]!.AsArray()).Where(e => (string?)e["type"] == "Chart.HorizontalBar").ToList();
            foreach (var chart in charts)
            {
                var bars = chart["data"]!.AsArray();
                var facts = chart["fallback"]!["items"]!.AsArray()[1]!["facts"]!.AsArray();
                Assert.True(bars.Count == facts.Count, $"{name}: {bars.Count} bars, {facts.Count} fallback facts");
            }
        }
    }

    [Fact]
    public async Task Build_Buttons_AreExecuteWithSubmitFallbackAndKnownVerbs()
    {
        var known = new[]
        {
            ScenariosPlugin.CompareVerb, ScenariosPlugin.ShowVerb, ScenariosPlugin.ProposeVerb, FairnessPlugin.ShowVerb, FairnessPlugin.ProposeVerb,
        };
        foreach (var (name, card) in await SmallCardsAsync())
        {
            foreach (var action in JsonNode.Parse(CardJson.Serialize(card))!["actions"]?.AsArray() ?? [])
            {
                Assert.Equal("Action.Execute", (string?)action!["type"]);
                Assert.Contains((string)action["verb"]!, known);
                Assert.Equal((string?)action["verb"], (string?)action["fallback"]!["data"]!["verb"]);
            }
        }
    }

    [CardValidatorFact]
    public async Task ValidateCards_EveryTeamCard_PassesOfficialSchemaAndRenderer()
    {
        var cards = (await SmallCardsAsync()).Concat(large.Cards).ToList();
        cards.Add(new("team-hostile", HostileCard()));
        string dir = Directory.CreateTempSubdirectory("territorybot-team-cards-").FullName;
        try
        {
            foreach (var (name, card) in cards)
            {
                await File.WriteAllTextAsync(Path.Combine(dir, name + ".json"), CardJson.Serialize(card));
            }

            var (code, output) = await CardValidation.ValidateAsync(dir);

            Assert.True(code == 0, "validate-cards.mjs failed:\n" + output);
            Assert.Contains($"{cards.Count}/{cards.Count} cards valid", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Build_HostileRepName_IsEscapedInTextBlocksAndPlainInChartData()
    {
        var json = CardJson.Serialize(HostileCard());
        Assert.Contains(CardText.Escape("*Boss* [win](http://evil.example)"), json, StringComparison.Ordinal);
        Assert.Contains("\"x\":\"*Boss* [win](http://evil.example) (R001)\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("**Boss**", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("Smith_&_*Sons*", "Smith\uFF3F&\uFF3F\u2217Sons\u2217")]
    [InlineData("[click](http://x)", "\uFF3Bclick\uFF3D(http:\u2060//x)")]
    [InlineData("- not a list", "\u200B- not a list")]
    [InlineData("1. not a list", "\u200B1. not a list")]
    [InlineData("a\nb - c\n+ d", "a b - c + d")]
    [InlineData(@"back\slash `code` ~strike~", "back\\slash \u02CBcode\u02CB \u223Cstrike\u223C")]
    [InlineData("", "")]
    public void Escape_MarkdownCharacters_BecomeLookAlikes(string text, string expected) =>
        Assert.Equal(expected, CardText.Escape(text));

    private static AdaptiveCard HostileCard()
    {
        var data = ConversationHarness.Demo(60, reps: 2, seed: 4);
        data = data with { Reps = [.. data.Reps.Select(r => r.RepId == "R001" ? r with { Name = "*Boss* [win](http://evil.example)" } : r)] };
        var fit = Core.Fit.FitEngine.Analyze(data);
        var view = new FitView(false, true, "", null,
            [.. fit.Reps.Select(r => new FitRow(r.RepId, r.Name, r.Seniority, r.Ramping, r.IndustryStrengths, new RateFigure(r.Overall.Smoothed, r.Overall.Wins, r.Overall.Deals),
                [], [], r.OpenPipeline, r.Quota, r.PipelineCoverage, r.ThinPipeline))],
            [], fit.PriorStrength);
        return view.ToCard()!;
    }

    private static IEnumerable<JsonNode> Walk(JsonArray elements)
    {
        foreach (var e in elements)
        {
            yield return e!;
            foreach (var key in new[] { "items", "body" })
            {
                if (e![key] is JsonArray children)
                {
                    foreach (var c in Walk(children))
                    {
                        yield return c;
                    }
                }
            }

            if (e!["columns"] is JsonArray columns)
            {
                foreach (var c in columns.SelectMany(col => Walk(col!["items"]!.AsArray())))
                {
                    yield return c;
                }
            }
        }
    }
}
