using System.Globalization;
using System.Text;

namespace TerritoryBot.Import.Geocoding;

/// <summary>
/// The comparable form of a place name: lower case, accents dropped, punctuation as spaces, and the abbreviations
/// people write in city names spelt out ("St." = "Saint", "Ft." = "Fort", "Mt." = "Mount"). The gazetteer's names
/// and the data's go through the same function, so "ST. LOUIS", "Saint Louis" and "st louis" meet.
/// </summary>
internal static class PlaceKey
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["st"] = "saint", ["ste"] = "sainte", ["ft"] = "fort", ["mt"] = "mount", ["pt"] = "point",
        ["hts"] = "heights", ["spgs"] = "springs", ["twp"] = "township",
    };

    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var word = new StringBuilder();
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                // Letters that do not decompose into a base letter and a mark.
                word.Append(ch switch
                {
                    'ß' => "ss", 'ø' or 'Ø' => "o", 'ł' or 'Ł' => "l", 'đ' or 'Đ' => "d", 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe",
                    _ => char.ToLowerInvariant(ch).ToString(),
                });
            }
            else if (ch == '\'' || ch == '’')
            {
                // O'Fallon = OFallon, Coeur d'Alene = Coeur dAlene: an apostrophe joins, it does not split.
            }
            else
            {
                Flush(sb, word);
            }
        }

        Flush(sb, word);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var w = word.ToString();
        word.Clear();
        // A leading "the" is optional in names people write ("The Woodlands" = "Woodlands").
        if (sb.Length == 0 && w == "the")
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(Words.TryGetValue(w, out var full) ? full : w);
    }
}
