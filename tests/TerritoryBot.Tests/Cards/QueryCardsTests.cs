using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Cards;

/// <summary>The issue-14 cards through the conversation core: schema and renderer, size, Slack and plain-text renderings, buttons that work.</summary>
public sealed class QueryCardsTests(QuestionSetFixture fixture) : IClassFixture<QuestionSetFixture>
{
    public static TheoryData<string, string, string> Requests => new()
    {
        { "figure", "R003", "how many of my accounts are in Texas?" },
        { "sum", "R001", "what's my current ARR in Healthcare?" },
        { "extreme", "R001", "which of my non-customer accounts is growing fastest?" },
        { "ranked", "R002", "my top 3 healthcare accounts by potential" },
        { "list", "R001", "list my Retail accounts in Seattle" },
        { "rep-ranking", QuestionSet.Manager, "which rep on my team has the most customers?" },
        { "group", QuestionSet.Ops, "which rep has the most open pipeline" },
        { "not-understood", "R003", "how many of my accounts in Texas renewed with a discount" },
        { "standing", "R001", "where do I stand?" },
        { "why", "R001", "why is A001742 Strategic?" },
        { "why-two", "R004", "why is A000969 ranked above A000707?" },
        { "draft", "R001", "draft a note to my manager about my Healthcare pipeline" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Ask_QueryCard_FitsRendersInSlackAndPlainText(string kind, string caller, string text)
    {
        var result = await fixture.Harness.AskAsync(caller, text);
        Assert.True(result.Card is not null, $"{kind}: no card ({result.View.GetType().Name}: {result.Text})");
        Assert.Equal("1.5", result.Card!.Version);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(result.CardJsonText!), 100, CardJson.MaxBytes);
        var slack = BlockKit.Render(result.Card, result.Text);
        Assert.NotEmpty(slack.Blocks);
        var plain = CardPlainText.Render(result.Card);
        Assert.False(string.IsNullOrWhiteSpace(plain));
    }

    [Fact]
    public async Task Press_AccountDetailsOnQueryCard_OpensTheAccount()
    {
        var result = await fixture.Harness.AskAsync("R001", "list my Retail accounts in Seattle");
        var view = Assert.IsType<QueryAnswerView>(result.View);
        var first = view.Accounts[0].AccountId;
        var pressed = await fixture.Harness.PressAsync("R001", AccountsPlugin.ShowVerb, new JsonObject { ["accountId"] = first });
        Assert.Equal(Intent.AccountLookup, pressed.Intent);
        Assert.Contains(first, pressed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Press_NearestExactQuestion_AnswersIt()
    {
        var partial = await fixture.Harness.AskAsync("R003", "how many of my accounts in Texas renewed with a discount");
        var view = Assert.IsType<QueryNotUnderstoodView>(partial.View);
        Assert.NotNull(view.Suggestion);
        Assert.Contains("renewed", view.NotUnderstood);
        var pressed = await fixture.Harness.PressAsync("R003", QueryPlugin.AskVerb, new JsonObject { ["question"] = view.Suggestion });
        var answer = Assert.IsType<QueryAnswerView>(pressed.View);
        var expected = fixture.Book.Visible("R003").Count(r => r.State == "TX");
        Assert.Equal(expected, answer.MatchCount);
    }

    [Fact]
    public async Task Press_QuestionLongerThanLimit_ClearErrorNoAnswer()
    {
        var pressed = await fixture.Harness.PressAsync("R003", QueryPlugin.AskVerb, new JsonObject { ["question"] = new string('x', 400) });
        Assert.IsType<TextReply>(pressed.View);
        Assert.Contains("question", pressed.Text, StringComparison.Ordinal);
    }

    [CardValidatorFact]
    public async Task ValidateCards_EveryQueryCardKind_PassesOfficialSchemaAndRenderer()
    {
        string dir = Directory.CreateTempSubdirectory("territorybot-query-cards-").FullName;
        try
        {
            var count = 0;
            foreach (var row in Requests)
            {
                var (kind, caller, text) = ((string)row[0], (string)row[1], (string)row[2]);
                var result = await fixture.Harness.AskAsync(caller, text);
                await File.WriteAllTextAsync(Path.Combine(dir, $"{kind}.json"), CardJson.Serialize(result.Card!));
                count++;
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
}
