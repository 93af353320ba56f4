using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Cards;

public sealed class TurnReplyTests
{
    [Theory]
    [InlineData("R001", "show my territory")]
    [InlineData("R001", "qwzx plorb")]
    [InlineData("R999", "show my territory")]
    public async Task ToUtf8Json_AnyAnswer_SameDocumentAsTheObjectShape(string user, string text)
    {
        await using var harness = new ConversationHarness();
        var result = await harness.AskAsync(user, text);

        var raw = JsonNode.Parse(TurnReply.ToUtf8Json(result))!;
        var viaObject = JsonSerializer.SerializeToNode(TurnReply.From(result), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.True(JsonNode.DeepEquals(viaObject, raw), raw.ToJsonString());
        Assert.Equal(["intent", "text", "card"], raw.AsObject().Select(p => p.Key));
    }
}
