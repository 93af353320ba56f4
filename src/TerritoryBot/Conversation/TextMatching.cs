using System.Globalization;
using System.Text;

namespace TerritoryBot.Conversation;

/// <summary>Lower-casing, tokenising, light stemming and bounded edit distance for the router.</summary>
internal static class TextMatching
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30, ["fifty"] = 50, ["hundred"] = 100,
    };

    /// <summary>
    /// Splits lower-cased text into word tokens. '%' and '#' become tokens of their own; a possessive
    /// "'s" is dropped ("dana's" → "dana"); decimals keep their point ("12.5").
    /// </summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        var lower = text.ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (c == '.' && current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < lower.Length && char.IsDigit(lower[i + 1]))
            {
                current.Append(c);
            }
            else if ((c == '\'' || c == '’') && current.Length > 0)
            {
                // Possessive: skip the "s" when it ends the word; otherwise just drop the apostrophe (what's → whats).
                if (i + 1 < lower.Length && lower[i + 1] == 's' && (i + 2 >= lower.Length || !char.IsLetterOrDigit(lower[i + 2])))
                {
                    i++;
                }
            }
            else
            {
                Flush();
                if (c is '%' or '#')
                {
                    tokens.Add(c.ToString());
                }
            }
        }

        Flush();
        return tokens;
    }

    /// <summary>Strips common English inflections so "territories", "proposals", "rejected" meet their keywords.</summary>
    public static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        if (word.Length >= 4 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>Edits tolerated in a word of this length: none below 4 letters, two from 10 (8 let "reassign" meet "redesign").</summary>
    public static int Tolerance(int length) => length < 4 ? 0 : length < 10 ? 1 : 2;

    /// <summary>True when the words are equal or within the tolerance of the shorter one.</summary>
    public static bool Similar(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var max = Tolerance(Math.Min(a.Length, b.Length));
        return max > 0 && Math.Abs(a.Length - b.Length) <= max && Distance(a, b, max) <= max;
    }

    /// <summary>
    /// Optimal-string-alignment Damerau-Levenshtein distance, giving up (returning max + 1) once every
    /// cell of a row exceeds <paramref name="max"/> (so the answer is capped at max + 1).
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // Words are short: keep the three rows on the stack so a turn allocates nothing here.
        var n = b.Length + 1;
        Span<int> rows = n <= 128 ? stackalloc int[3 * n] : new int[3 * n];
        var previous2 = rows[..n];
        var previous = rows.Slice(n, n);
        var current = rows.Slice(2 * n, n);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>Parses a digit token or a number word ("ten").</summary>
    public static bool TryNumber(string token, out double value)
    {
        if (NumberWords.TryGetValue(token, out var word))
        {
            value = word;
            return true;
        }

        return double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && token.Length > 0 && char.IsDigit(token[0]);
    }
}
