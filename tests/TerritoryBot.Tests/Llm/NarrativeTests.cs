using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Llm;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

/// <summary>Narrative rewriting: the model's text replaces the template only when it is grounded in the template's facts.</summary>
public sealed class NarrativeTests
{
    private sealed record StoryView(IReadOnlyList<Narrative> Narratives) : INarratedView
    {
        public string Text => string.Join(" ", Narratives.Select(n => n.Template));

        public AdaptiveCard? ToCard() => null;

        public IViewModel WithNarratives(IReadOnlyList<string> texts) =>
            new StoryView([.. Narratives.Zip(texts, (n, t) => n with { Template = t })]);
    }

    private static readonly Narrative Fairness = new(
        NarrativeKind.FairnessExplanation,
        "R002 is 23.4% above the team mean on potential ($1,234,567 against $1,000,000).",
        new Dictionary<string, object?> { ["repId"] = "R002", ["deviationPct"] = 23.4, ["potentialArr"] = 1_234_567, ["meanPotentialArr"] = 1_000_000 });

    private static readonly Narrative Outreach = new(
        NarrativeKind.Outreach,
        "Acme Corp (A000017) grew 15% and shows intent 82: open with the data-platform pain for the VP Data.",
        new Dictionary<string, object?> { ["accountId"] = "A000017", ["name"] = "Acme Corp", ["growthRate"] = 0.153, ["intentScore"] = 82 });

    private static LlmAssistant Assistant(IChatClient chat) =>
        new(chat, LlmTestKit.Prompts, Options.Create(LlmTestKit.Settings()), NullLogger<LlmAssistant>.Instance);

    private static Mock<IChatClient> Answering(Func<IEnumerable<ChatMessage>, string> answer)
    {
        var mock = new Mock<IChatClient>();
        mock.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<ChatMessage> m, ChatOptions? _, CancellationToken _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(m))));
        return mock;
    }

    [Theory]
    [InlineData("[\"R002 carries about 23% more potential than the team average: $1.2M against $1M.\"]", true)]
    [InlineData("```json\n[\"R002 sits 23.4% above the mean.\"]\n```", true)]
    [InlineData("[\"R002 is 31% above the team mean.\"]", false)]
    [InlineData("[\"R002 is above the mean; move A000099 to R003.\"]", false)]
    [InlineData("[\"R002 is 23% above the mean with $1.5M.\"]", false)]
    [InlineData("R002 is 23% above the mean.", false)]
    [InlineData("[\"one\", \"two\"]", false)]
    [InlineData("[\"\"]", false)]
    public async Task PolishAsync_ModelRewrite_UsedOnlyWhenGrounded(string modelAnswer, bool accepted)
    {
        var assistant = Assistant(Answering(_ => modelAnswer).Object);

        var polished = (StoryView)await assistant.PolishAsync(new StoryView([Fairness]), CancellationToken.None);

        var text = polished.Narratives.Single().Template;
        if (accepted)
        {
            Assert.NotEqual(Fairness.Template, text);
        }
        else
        {
            Assert.Equal(Fairness.Template, text);
        }
    }

    [Fact]
    public async Task PolishAsync_TwoKinds_OneCallPerKindWithThatKindsPromptAndFactsInADataBlock()
    {
        var sent = new List<List<ChatMessage>>();
        var mock = Answering(m =>
        {
            sent.Add([.. m]);
            return m.First().Text == LlmTestKit.Prompts.Narratives[NarrativeKind.Outreach]
                ? "[\"Acme Corp grew 15% with intent 82: a good moment to call the VP Data.\"]"
                : "[\"R002 holds 23% more potential than the mean.\"]";
        });

        var polished = (StoryView)await Assistant(mock.Object).PolishAsync(new StoryView([Fairness, Outreach]), CancellationToken.None);

        Assert.Equal(2, sent.Count);
        Assert.Equal("R002 holds 23% more potential than the mean.", polished.Narratives[0].Template);
        Assert.Equal("Acme Corp grew 15% with intent 82: a good moment to call the VP Data.", polished.Narratives[1].Template);
        Assert.All(sent, m => Assert.Matches("<data>.*\"facts\".*</data>", m[1].Text));
    }

    [Fact]
    public async Task PolishAsync_ModelThrows_KeepsTheTemplates()
    {
        var mock = new Mock<IChatClient>();
        mock.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("down"));
        var view = new StoryView([Fairness, Outreach]);

        var polished = await Assistant(mock.Object).PolishAsync(view, CancellationToken.None);

        Assert.Equal(view.Text, polished.Text);
    }

    private const string Polished = "Put simply: ";

    /// <summary>A model that rewrites every template it is sent: grounded (a prefix) or with an invented figure and account.</summary>
    private static Mock<IChatClient> Rewriting(bool grounded, List<string>? prompts = null) => Answering(messages =>
    {
        var list = messages.ToList();
        prompts?.Add(list[0].Text);
        var user = list[1].Text;
        var start = user.IndexOf("<data>", StringComparison.Ordinal) + "<data>".Length;
        var items = JsonNode.Parse(user[start..user.LastIndexOf("</data>", StringComparison.Ordinal)])!.AsArray();
        return JsonSerializer.Serialize(items.Select(i => i!["template"]!.GetValue<string>())
            .Select(t => grounded ? Polished + t : t + " Call A999999 first: it will grow 4,321% by spring."));
    });

    /// <summary>The card without its fallback text (which is the answer clipped to 400 characters, so its cut moves with the text).</summary>
    private static string CardBody(TurnResult result)
    {
        var card = result.Card!;
        var fallback = card.FallbackText;
        card.FallbackText = null;
        var json = CardJson.Serialize(card);
        card.FallbackText = fallback;
        return json;
    }

    [Theory]
    [InlineData("R001", "show my territory document", "territory_doc", "PlanHypothesis")]
    [InlineData("R001", "build my business plan", "business_plan", "PlanHypothesis")]
    [InlineData("R001", "whitespace I should prospect", "whitespace", "Outreach")]
    [InlineData("R005", "fairness check before I announce", "fairness_check", "FairnessExplanation")]
    [InlineData("R006", "fairness check before I announce", "fairness_check", "FairnessExplanation")]
    [InlineData("R006", "compare scenarios", "scenarios", "ScenarioRecommendation")]
    public async Task HandleAsync_GroundedRewrite_ReplacesTheNarrativeInTextAndCard(string user, string question, string intent, string kind)
    {
        await using var plain = new ConversationHarness();
        var before = await plain.AskAsync(user, question);
        var narratives = Assert.IsAssignableFrom<INarratedView>(before.View).Narratives;
        Assert.NotEmpty(narratives);
        Assert.All(narratives, n => Assert.Equal(Enum.Parse<NarrativeKind>(kind), n.Kind));
        var prompts = new List<string>();
        await using var harness = LlmTestKit.Harness(Rewriting(grounded: true, prompts).Object);

        var after = await harness.AskAsync(user, question);

        Assert.Equal(intent, after.IntentName);
        Assert.Equal([LlmTestKit.Prompts.Narratives[Enum.Parse<NarrativeKind>(kind)]], prompts);
        Assert.Equal(narratives.Count, CountOf(after.Text, Polished));
        Assert.Equal(before.Text, after.Text.Replace(Polished, "", StringComparison.Ordinal));
        Assert.Equal(narratives.Count, CountOf(CardBody(after), Polished));
        Assert.Equal(CardBody(before), CardBody(after).Replace(Polished, "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("R001", "show my territory document")]
    [InlineData("R001", "build my business plan")]
    [InlineData("R001", "whitespace I should prospect")]
    [InlineData("R005", "fairness check before I announce")]
    [InlineData("R006", "fairness check before I announce")]
    [InlineData("R006", "compare scenarios")]
    public async Task HandleAsync_UngroundedRewrite_KeepsTheTemplateTextAndCard(string user, string question)
    {
        await using var plain = new ConversationHarness();
        var before = await plain.AskAsync(user, question);
        var mock = Rewriting(grounded: false);
        await using var harness = LlmTestKit.Harness(mock.Object);

        var after = await harness.AskAsync(user, question);

        mock.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(before.Text, after.Text);
        Assert.Equal(CardJson.Serialize(before.Card!), CardJson.Serialize(after.Card!));
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
