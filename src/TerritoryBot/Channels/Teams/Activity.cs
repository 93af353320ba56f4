using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TerritoryBot.Channels.Teams;

// The Bot Framework activity, only the fields PROTOCOLS.md A lists. Unknown fields are ignored on the way in;
// nulls are left out on the way out (TeamsJson).

internal sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }

    /// <summary>Action.Submit data (a message) or the invoke payload; any JSON.</summary>
    public JsonNode? Value { get; init; }

    /// <summary>The invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public string? Locale { get; init; }

    /// <summary><c>expectReplies</c>: the replies go back in the HTTP response instead of through the connector.</summary>
    public string? DeliveryMode { get; init; }
}

internal sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
}

internal sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
}

internal sealed record Attachment
{
    public string? ContentType { get; init; }
    public RawJson? Content { get; init; }

    /// <summary>An Adaptive Card attachment carrying the card's already serialised JSON.</summary>
    public static Attachment AdaptiveCard(RawJson card) => new() { ContentType = TeamsJson.AdaptiveCardContentType, Content = card };
}

/// <summary>
/// JSON kept as text and written as it is: a card the conversation core has already serialised (parsing it into
/// nodes only to write it out again was a tenth of a Teams turn). Read as the value's raw text.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed record RawJson(string Json);

internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}

/// <summary>An activity entity; mentions carry <c>mentioned</c> and <c>text</c> ("&lt;at&gt;Name&lt;/at&gt;").</summary>
internal sealed record Entity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }
}

internal sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public JsonNode? Team { get; init; }
    public JsonNode? Channel { get; init; }
}

internal sealed record TenantInfo(string? Id);

/// <summary>POST …/v3/conversations: a new 1:1 conversation for a proactive message.</summary>
internal sealed record ConversationParameters
{
    public required ChannelAccount Bot { get; init; }
    public required IReadOnlyList<ChannelAccount> Members { get; init; }
    public bool IsGroup { get; init; }
    public string? TenantId { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}

/// <summary>The connector's answer to a send or create: the new resource id.</summary>
internal sealed record ResourceResponse(string? Id);

/// <summary>An invoke's answer: HTTP status and body (<c>{statusCode,type,value}</c> for adaptive card actions).</summary>
internal sealed record InvokeResponse(int Status, InvokeBody? Body);

/// <summary>
/// The body of an <c>adaptiveCard/action</c> answer: <see cref="Value"/> is the card (<see cref="RawJson"/>), the
/// message text, or an error object, written by its runtime type.
/// </summary>
internal sealed record InvokeBody(int StatusCode, string Type, object Value);

internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
}

internal static class TeamsJson
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    /// <summary>camelCase both ways, case-insensitive reading, nulls left out when writing.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Input nesting beyond this is hostile, not a chat message.
        MaxDepth = 64,
    };
}
