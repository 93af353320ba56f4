using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;

namespace TerritoryBot.Channels.Teams;

/// <summary>Where the bot's messages go: the connector REST API, or the HTTP response for <c>expectReplies</c>.</summary>
internal interface IActivitySink
{
    Task SendAsync(Activity inbound, Activity reply, CancellationToken ct);

    /// <summary>Replaces the message <paramref name="activityId"/> (an Action.Submit's card) with <paramref name="update"/>.</summary>
    Task UpdateAsync(Activity inbound, string activityId, Activity update, CancellationToken ct);
}

/// <summary>
/// Translates an authenticated activity into conversation-core turns and their results back into activities or
/// invoke responses (PROTOCOLS.md A). No business logic: the core decides what every answer says.
/// </summary>
internal sealed class TeamsBot(ConversationCore core, ILogger<TeamsBot> logger)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>
    /// Text-only replies are cut here: Teams refuses messages over 100 KB counted as UTF-16, so 40,000 characters
    /// (80 KB) leaves room for the envelope. Cards are already held to 28 KB by the card model.
    /// </summary>
    public const int MaxReplyTextLength = 40_000;

    /// <summary>At most this many greetings for one conversationUpdate (a bulk add must not become a message storm).</summary>
    public const int MaxGreetingsPerUpdate = 3;

    public async Task OnMessageAsync(Activity activity, IActivitySink sink, CancellationToken ct)
    {
        var user = User(activity.From);
        var conversationId = activity.Conversation?.Id ?? "";
        if (string.IsNullOrWhiteSpace(activity.Text) && activity.Value is JsonObject submitted)
        {
            // Action.Submit: the action's data (with "verb") merged with input values; the answer replaces the card.
            var verb = submitted["verb"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
            var result = await core.HandleAsync(Turn.CardAction(user, conversationId, verb, Detach(submitted)), ct);
            if (result.Card is not null && !string.IsNullOrEmpty(activity.ReplyToId))
            {
                var update = Outgoing(activity, result) with { Id = activity.ReplyToId, ReplyToId = null };
                await sink.UpdateAsync(activity, activity.ReplyToId, update, ct);
            }
            else
            {
                // A text answer (a refusal, a bad button) is a new message: replacing the card with it would lose the card.
                await sink.SendAsync(activity, Outgoing(activity, result), ct);
            }

            return;
        }

        var text = StripBotMentions(activity);
        var answer = await core.HandleAsync(Turn.Message(user, conversationId, text), ct);
        await sink.SendAsync(activity, Outgoing(activity, answer), ct);
    }

    /// <summary>Greets each person (not the bot) added to the conversation, as the core answers "help" for them.</summary>
    public async Task OnConversationUpdateAsync(Activity activity, IActivitySink sink, CancellationToken ct)
    {
        var botId = activity.Recipient?.Id;
        var people = (activity.MembersAdded ?? [])
            .Where(m => !string.IsNullOrEmpty(m?.Id) && !string.Equals(m.Id, botId, StringComparison.Ordinal))
            .Take(MaxGreetingsPerUpdate)
            .ToList();
        foreach (var member in people)
        {
            // Teams names the added member's AAD object id on the member; fall back to the sender in 1:1 chats.
            var aad = member.AadObjectId ?? (member.Id == activity.From?.Id ? activity.From?.AadObjectId : null);
            var user = new ChannelUser(ChannelKind.Teams, aad ?? "", member.Name);
            var result = await core.HandleAsync(Turn.Message(user, activity.Conversation?.Id ?? "", "help"), ct);
            var greeting = Outgoing(activity, result) with { ReplyToId = null };
            await sink.SendAsync(activity with { Id = null }, greeting, ct);
        }
    }

    /// <summary>An invoke: <c>adaptiveCard/action</c> (Action.Execute) is answered with the card that replaces the old one.</summary>
    public async Task<InvokeResponse> OnInvokeAsync(Activity activity, CancellationToken ct)
    {
        if (!string.Equals(activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            logger.LogInformation("Invoke {Name} is not handled: 501", TextClip.Clip(activity.Name ?? "(none)", TextClip.LogValue));
            return new InvokeResponse(501, null);
        }

        // The checks and error codes of the SDK's ActivityHandler: malformed → BadRequest, other action types → NotSupported.
        if (activity.Value is not JsonObject value)
        {
            return Error(400, "BadRequest", "Missing value property");
        }

        if (value["action"] is not JsonObject action)
        {
            return Error(400, "BadRequest", "Missing action property");
        }

        var type = action["type"] is JsonValue t && t.TryGetValue<string>(out var typeText) ? typeText : null;
        if (!string.Equals(type, "Action.Execute", StringComparison.Ordinal))
        {
            return Error(400, "NotSupported", $"The action '{TextClip.Clip(type ?? "(none)", TextClip.LogValue)}' is not supported.");
        }

        if (action["verb"] is not JsonValue verbNode || !verbNode.TryGetValue<string>(out var verb) || string.IsNullOrWhiteSpace(verb))
        {
            return Error(400, "BadRequest", "Missing or invalid verb");
        }

        JsonObject data;
        switch (action["data"])
        {
            case null:
                data = [];
                break;
            case JsonObject obj:
                data = Detach(obj);
                break;
            default:
                return Error(400, "BadRequest", "The action's data must be an object");
        }

        var result = await core.HandleAsync(Turn.CardAction(User(activity.From), activity.Conversation?.Id ?? "", verb, data), ct);
        return new InvokeResponse(200, CardContent(result) is { } card
            ? new InvokeBody(200, TeamsJson.AdaptiveCardContentType, card)
            : new InvokeBody(200, TeamsJson.MessageContentType, TextClip.Clip(result.Text, MaxReplyTextLength)));
    }

    /// <summary>Removes each mention of the bot (<c>&lt;at&gt;Name&lt;/at&gt;</c>) from the text, case-insensitively, then trims.</summary>
    public static string StripBotMentions(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is { Type: "mention", Text: { Length: > 0 } mention } && botId is not null
                && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                text = text.Replace(mention, "", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }

    public static ChannelUser User(ChannelAccount? from) =>
        new(ChannelKind.Teams, from?.AadObjectId?.Trim() ?? "", from?.Name);

    /// <summary>A reply to <paramref name="inbound"/>: from the bot to the sender in the same conversation, a card or the text.</summary>
    private Activity Outgoing(Activity inbound, TurnResult result)
    {
        var card = CardContent(result);
        return new Activity
        {
            Type = ActivityTypes.Message,
            From = inbound.Recipient,
            Recipient = inbound.From,
            Conversation = inbound.Conversation,
            ReplyToId = inbound.Id,
            // With a card the text would repeat it; the card's fallbackText carries the text for hosts without cards.
            Text = card is null ? TextClip.Clip(result.Text, MaxReplyTextLength) : null,
            Attachments = card is null ? null : [Attachment.AdaptiveCard(card)],
        };
    }

    /// <summary>The card as the attachment's content; the core has already kept it within the size limit.</summary>
    private static RawJson? CardContent(TurnResult result) =>
        result.CardJsonText is { } json ? new RawJson(json) : null;

    private static InvokeResponse Error(int status, string code, string message) =>
        new(status, new InvokeBody(status, TeamsJson.ErrorContentType, new InvokeError(code, message)));

    private sealed record InvokeError(string Code, string Message);

    /// <summary>The core keeps the data; a node still attached to the request's tree cannot be reused elsewhere.</summary>
    private static JsonObject Detach(JsonObject node) => (JsonObject)node.DeepClone();


}
