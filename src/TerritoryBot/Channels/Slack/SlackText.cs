using System.Net;
using System.Text.RegularExpressions;

namespace TerritoryBot.Channels.Slack;

/// <summary>Slack's message markup turned back into what the person typed.</summary>
internal static partial class SlackText
{
    /// <summary>
    /// Drops leading mentions (the bot's, in an app_mention), writes remaining &lt;@U…|name&gt;, &lt;#C…|name&gt; and
    /// &lt;url|label&gt; tokens as their label (or the bare id / URL), and decodes &amp;amp; &amp;lt; &amp;gt;.
    /// </summary>
    public static string ToPlain(string? text, bool dropLeadingMentions)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (dropLeadingMentions)
        {
            text = LeadingMentions().Replace(text, "");
        }

        text = Token().Replace(text, m =>
        {
            var inner = m.Groups[1].Value;
            int bar = inner.IndexOf('|', StringComparison.Ordinal);
            var target = bar >= 0 ? inner[..bar] : inner;
            var label = bar >= 0 ? inner[(bar + 1)..] : null;
            return target switch
            {
                ['@', ..] => "@" + (label ?? target[1..]),
                ['#', ..] => "#" + (label ?? target[1..]),
                ['!', ..] => label ?? target[1..],
                _ => label ?? target,
            };
        });
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"^(\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*)+")]
    private static partial Regex LeadingMentions();

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex Token();
}
