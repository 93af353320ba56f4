using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Tests.Planning;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;
using TerritoryBot.Tests.Plugins;

namespace TerritoryBot.Tests.Cards;

/// <summary>
/// Every rep card kind, produced through the conversation core: approved snapshots on the two-team demo (with a
/// hostile account name), no markup from data, the official schema and renderer, and the size limit on 4,200 accounts.
/// </summary>
public sealed class RepCardsTests : IClassFixture<RepCardsTests.Fixture>
{
    private readonly Fixture fixture;

    public RepCardsTests(Fixture fixture) => this.fixture = fixture;

    public sealed class Fixture : IAsyncDisposable
    {
        internal ConversationHarness Small { get; } = new(RepPluginData.TwoTeams());

        private readonly Lazy<ConversationHarness> large = new(() => new ConversationHarness(ConversationHarness.Demo(accounts: 4200, reps: 8, seed: 3)));

        /// <summary>The 4,200-account, 8-rep demo: R001–R008 reps, R009 their manager, R010 ops.</summary>
        internal ConversationHarness Large => large.Value;

        public async ValueTask DisposeAsync()
        {
            await Small.DisposeAsync();
            if (large.IsValueCreated)
            {
                await large.Value.DisposeAsync();
            }
        }
    }

    public static TheoryData<string> Kinds => new(CardRequests(RepPluginData.TwoTeams()).Select(r => r.Kind));

    /// <summary>One request per card kind: (kind, who asks, text or verb, verb data).</summary>
    private static IEnumerable<(string Kind, string Caller, string? Text, string? Verb, JsonObject? Data)> CardRequests(Core.Model.DataSet data)
    {
        var manager = data.Reps.First(r => r.Role == Core.Model.RepRole.Manager).RepId;
        string hostile = data.Accounts.FirstOrDefault(a => a.Name == RepPluginData.HostileName)?.AccountId
            ?? data.Accounts.First(a => a.OwnerId == "R001").AccountId;
        return
        [
            ("territory", "R001", "show my territory", null, null),
            ("team-overview", manager, "show my territory", null, null),
            ("territory-doc", "R001", "territory doc", null, null),
            ("transition", "R001", "transition package", null, null),
            ("top-accounts", "R001", "my top 10 accounts", null, null),
            ("account", "R001", null, AccountsPlugin.ShowVerb, new JsonObject { ["accountId"] = hostile }),
            ("score-summary", "R001", "score summary", null, null),
            ("tier-review", "R001", "tier review", null, null),
            ("whitespace", "R001", "whitespace I should prospect", null, null),
            ("business-plan", "R001", "build my business plan", null, null),
            ("rep-choice", manager, "build my business plan", null, null),
        ];
    }

    private static async Task<TurnResult> RequestAsync(ConversationHarness harness, string kind)
    {
        var r = CardRequests(harness.Data).Single(x => x.Kind == kind);
        var result = r.Text is not null ? await harness.AskAsync(r.Caller, r.Text) : await harness.PressAsync(r.Caller, r.Verb!, r.Data);
        Assert.True(result.Card is not null, $"{kind}: no card ({result.View.GetType().Name}: {result.Text})");
        return result;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Card_TwoTeamDemo_MatchesApprovedSnapshot(string kind)
    {
        var result = await RequestAsync(fixture.Small, kind);
        Snapshot.Verify(CardJson.SerializeIndented(result.Card!), $"rep-card.{kind}", "json");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Card_DataWithMarkup_NoTextBecomesMarkup(string kind)
    {
        var result = await RequestAsync(fixture.Small, kind);
        var json = JsonNode.Parse(CardJson.Serialize(result.Card!))!;
        foreach (var text in Texts(json["body"]!))
        {
            foreach (var trigger in new[] { "*", "_", "[", "](", "://", "{{", "<", "`" })
            {
                Assert.False(text.Contains(trigger, StringComparison.Ordinal), $"{kind}: \"{text}\" contains {trigger}");
            }

            Assert.False(text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("+ ", StringComparison.Ordinal), $"{kind}: \"{text}\" starts a list");
        }
    }

    [Fact]
    public async Task AccountCard_HostileName_ShownEscapedNotRaw()
    {
        var result = await RequestAsync(fixture.Small, "account");
        string json = CardJson.Serialize(result.Card!);
        Assert.DoesNotContain(RepPluginData.HostileName, json, StringComparison.Ordinal);
        Assert.Contains(CardText.Escape(RepPluginData.HostileName), json, StringComparison.Ordinal);
        Assert.Contains(CardText.Escape(RepPluginData.HostileNotes).TrimStart('\u200B'), json, StringComparison.Ordinal);
        // The plain text stays the data as it is: it is never rendered as markdown.
        Assert.Contains(RepPluginData.HostileName, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Card_4200AccountDemo_FitsTheSizeLimit(string kind)
    {
        var result = await RequestAsync(fixture.Large, kind);
        int size = CardJson.SizeInBytes(result.Card!);
        Assert.InRange(size, 200, CardJson.MaxBytes);
        Assert.Equal("1.5", result.Card!.Version);
        Assert.False(string.IsNullOrWhiteSpace(result.Card.FallbackText));
    }

    [CardValidatorFact]
    public async Task ValidateCards_EveryRepCardKind_PassesOfficialSchemaAndRenderer()
    {
        string dir = Directory.CreateTempSubdirectory("territorybot-rep-cards-").FullName;
        try
        {
            int count = 0;
            foreach (var (name, harness) in new[] { ("small", fixture.Small), ("large", fixture.Large) })
            {
                foreach (var (kind, _, _, _, _) in CardRequests(harness.Data))
                {
                    var result = await RequestAsync(harness, kind);
                    await File.WriteAllTextAsync(Path.Combine(dir, $"{name}-{kind}.json"), CardJson.Serialize(result.Card!));
                    count++;
                }
            }

            var (code, output) = await CardValidation.ValidateAsync(dir);

            Assert.True(code == 0, "validate-cards.mjs failed:\n" + output);
            Assert.Contains($"{count}/{count} cards valid", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every rendered string of a card body: TextBlock texts, fact titles and values, chart labels.</summary>
    private static IEnumerable<string> Texts(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key is "data" && o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit")
                    {
                        continue;
                    }

                    if (value is JsonValue v && key is "text" or "title" or "value" or "x" or "legend" && v.TryGetValue<string>(out var s))
                    {
                        yield return s;
                    }
                    else if (value is not null)
                    {
                        foreach (var t in Texts(value))
                        {
                            yield return t;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        foreach (var t in Texts(item))
                        {
                            yield return t;
                        }
                    }
                }

                break;
        }
    }
}
