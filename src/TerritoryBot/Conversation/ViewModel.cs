using TerritoryBot.Cards;

namespace TerritoryBot.Conversation;

/// <summary>
/// What a plugin returns: plain data (records, JSON-serialisable, so the LLM can read it as a tool result) that
/// can say itself in text and, when it has one, render its card. Channels render the card to Adaptive Cards
/// (Teams, web chat), Block Kit (Slack) or use the text (CLI, notifications).
/// </summary>
internal interface IViewModel
{
    /// <summary>A complete plain-text answer (no markup); also the card's fallback text.</summary>
    string Text { get; }

    /// <summary>The card, or null for a text-only answer. Built fresh on each call; must fit <see cref="CardJson.MaxBytes"/>.</summary>
    AdaptiveCard? ToCard();
}

/// <summary>A text-only answer.</summary>
internal sealed record TextReply(string Text) : IViewModel
{
    public AdaptiveCard? ToCard() => null;
}

/// <summary>
/// A polite refusal: the caller may not see or do this. Carries no data about the thing refused (not even
/// whether it exists), so a refusal for a real rep and for an invented one read the same.
/// </summary>
internal sealed record Refusal(string Text) : IViewModel
{
    public AdaptiveCard? ToCard() => null;

    public static Refusal NotYours(string what) =>
        new($"Sorry, I can only show you {what} you are responsible for. Ask your manager or sales ops if you need more.");
}

/// <summary>
/// Input in a turn the person can fix ("which account?", "A999 is not an account"): answered with the message,
/// never with an error page. Thrown by plugins and by the core's parsing of card action data.
/// </summary>
internal sealed class TurnInputException(string message) : Exception(message);

/// <summary>
/// A call that could not be answered as asked, in words for the person (or, for a model's tool call, the error it
/// reads): missing or unfitting input, a failure on our side. The kernel's error filter makes these from exceptions,
/// so no library's error text reaches anyone.
/// </summary>
internal sealed record ProblemReply(string Text) : IViewModel
{
    public AdaptiveCard? ToCard() => null;
}
