using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TerritoryBot.Import;

internal enum DealOutcome
{
    Open,
    Won,
    Lost,
}

/// <summary>
/// Cell values as CRMs write them: money with currency marks, thousands separators and k/M/B suffixes; counts with
/// thousands separators; dates with times and in the US M/D/YYYY form report exports use; country names; picklist
/// labels that say customer or not; stage names that say won or lost. Used only for recognised CRM exports: our own
/// files keep the strict rules of DATA.md.
/// </summary>
internal static partial class CrmValues
{
    /// <summary>Currency marks accepted before or after an amount; amounts are not converted (the plan has one currency).</summary>
    private static readonly string[] CurrencyCodes = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "NZD", "SEK", "NOK", "DKK", "SGD", "INR", "BRL", "MXN", "ZAR"];

    /// <summary>
    /// An amount: optional currency symbol or ISO code, digits with optional comma thousands separators and a
    /// decimal point, an optional suffix k (thousand), M or MM (million), B or bn (billion). "$1,234.50", "USD 80k",
    /// "2.5M", "1.2 bn". Also a plain invariant number such as "2.5e8". A minus sign or parentheses make it negative.
    /// </summary>
    public static bool TryMoney(string text, out double value, out string? currency)
    {
        value = 0;
        currency = null;
        var s = text.Trim();
        var negative = false;
        if (s.Length > 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        if (s.StartsWith('-'))
        {
            negative = !negative;
            s = s[1..].Trim();
        }

        if (s.Length > 0 && s[0] is '$' or '€' or '£' or '¥')
        {
            currency = s[0].ToString();
            s = s[1..].Trim();
        }
        else if (s.Length > 3 && CurrencyCodes.Contains(s[..3].ToUpperInvariant()) && !char.IsLetter(s[3]))
        {
            currency = s[..3].ToUpperInvariant();
            s = s[3..].Trim();
        }

        if (s.Length > 3 && CurrencyCodes.Contains(s[^3..].ToUpperInvariant()) && !char.IsLetter(s[^4]))
        {
            currency ??= s[^3..].ToUpperInvariant();
            s = s[..^3].Trim();
        }

        if (s.StartsWith('-') && !negative)
        {
            negative = true;
            s = s[1..].Trim();
        }

        var multiplier = 1d;
        var match = AmountPattern().Match(s);
        if (!match.Success)
        {
            if (!double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            {
                return false;
            }
        }
        else
        {
            value = double.Parse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            multiplier = match.Groups["suffix"].Value.ToUpperInvariant() switch
            {
                "K" => 1e3,
                "M" or "MM" or "MN" => 1e6,
                "B" or "BN" => 1e9,
                _ => 1,
            };
        }

        value *= multiplier;
        if (negative)
        {
            value = -value;
        }

        return double.IsFinite(value);
    }

    /// <summary>A whole number, thousands separators allowed ("2,100,000"); a number with a zero fraction ("1200.0") too.</summary>
    public static bool TryWholeNumber(string text, out long value)
    {
        value = 0;
        var s = text.Trim();
        if (ThousandsPattern().IsMatch(s))
        {
            s = s.Replace(",", "", StringComparison.Ordinal);
        }

        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A date: ISO 8601 (<c>2024-05-01</c>), with a time after T or a space and any zone (<c>2024-05-01T09:30:00.000+0000</c>,
    /// <c>2024-05-01 09:30</c>), or US <c>M/D/YYYY</c> with an optional time (<c>5/1/2024 9:30 AM</c>). The date part is kept.
    /// </summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        date = default;
        var s = text.Trim();
        var iso = IsoDatePattern().Match(s);
        if (iso.Success)
        {
            return DateOnly.TryParseExact(iso.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        var us = UsDatePattern().Match(s);
        return us.Success && DateOnly.TryParseExact(us.Groups["date"].Value, "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static readonly Dictionary<string, string> Countries = BuildCountries();

    /// <summary>A country name or code as an ISO 3166 alpha-2 code when known ("United States", "USA", "U.S." → "US"); else as given.</summary>
    public static string NormaliseCountry(string text)
    {
        var key = CountryKey(text);
        return Countries.TryGetValue(key, out var code) ? code : text.Trim();
    }

    /// <summary>A Salesforce/HubSpot account type or Dynamics relationship type: customer when it starts with "Customer" (Dynamics option 3).</summary>
    public static bool IsCustomerType(string text)
    {
        var s = text.Trim();
        return s.StartsWith("customer", StringComparison.OrdinalIgnoreCase) || s == "3";
    }

    /// <summary>A HubSpot lifecycle stage (label or internal value): customer and evangelist are customers.</summary>
    public static bool IsCustomerLifecycle(string text)
    {
        var s = text.Trim();
        return s.Equals("customer", StringComparison.OrdinalIgnoreCase) || s.Equals("evangelist", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What a stage name says when nothing else does: "Closed Won", "closedwon", "Closed won", "Won" are won;
    /// "Closed Lost", "closedlost", "Lost" are lost; anything else is open.
    /// </summary>
    public static DealOutcome StageOutcome(string stage)
    {
        var key = string.Concat(stage.Where(char.IsLetter)).ToLowerInvariant();
        return key switch
        {
            "closedwon" or "won" => DealOutcome.Won,
            "closedlost" or "lost" => DealOutcome.Lost,
            _ => DealOutcome.Open,
        };
    }

    /// <summary>A Dynamics statecode: Open/Won/Lost as labels or 0/1/2; null when it is neither.</summary>
    public static DealOutcome? StateOutcome(string state) => state.Trim().ToLowerInvariant() switch
    {
        "open" or "0" => DealOutcome.Open,
        "won" or "1" => DealOutcome.Won,
        "lost" or "2" => DealOutcome.Lost,
        _ => null,
    };

    /// <summary>A person's name for matching: accents removed, case folded, spaces collapsed ("José  GARCÍA" = "jose garcia").</summary>
    public static string NameKey(string name)
    {
        // The app runs with InvariantGlobalization, where Normalize does not decompose: Latin letters with accents
        // are folded with a table; combining marks (a name already decomposed) are dropped.
        var text = new StringBuilder(name.Length);
        var space = false;
        foreach (var original in name.Trim())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(original) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = char.ToLowerInvariant(original);

            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            var at = AccentedLetters.IndexOf(c, StringComparison.Ordinal);
            if (at >= 0)
            {
                text.Append(PlainLetters[at]);
            }
            else
            {
                text.Append(c switch { 'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'þ' => "th", _ => c.ToString() });
            }
        }

        return text.ToString();
    }

    private const string AccentedLetters = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžð";
    private const string PlainLetters = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzd";

    private static string CountryKey(string text) =>
        string.Concat(NameKey(text).Where(c => char.IsLetter(c) || c == ' ')).Trim();

    private static Dictionary<string, string> BuildCountries()
    {
        // Names and codes sales teams meet most; anything else is kept as written.
        (string Code, string[] Names)[] table =
        [
            ("US", ["us", "usa", "u s", "u s a", "united states", "united states of america", "america", "unitedstates"]),
            ("CA", ["ca", "can", "canada"]), ("MX", ["mx", "mex", "mexico"]), ("BR", ["br", "bra", "brazil", "brasil"]),
            ("GB", ["gb", "gbr", "uk", "u k", "united kingdom", "great britain", "england", "scotland", "wales"]),
            ("IE", ["ie", "irl", "ireland"]), ("DE", ["de", "deu", "germany", "deutschland"]), ("FR", ["fr", "fra", "france"]),
            ("ES", ["es", "esp", "spain", "espana"]), ("IT", ["it", "ita", "italy", "italia"]), ("NL", ["nl", "nld", "netherlands", "the netherlands", "holland"]),
            ("BE", ["be", "bel", "belgium"]), ("CH", ["ch", "che", "switzerland"]), ("AT", ["at", "aut", "austria"]),
            ("SE", ["se", "swe", "sweden"]), ("NO", ["no", "nor", "norway"]), ("DK", ["dk", "dnk", "denmark"]), ("FI", ["fi", "fin", "finland"]),
            ("PL", ["pl", "pol", "poland"]), ("PT", ["pt", "prt", "portugal"]), ("IN", ["in", "ind", "india"]), ("CN", ["cn", "chn", "china"]),
            ("JP", ["jp", "jpn", "japan"]), ("SG", ["sg", "sgp", "singapore"]), ("AU", ["au", "aus", "australia"]),
            ("NZ", ["nz", "nzl", "new zealand"]), ("IL", ["il", "isr", "israel"]), ("ZA", ["za", "zaf", "south africa"]),
            ("AE", ["ae", "are", "united arab emirates", "uae"]), ("KR", ["kr", "kor", "south korea", "korea republic of", "republic of korea"]),
        ];
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, names) in table)
        {
            foreach (var name in names)
            {
                map[name] = code;
            }
        }

        return map;
    }

    [GeneratedRegex(@"^(?<number>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?|\.\d+)\s*(?<suffix>k|K|m|M|MM|mm|mn|MN|b|B|bn|BN|Bn)?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.0+)?$")]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"^(?<date>\d{1,2}/\d{1,2}/\d{4})(,?\s+\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?(\s*[A-Z]{2,4})?)?$")]
    private static partial Regex UsDatePattern();
}
