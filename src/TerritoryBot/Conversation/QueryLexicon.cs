using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Conversation;

/// <summary>What a phrase of an account question means.</summary>
internal enum Sense
{
    Measure,
    Field,
    Value,
    Superlative,
    Growth,
    Comparator,
    ComparatorSuffix,
    Negation,
    List,
    Team,
    Self,
    RepWord,
    RankBy,
    Untouched,
    Rep,
    DurationUnit,
    MoneyUnit,
    Filler,
}

/// <summary>One meaning of a phrase: its sense and, by sense, the field, value or operator ("asc", "sum", "at_least" …).</summary>
internal sealed record Meaning(Sense Sense, QueryField? Field = null, string? Value = null, double Number = 0);

/// <summary>
/// The phrase table of account questions: the fixed words of <c>QueryVocabulary.json</c> (measures, fields, statuses,
/// comparators, synonyms …) plus the values of the loaded data (cities, states, industries, technologies, funding and
/// deal stages, rep names). Phrases are kept as stemmed token sequences; single words of five letters or more also
/// match within the router's typo tolerance. Built once per data set.
/// </summary>
internal sealed class QueryLexicon
{
    public const int MaxPhraseWords = 5;

    private static readonly Lazy<VocabularyFile> File = new(LoadFile);

    /// <summary>Two-letter state codes that are also English words: only matched when written in capitals ("IN", "OR").</summary>
    private static readonly HashSet<string> WordLikeCodes = new(StringComparer.Ordinal)
    {
        "in", "or", "me", "ok", "hi", "oh", "de", "co", "al", "la", "id", "ms", "ma", "pa", "ga", "wa", "va", "mo", "ne", "nd",
        "sd", "mt", "mi", "md", "ct", "ar", "ky", "ks", "ia", "nh", "ri", "vt", "wi", "wy", "ut", "sc", "nc", "tn", "pr", "az", "ak", "nm", "wv",
    };

    private readonly Dictionary<string, List<Meaning>> phrases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> fuzzy = new(StringComparer.Ordinal);
    private readonly List<string> singleWords = [];

    public QueryLexicon(DataSet? data = null)
    {
        var file = File.Value;
        foreach (var (kind, words) in file.Measures)
        {
            AddAll(words, new Meaning(Sense.Measure, Value: kind));
        }

        foreach (var (key, words) in file.Fields)
        {
            if (QueryFields.TryParse(key, out var field))
            {
                AddAll(words, new Meaning(Sense.Field, field));
            }
        }

        AddAll(file.Untouched, new Meaning(Sense.Untouched, QueryField.LastActivityDays));
        foreach (var (key, values) in file.Values)
        {
            if (!QueryFields.TryParse(key, out var field))
            {
                continue;
            }

            foreach (var (value, words) in values)
            {
                AddAll(words, new Meaning(Sense.Value, field, value));
            }
        }

        foreach (var (direction, words) in file.Superlatives)
        {
            AddAll(words, new Meaning(Sense.Superlative, Value: direction));
        }

        foreach (var (direction, words) in file.GrowthPhrases)
        {
            AddAll(words, new Meaning(Sense.Growth, QueryField.Growth, direction));
        }

        foreach (var (op, words) in file.Comparators)
        {
            AddAll(words, new Meaning(Sense.Comparator, Value: op));
        }

        foreach (var (op, words) in file.ComparatorSuffixes)
        {
            AddAll(words, new Meaning(Sense.ComparatorSuffix, Value: op));
        }

        AddAll(file.Negations, new Meaning(Sense.Negation));
        AddAll(file.ListWords, new Meaning(Sense.List));
        AddAll(file.TeamWords, new Meaning(Sense.Team));
        AddAll(file.SelfWords, new Meaning(Sense.Self));
        AddAll(file.RepWords, new Meaning(Sense.RepWord));
        AddAll(file.RankBy, new Meaning(Sense.RankBy));
        foreach (var (days, words) in file.DurationUnits)
        {
            AddAll(words, new Meaning(Sense.DurationUnit, Number: double.Parse(days, CultureInfo.InvariantCulture)));
        }

        foreach (var (scale, words) in file.MoneyUnits)
        {
            AddAll(words, new Meaning(Sense.MoneyUnit, Number: double.Parse(scale, CultureInfo.InvariantCulture)));
        }

        AddAll(file.Filler, new Meaning(Sense.Filler));
        if (data is not null)
        {
            AddData(data, file);
        }

        foreach (var key in phrases.Keys.Where(k => !k.Contains(' ', StringComparison.Ordinal) && k.Length >= 5))
        {
            singleWords.Add(key);
        }

        singleWords.Sort(StringComparer.Ordinal);
    }

    /// <summary>Industries of the data, so a question's industry resolves to the data's own label.</summary>
    public IReadOnlyList<string> Industries { get; private set; } = [];

    /// <summary>Meanings of the stemmed phrase (words joined by one space), or null.</summary>
    public IReadOnlyList<Meaning>? Lookup(string stemmedPhrase) => phrases.GetValueOrDefault(stemmedPhrase);

    /// <summary>The single-word phrase a misspelt word stands for (five letters or more, within the typo tolerance), or null.</summary>
    public string? Correct(string stem)
    {
        if (stem.Length < 5)
        {
            return null;
        }

        return fuzzy.GetOrAdd(stem, s => singleWords.FirstOrDefault(w => Math.Abs(w.Length - s.Length) <= 2 && TextMatching.Similar(w, s)
            && phrases[w].Any(m => m.Sense != Sense.Filler)));
    }

    /// <summary>Whether a two-letter token may be read as a state code (capitals, or a code that is no English word).</summary>
    public static bool MayBeStateCode(string raw) =>
        raw.Length == 2 && (raw.All(char.IsUpper) || !WordLikeCodes.Contains(raw.ToLowerInvariant()));

    public static string Key(IEnumerable<string> words) => string.Join(' ', words.Select(w => TextMatching.Stem(w.ToLowerInvariant())));

    private void AddData(DataSet data, VocabularyFile file)
    {
        var industries = data.Accounts.Select(a => a.Industry.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        Industries = industries;
        foreach (var industry in industries)
        {
            Add(industry, new Meaning(Sense.Value, QueryField.Industry, industry));
        }

        foreach (var (prefix, words) in file.IndustrySynonyms)
        {
            if (industries.FirstOrDefault(i => i.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { } industry)
            {
                AddAll(words, new Meaning(Sense.Value, QueryField.Industry, industry));
            }
        }

        var states = data.Accounts.Select(a => a.Region?.Trim()).OfType<string>().Where(s => s.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, name) in UsStates.All)
        {
            Add(name, new Meaning(Sense.Value, QueryField.State, code));
            Add(code, new Meaning(Sense.Value, QueryField.State, code));
        }

        foreach (var region in states.Where(s => !UsStates.TryCode(s, out _)))
        {
            Add(region, new Meaning(Sense.Value, QueryField.State, region));
        }

        foreach (var (code, words) in file.StateAliases)
        {
            AddAll(words, new Meaning(Sense.Value, QueryField.State, code));
        }

        var cities = data.Accounts.Select(a => a.City?.Trim()).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var city in cities)
        {
            Add(city, new Meaning(Sense.Value, QueryField.City, city));
        }

        foreach (var (city, words) in file.CityAliases)
        {
            if (cities.FirstOrDefault(c => string.Equals(c, city, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                AddAll(words, new Meaning(Sense.Value, QueryField.City, known));
            }
        }

        foreach (var tech in data.Accounts.SelectMany(a => a.TechStack).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Add(tech, new Meaning(Sense.Value, QueryField.Tech, tech));
        }

        foreach (var stage in data.Accounts.Select(a => a.FundingStage?.Trim()).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Add(stage, new Meaning(Sense.Value, QueryField.FundingStage, stage));
        }

        var dealStages = data.Opportunities.Where(o => o.IsOpen).Select(o => o.Stage.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var stage in dealStages)
        {
            Add(stage, new Meaning(Sense.Value, QueryField.OpenStage, stage));
        }

        foreach (var (stage, words) in file.StageSynonyms)
        {
            if (dealStages.FirstOrDefault(s => string.Equals(s, stage, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                AddAll(words, new Meaning(Sense.Value, QueryField.OpenStage, known));
            }
        }

        // People: full names always; a first or last name alone when no other person shares it.
        var people = data.Reps.Select(r => (r.RepId, Words: TextMatching.Tokenize(r.Name))).Where(p => p.Words.Count > 0).ToList();
        var wordCounts = people.SelectMany(p => p.Words.Distinct()).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (id, words) in people)
        {
            Add(string.Join(' ', words), new Meaning(Sense.Rep, Value: id));
            foreach (var word in words.Where(w => wordCounts[w] == 1 && w.Length >= 3))
            {
                Add(word, new Meaning(Sense.Rep, Value: id));
            }
        }
    }

    private void AddAll(IEnumerable<string> words, Meaning meaning)
    {
        foreach (var word in words)
        {
            Add(word, meaning);
        }
    }

    private void Add(string phrase, Meaning meaning)
    {
        var words = TextMatching.Tokenize(phrase);
        if (words.Count == 0 || words.Count > MaxPhraseWords)
        {
            return;
        }

        var key = Key(words);
        if (!phrases.TryGetValue(key, out var list))
        {
            phrases[key] = list = [];
        }

        if (!list.Contains(meaning))
        {
            list.Add(meaning);
        }
    }

    private static VocabularyFile LoadFile()
    {
        using var stream = typeof(QueryLexicon).Assembly.GetManifestResourceStream("TerritoryBot.Conversation.QueryVocabulary.json")
            ?? throw new InvalidOperationException("The query vocabulary (Conversation/QueryVocabulary.json) is not embedded.");
        return JsonSerializer.Deserialize<VocabularyFile>(stream, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            ?? throw new InvalidOperationException("The query vocabulary is empty.");
    }

    /// <summary>The shape of QueryVocabulary.json.</summary>
    private sealed record VocabularyFile
    {
        public Dictionary<string, string[]> Measures { get; init; } = [];
        public Dictionary<string, string[]> Fields { get; init; } = [];
        public string[] Untouched { get; init; } = [];
        public Dictionary<string, Dictionary<string, string[]>> Values { get; init; } = [];
        public Dictionary<string, string[]> IndustrySynonyms { get; init; } = [];
        public Dictionary<string, string[]> StageSynonyms { get; init; } = [];
        public Dictionary<string, string[]> CityAliases { get; init; } = [];
        public Dictionary<string, string[]> StateAliases { get; init; } = [];
        public Dictionary<string, string[]> Superlatives { get; init; } = [];
        public Dictionary<string, string[]> GrowthPhrases { get; init; } = [];
        public Dictionary<string, string[]> Comparators { get; init; } = [];
        public Dictionary<string, string[]> ComparatorSuffixes { get; init; } = [];
        public string[] Negations { get; init; } = [];
        public string[] ListWords { get; init; } = [];
        public string[] TeamWords { get; init; } = [];
        public string[] SelfWords { get; init; } = [];
        public string[] RepWords { get; init; } = [];
        public string[] RankBy { get; init; } = [];
        public Dictionary<string, string[]> DurationUnits { get; init; } = [];
        public Dictionary<string, string[]> MoneyUnits { get; init; } = [];
        public string[] Filler { get; init; } = [];
    }
}
