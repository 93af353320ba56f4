using System.Text.Json.Nodes;
using TerritoryBot.Conversation;

namespace TerritoryBot.Cards;

/// <summary>
/// The wire shape of one answered turn, shared by <c>territorybot ask --json</c> and the web chat API:
/// <c>{"intent","text","card"}</c> (DATA.md), card being the Adaptive Card 1.5 object or null.
/// </summary>
internal sealed record TurnReply(string Intent, string Text, JsonObject? Card)
{
    public static TurnReply From(TurnResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // The card goes through CardJson (its naming, enum and null rules), then travels as a JSON object.
        var card = result.Card is null ? null : JsonNode.Parse(CardJson.Serialize(result.Card))!.AsObject();
        return new TurnReply(result.IntentName, result.Text, card);
    }
}
