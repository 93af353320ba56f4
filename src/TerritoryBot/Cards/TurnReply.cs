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
        var card = result.CardJsonText is { } json ? JsonNode.Parse(json)!.AsObject() : null;
        return new TurnReply(result.IntentName, result.Text, card);
    }

    /// <summary>
    /// The same shape as compact UTF-8 JSON, with the card's already serialised JSON copied in as it is; written once
    /// per answer (kept answers are shared by many turns). The bytes are shared: never modify them.
    /// </summary>
    public static byte[] ToUtf8Json(TurnResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Utf8Reply ??= Write(result);
    }

    private static byte[] Write(TurnResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + (result.CardJsonText?.Length ?? 0));
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("intent", result.IntentName);
            writer.WriteString("text", result.Text);
            writer.WritePropertyName("card");
            if (result.CardJsonText is { } card)
            {
                writer.WriteRawValue(card, skipInputValidation: true);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
