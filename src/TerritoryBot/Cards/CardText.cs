using System.Text;

namespace TerritoryBot.Cards;

/// <summary>Makes data text (names, engine sentences) literal inside TextBlock and FactSet text, which hosts read as markdown.</summary>
internal static class CardText
{
    /// <summary>
    /// Backslash-escapes what the Adaptive Cards markdown subset would interpret: emphasis (<c>*</c>, <c>_</c>),
    /// links (<c>[</c>, <c>]</c>), code ticks, the backslash itself, and a list marker at the start of a line
    /// ("- ", "+ ", "1. "), so "Smith_&amp;_*Sons*" or "[click](http://x)" in a company name shows as written.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 8);
        bool lineStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (lineStart)
            {
                int digits = 0;
                while (i + digits < text.Length && char.IsAsciiDigit(text[i + digits]))
                {
                    digits++;
                }

                if (digits > 0 && i + digits < text.Length && text[i + digits] == '.')
                {
                    // "1. x" at a line start would become a numbered list: escape the dot.
                    sb.Append(text, i, digits).Append("\\.");
                    i += digits;
                    lineStart = false;
                    continue;
                }

                if (c is '-' or '+' or '#' or '>')
                {
                    sb.Append('\\').Append(c);
                    lineStart = false;
                    continue;
                }
            }

            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '~')
            {
                sb.Append('\\');
            }

            sb.Append(c);
            lineStart = c is '\n' || (lineStart && c is ' ' or '\t');
        }

        return sb.ToString();
    }
}
