using System.Text;

namespace TerritoryBot.Cards;

/// <summary>Text for TextBlocks and facts, which hosts render as a markdown subset.</summary>
internal static class CardText
{
    /// <summary>
    /// Escapes what a person typed (a reason, a name) so it shows literally: emphasis, links, code and
    /// line-start markers (headings, lists, quotes) are backslash-escaped, the way CommonMark reads them.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var sb = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '~' or '<' or '>' or '|')
            {
                sb.Append('\\');
            }
            else if (lineStart && c is '#' or '-' or '+' or '=')
            {
                sb.Append('\\');
            }
            else if (lineStart && char.IsDigit(c))
            {
                // "1. item" would become a numbered list: escape the dot after the leading digits.
                var end = i;
                while (end < text.Length && char.IsDigit(text[end]))
                {
                    end++;
                }

                if (end < text.Length && text[end] is '.' or ')')
                {
                    sb.Append(text, i, end - i).Append('\\').Append(text[end]);
                    i = end;
                    lineStart = false;
                    continue;
                }
            }

            sb.Append(c);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        return sb.ToString();
    }
}
