namespace TerritoryBot;

/// <summary>
/// The one way the app shortens text for a reply, a log line or a field with a limit. The result is at most
/// <c>maxLength</c> characters, the ellipsis included, and never ends in half a surrogate pair (an emoji cut in two
/// is invalid UTF-16 that some channels reject). Callers pass the length they need; the usual ones are named here.
/// </summary>
internal static class TextClip
{
    /// <summary>A name, id or field someone typed, echoed back in an answer or an error ("There is no rep '…'").</summary>
    public const int EchoedName = 40;

    /// <summary>A value from outside (a header, a token field, an event type) in a log line or a protocol error.</summary>
    public const int LogValue = 80;

    /// <summary>A tool name or error text told back to the language model so it can correct its call.</summary>
    public const int ModelFeedback = 120;

    /// <summary>A whole text in a log line: an unmatched question, a response body.</summary>
    public const int LogText = 200;

    public static string Clip(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        int cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary><see cref="Clip"/> on one line: line breaks become spaces first (log lines, fallback texts).</summary>
    public static string ClipLine(string text, int maxLength) => Clip(text.ReplaceLineEndings(" "), maxLength);
}
