using System.Text.Json.Nodes;

namespace TerritoryBot.Conversation;

/// <summary>The front end a turn came through; it decides how the person is identified and how the reply is rendered.</summary>
internal enum ChannelKind
{
    /// <summary><c>territorybot ask --as REP_ID</c>: the user id is a rep id.</summary>
    Cli,

    /// <summary>The local web chat page: the user id is a rep id picked on the page.</summary>
    WebChat,

    /// <summary>Microsoft Teams: the user id is the AAD object id (<c>from.aadObjectId</c>).</summary>
    Teams,

    /// <summary>Slack: the user id is the Slack user id (<c>U…</c>).</summary>
    Slack,
}

/// <summary>Who is speaking, as the channel identifies them (not yet resolved to a rep record).</summary>
internal sealed record ChannelUser(ChannelKind Channel, string Id, string? DisplayName = null);

/// <summary>A card button press: the Action.Execute verb (or the Action.Submit data's "verb") and its data.</summary>
internal sealed record CardActionInput(string Verb, JsonObject Data);

/// <summary>
/// One channel-neutral turn: a message (<see cref="Text"/>) or a card action (<see cref="Action"/>), never both.
/// Channel adapters build it and render the <see cref="TurnResult"/> back; they hold no business logic.
/// </summary>
internal sealed record Turn(ChannelUser User, string ConversationId, string? Text, CardActionInput? Action = null)
{
    public static Turn Message(ChannelUser user, string conversationId, string text) => new(user, conversationId, text);

    public static Turn CardAction(ChannelUser user, string conversationId, string verb, JsonObject? data = null) =>
        new(user, conversationId, null, new CardActionInput(verb, data ?? []));
}
