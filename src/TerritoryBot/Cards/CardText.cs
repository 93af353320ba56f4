using System.Text;

namespace TerritoryBot.Cards;

/// <summary>
/// Makes data (account names, notes, industries) safe for TextBlock and FactSet text, which hosts render as a
/// markdown subset (bold, italic, lists, links) plus {{DATE()}}/{{TIME()}} functions. Renderers disagree on
/// backslash escapes (some show the backslash, some ignore it), so the characters that start markup are replaced
/// with look-alikes, and link and list syntax is broken with invisible characters: the text reads the same and
/// never becomes formatting or a link. (Merged from two helpers' versions: this one replaced a backslash-escaping
/// one, because backslashes show up as-is where a host renders no markdown and are ignored by some parsers.)
/// </summary>
internal static class CardText
{
    private const char ZeroWidthSpace = '\u200B';
    private const char WordJoiner = '\u2060';

    /// <summary>The text with every markup trigger neutralised; line breaks become spaces; null becomes "".</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var b = new StringBuilder(text.Length + 8);
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '*': b.Append('\u2217'); break; // ∗ asterisk operator: no bold or italic
                case '_': b.Append('\uFF3F'); break; // ＿ fullwidth low line: no italic
                case '[': b.Append('\uFF3B'); break; // ［ no link text
                case ']': b.Append('\uFF3D'); break; // ］
                case '<': b.Append('\u2039'); break; // ‹ no autolink or HTML
                case '>': b.Append('\u203A'); break; // › no quote
                case '`': b.Append('\u02CB'); break; // ˋ no code span
                case '~': b.Append('\u223C'); break; // ∼ no strike-through
                case '\r':
                case '\n':
                case '\t':
                    // One line per data string: a line break would let data start a list item.
                    if (b.Length > 0 && b[^1] != ' ')
                    {
                        b.Append(' ');
                    }

                    break;
                default: b.Append(ch); break;
            }
        }

        // "{{DATE(...)}}" is evaluated by hosts; a break between the braces keeps it literal.
        b.Replace("{{", "{" + ZeroWidthSpace + "{");
        // Bare URLs are auto-linked by some hosts: a joiner after the scheme separator and "www" stops it.
        b.Replace("://", ":" + WordJoiner + "//");
        b.Replace("www.", "www" + WordJoiner + ".");
        b.Replace("WWW.", "WWW" + WordJoiner + ".");
        var result = b.ToString().Trim();
        return StartsBlock(result) ? ZeroWidthSpace + result : result;
    }

    /// <summary>Whether text at the start of a line would become a list item or heading ("- x", "1. x", "# x").</summary>
    private static bool StartsBlock(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text[0] is '-' or '+' or '#' or '=' or '|' or '\u2039' or '\u203A')
        {
            return true;
        }

        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')';
    }
}
