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
    public JsonNode? Content { get; init; }
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
internal sealed record InvokeResponse(int Status, JsonNode? Body);

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
