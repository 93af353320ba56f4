using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryBot.Channels.Teams;

namespace TerritoryBot.Tests.Channels.Teams;

public sealed class ActivityJsonTests
{
    private const string Card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Tier \u201CA\u201D \u003Cb\u003E"}]}""";

    [Fact]
    public void Attachment_RawCard_WrittenAsTheSameJsonObject()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = TeamsJson.AdaptiveCardContentType, Content = new RawJson(Card) }],
        };

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJson.Options))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Card), written["attachments"]![0]!["content"]));
    }

    [Fact]
    public void Attachment_Read_KeepsTheContentsRawText()
    {
        var json = $$"""{"type":"message","attachments":[{"contentType":"{{TeamsJson.AdaptiveCardContentType}}","content":{{Card}}}]}""";

        var activity = JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;

        Assert.Equal(Card, activity.Attachments![0].Content!.Json);
    }

    [Fact]
    public void InvokeBody_CardTextOrError_WrittenByTheValuesType()
    {
        static JsonNode Write(InvokeBody body) => JsonNode.Parse(JsonSerializer.Serialize(body, TeamsJson.Options))!;

        var card = Write(new InvokeBody(200, TeamsJson.AdaptiveCardContentType, new RawJson(Card)));
        Assert.Equal("AdaptiveCard", (string?)card["value"]!["type"]);
        Assert.Equal(200, (int?)card["statusCode"]);
        Assert.Equal("plain words", (string?)Write(new InvokeBody(200, TeamsJson.MessageContentType, "plain words"))["value"]);
    }
}
