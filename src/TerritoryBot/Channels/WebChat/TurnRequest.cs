using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryBot.Conversation;

namespace TerritoryBot.Channels.WebChat;

/// <summary>
/// The body of <c>POST /api/webchat/turns</c>: <c>{"userId","text"}</c> or <c>{"userId","action":{"verb","data"}}</c>.
/// Parsed strictly (known fields only, right types) so that a mistake gets a 400 naming it instead of a guess.
/// </summary>
internal sealed record TurnRequest(string UserId, string? Text, CardActionInput? Action)
{
    public const int MaxIdLength = 100;

    public Turn ToTurn() => new(new ChannelUser(ChannelKind.WebChat, UserId), "webchat:" + UserId, Text, Action);

    /// <summary>The request, or null with the reason it cannot be used.</summary>
    public static TurnRequest? Parse(ReadOnlySpan<byte> body, out string? error)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            error = $"the body is not valid JSON ({e.Message})";
            return null;
        }

        if (root is not JsonObject obj)
        {
            error = "the body must be a JSON object: {\"userId\", \"text\"} or {\"userId\", \"action\": {\"verb\", \"data\"}}";
            return null;
        }

        string? userId = null, text = null;
        CardActionInput? action = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "userId":
                    userId = ShortText(value, "userId", out error);
                    break;
                case "text":
                    text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
                    error = text is null ? "'text' must be a string" : text.Trim().Length == 0 ? "'text' is empty" : null;
                    break;
                case "action":
                    action = ParseAction(value, out error);
                    break;
                default:
                    error = $"unknown field '{TextClip.Clip(key, TextClip.EchoedName)}' (expected userId with text or action)";
                    break;
            }

            if (error is not null)
            {
                return null;
            }
        }

        error = (userId, text, action) switch
        {
            (null, _, _) => "'userId' is missing",
            (_, null, null) => "'text' or 'action' is required",
            (_, not null, not null) => "send 'text' or 'action', not both",
            _ => null,
        };
        return error is null ? new TurnRequest(userId!, text, action) : null;
    }

    private static CardActionInput? ParseAction(JsonNode? value, out string? error)
    {
        if (value is not JsonObject action)
        {
            error = "'action' must be an object {\"verb\", \"data\"}";
            return null;
        }

        string? verb = null;
        JsonObject data = [];
        foreach (var (key, field) in action)
        {
            switch (key)
            {
                case "verb":
                    verb = ShortText(field, "action.verb", out error);
                    break;
                case "data" when field is null:
                    error = null;
                    break;
                case "data" when field is JsonObject fields:
                    data = fields;
                    error = null;
                    break;
                case "data":
                    error = "'action.data' must be an object";
                    break;
                default:
                    error = $"unknown field 'action.{TextClip.Clip(key, TextClip.EchoedName)}' (expected verb and data)";
                    break;
            }

            if (error is not null)
            {
                return null;
            }
        }

        if (verb is null)
        {
            error = "'action.verb' is missing";
            return null;
        }

        // Detached from the request document so the core can read it freely.
        action.Remove("data");
        error = null;
        return new CardActionInput(verb, data);
    }

    private static string? ShortText(JsonNode? value, string name, out string? error)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 and <= MaxIdLength } s)
        {
            error = null;
            return s;
        }

        error = $"'{name}' must be a non-empty string of at most {MaxIdLength} characters";
        return null;
    }

}
