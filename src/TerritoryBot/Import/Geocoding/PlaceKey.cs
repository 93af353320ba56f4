using System.Text;

namespace TerritoryBot.Import.Geocoding;

/// <summary>
/// The comparable form of a place name: lower case, accents dropped, punctuation as spaces, and the abbreviations
/// people write in city names spelt out ("St." = "Saint", "Ft." = "Fort", "Mt." = "Mount"). The gazetteer's names
/// and the data's go through the same function, so "ST. LOUIS", "Saint Louis" and "st louis" meet.
/// Accents are folded with a table rather than string.Normalize: the app runs with invariant globalization, where
/// Normalize does not decompose "é". The table is Unicode's decomposition of Latin-1, Latin Extended-A/B and Latin
/// Extended Additional, generated once ('.' = no base letter, '*' = two letters, spelt out in <see cref="Fold"/>).
/// </summary>
internal static class PlaceKey
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["st"] = "saint", ["ste"] = "sainte", ["ft"] = "fort", ["mt"] = "mount", ["pt"] = "point",
        ["hts"] = "heights", ["spgs"] = "springs", ["twp"] = "township",
    };

    private const string Latin =
        "aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*yaaaaaaccccccccddddeeeeeeeeeegggggggg" +
        "hhhhiiiiiiiiii**jjkkkllllllllllnnnnnnn..oooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs........" +
        "..........f.............oo.............uu...................*********aaiioouuuuuuuuuu.aaaa....ggkkoo" +
        "oo..j***gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

    private const string LatinAdditional =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssss" +
        "ssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy.s....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeee" +
        "iiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (ch < 0x80 ? char.IsAsciiLetterOrDigit(ch) : char.IsLetterOrDigit(ch))
            {
                word.Append(Fold(ch));
            }
            else if (ch == '\'' || ch == '\u2019')
            {
                // O'Fallon = OFallon, Coeur d'Alene = Coeur dAlene: an apostrophe joins, it does not split.
            }
            else if (ch is >= '\u0300' and <= '\u036F')
            {
                // A combining accent (text in decomposed form) is dropped like a precomposed one.
            }
            else
            {
                Flush(sb, word);
            }
        }

        Flush(sb, word);
        return sb.ToString();
    }

    /// <summary>The lower-case base letters of a letter: "é" → "e", "ß" → "ss", "Ł" → "l"; others lower-cased as they are.</summary>
    private static string Fold(char ch)
    {
        char mapped = ch switch
        {
            >= '\u00C0' and <= '\u024F' => Latin[ch - 0xC0],
            >= '\u1E00' and <= '\u1EFF' => LatinAdditional[ch - 0x1E00],
            _ => '.',
        };
        return mapped switch
        {
            '.' => char.ToLowerInvariant(ch).ToString(),
            '*' => ch switch
            {
                'Æ' or 'æ' => "ae", 'Þ' or 'þ' => "th", 'ß' => "ss", 'Ĳ' or 'ĳ' => "ij", 'Œ' or 'œ' => "oe",
                'Ǉ' or 'ǈ' or 'ǉ' => "lj", 'Ǌ' or 'ǋ' or 'ǌ' => "nj", _ => "dz",
            },
            _ => mapped.ToString(),
        };
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
