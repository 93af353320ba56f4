namespace TerritoryBot.Conversation;

/// <summary>
/// Typo-tolerant lookup of entity names (accounts or reps) by their words, built once per vocabulary.
/// Exact words come from a dictionary; misspelt ones only meet names that share trigrams with them,
/// so a turn never compares against every name.
/// </summary>
internal sealed class NameIndex
{
    // Words that do not identify a company ("Acme Inc" is "acme").
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "inc", "ltd", "llc", "llp", "plc", "corp", "corporation", "co", "company", "gmbh", "ag", "sa", "bv", "nv",
        "group", "holdings", "the", "and", "of", "limited", "international",
    };

    private readonly string[] ids;
    private readonly int[][] significantWords; // per entry: word ids that identify it
    private readonly Dictionary<string, int> wordIds = new(StringComparer.Ordinal);
    private readonly List<string> words = [];
    private readonly List<List<int>> postings = []; // word id -> entries
    private readonly Dictionary<string, List<int>> trigrams = new(StringComparer.Ordinal); // trigram -> word ids

    private readonly bool leadingWordOnly;

    /// <param name="entries">Ids and display names.</param>
    /// <param name="leadingWordOnly">
    /// Whether only the first identifying word may name an entry alone: people say "Acme" for "Acme Robotics",
    /// but "financial" should not mean "Globex Financial". For people any of first or last name will do.
    /// </param>
    public NameIndex(IEnumerable<(string Id, string Name)> entries, bool leadingWordOnly)
    {
        this.leadingWordOnly = leadingWordOnly;
        var idList = new List<string>();
        var sig = new List<int[]>();
        foreach (var (id, name) in entries)
        {
            var entry = idList.Count;
            idList.Add(id);
            var tokens = TextMatching.Tokenize(name);
            var meaningful = tokens.Where(t => !Generic.Contains(t)).ToList();
            if (meaningful.Count == 0)
            {
                meaningful = tokens;
            }

            var entryWords = new List<int>();
            foreach (var token in meaningful.Distinct(StringComparer.Ordinal))
            {
                var wordId = WordId(token);
                if (postings[wordId].Count == 0 || postings[wordId][^1] != entry)
                {
                    postings[wordId].Add(entry);
                }

                entryWords.Add(wordId);
            }

            sig.Add([.. entryWords]);
        }

        ids = [.. idList];
        significantWords = [.. sig];
    }

    public int Count => ids.Length;

    public string IdOf(int entry) => ids[entry];

    /// <summary>Number of words in the entry's identifying name.</summary>
    public int WordCount(int entry) => significantWords[entry].Length;

    /// <summary>How many entries use the word (1 = the word alone identifies the entry).</summary>
    public int Frequency(int wordId) => postings[wordId].Count;

    public IReadOnlyList<int> EntriesWith(int wordId) => postings[wordId];

    /// <summary>
    /// Word ids matching the query word: the exact word, or (when <paramref name="fuzzy"/>) words within the
    /// edit tolerance found through shared trigrams.
    /// </summary>
    public IEnumerable<(int WordId, bool Exact)> Lookup(string query, bool fuzzy)
    {
        if (wordIds.TryGetValue(query, out var exact))
        {
            yield return (exact, true);
            yield break;
        }

        var max = TextMatching.Tolerance(query.Length);
        if (!fuzzy || max == 0)
        {
            yield break;
        }

        var shared = new Dictionary<int, int>();
        foreach (var gram in Trigrams(query))
        {
            if (trigrams.TryGetValue(gram, out var list))
            {
                foreach (var w in list)
                {
                    shared[w] = shared.GetValueOrDefault(w) + 1;
                }
            }
        }

        // q-gram lemma: k edits destroy at most 3k of the padded word's trigrams.
        var needed = Math.Max(1, query.Length - (3 * max));
        foreach (var (wordId, count) in shared.OrderBy(kv => kv.Key))
        {
            if (count >= needed && TextMatching.Similar(query, words[wordId]))
            {
                yield return (wordId, false);
            }
        }
    }

    /// <summary>True when the word is one of the entry's identifying words.</summary>
    public bool Contains(int entry, int wordId) => Array.IndexOf(significantWords[entry], wordId) >= 0;

    /// <summary>True when this word, if unique to the entry, may name the entry on its own.</summary>
    public bool MayIdentifyAlone(int entry, int wordId) => !leadingWordOnly || significantWords[entry][0] == wordId;

    private int WordId(string word)
    {
        if (wordIds.TryGetValue(word, out var id))
        {
            return id;
        }

        id = words.Count;
        words.Add(word);
        postings.Add([]);
        wordIds[word] = id;
        foreach (var gram in Trigrams(word).Distinct(StringComparer.Ordinal))
        {
            if (!trigrams.TryGetValue(gram, out var list))
            {
                trigrams[gram] = list = [];
            }

            list.Add(id);
        }

        return id;
    }

    private static IEnumerable<string> Trigrams(string word)
    {
        var padded = "$" + word + "$";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }
}
