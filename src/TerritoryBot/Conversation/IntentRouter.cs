using System.Collections.Concurrent;
using static TerritoryBot.Conversation.IntentPatterns;

namespace TerritoryBot.Conversation;

/// <summary>
/// Deterministic intent router: phrase patterns with synonyms, matched typo-tolerantly on lower-cased,
/// lightly stemmed words, plus entity extraction against a <see cref="RouterVocabulary"/>. Below
/// <see cref="Threshold"/> the answer is <see cref="Intent.Unknown"/> (the core shows help), never a guess.
/// </summary>
internal sealed class IntentRouter(RouterVocabulary vocabulary, RouterPhrases? phrases = null)
{
    public const double Threshold = 0.5;

    /// <summary>Name words used by more entries than this never start a candidate on their own.</summary>
    private const int CommonNameWord = 64;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "my", "me", "i", "im", "we", "our", "us", "you", "your", "it", "its", "is", "are", "was", "be",
        "to", "of", "for", "in", "on", "at", "by", "with", "from", "and", "or", "but", "not", "no", "so", "if", "as",
        "what", "whats", "which", "who", "whose", "how", "why", "when", "where", "can", "could", "would", "should",
        "will", "do", "does", "did", "please", "pls", "plz", "show", "give", "get", "tell", "list", "let", "see",
        "need", "want", "all", "any", "some", "this", "that", "these", "those", "there", "here", "about", "up", "out",
        "over", "under", "into", "than", "then", "now", "today", "just", "also", "more", "most", "less", "least",
        "much", "many", "next", "new", "top", "best", "quick", "quickly", "again", "thanks", "thank", "hey", "hi",
        "ok", "okay", "yes", "am", "have", "has", "had", "one", "ones", "each", "per", "via", "only", "very",
        "like", "know", "think", "look", "find", "go", "going", "make", "build", "run", "put", "take", "hand",
        "accounts", "account", "reps", "rep", "team", "quarter", "year", "week", "month", "them", "they", "he", "she",
        "him", "her", "his", "their", "moved", "move", "at", "max", "percent", "pct", "proposal", "number",
    };

    private static readonly HashSet<string> ProposalWords = new(StringComparer.Ordinal)
    {
        "proposal", "proposals", "reassignment", "reassignments", "request", "number", "no", "id", "item", "ticket", "change",
        "revert", "undo", "reverse", "rollback",
    };

    private static readonly Dictionary<string, string> ScenarioSynonyms = new(StringComparer.Ordinal)
    {
        ["geo"] = "geographic", ["geography"] = "geographic", ["geographical"] = "geographic", ["vertical"] = "industry",
        ["verticals"] = "industry", ["named"] = "hybrid",
    };

    /// <summary>Shorthand people use for an industry → the start of the industry's name in the data.</summary>
    private static readonly Dictionary<string, string> IndustrySynonyms = new(StringComparer.Ordinal)
    {
        ["fintech"] = "Financ", ["finance"] = "Financ", ["banking"] = "Financ", ["banks"] = "Financ", ["bank"] = "Financ",
        ["health"] = "Health", ["medical"] = "Health", ["hospitals"] = "Health", ["saas"] = "Software", ["tech"] = "Software",
        ["telco"] = "Telecom", ["telecom"] = "Telecom", ["insurers"] = "Insurance", ["retailers"] = "Retail",
        ["manufacturers"] = "Manufactur", ["consulting"] = "Professional", ["utilities"] = "Energy", ["public"] = "Government",
        ["schools"] = "Education", ["hotels"] = "Hospitality",
    };

    private static readonly char[] TrimChars = ".,;:!?()[]{}\"'`“”‘’<>".ToCharArray();


    private static readonly string[] KeywordList = [.. Keywords.Order(StringComparer.Ordinal)];

    /// <summary>Words seen → the keywords each is a typo of; bounded by <see cref="MaxCachedWords"/>.</summary>
    private static readonly ConcurrentDictionary<string, string[]> TypoCache = new(StringComparer.Ordinal);

    private const int MaxCachedWords = 50_000;

    private readonly RouterVocabulary vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
    private readonly RouterPhrases phrases = phrases ?? RouterPhrases.BuiltIn;

    public IntentMatch Route(string? text)
    {
        // A reason ("because …", "reject 42, it …") is routed apart from the request, so its words cannot change
        // the intent or the entities; it only counts for the intents that take one.
        if (text is not null && ReasonText.TrySplitAtMarker(text, out var head, out var reason))
        {
            var request = RouteRequest(head);
            if (request.Intent == Intent.ProposeReassignment || request.Intent == Intent.RejectProposal || request.Intent == Intent.ApproveProposal)
            {
                return request with { Entities = request.Entities with { Reason = reason } };
            }
        }

        if (text is not null && ReasonText.TrySplitAtSeparator(text, out head, out reason))
        {
            var request = RouteRequest(head);
            if (request.Intent == Intent.RejectProposal && request.Entities.ProposalNumber is not null)
            {
                return request with { Entities = request.Entities with { Reason = reason } };
            }
        }

        return RouteRequest(text);
    }

    private IntentMatch RouteRequest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IntentMatch(Intent.Unknown, 0, IntentEntities.None);
        }

        // Ids first, on whitespace-separated words, so "A-17" is not split into a word and a number.
        var accountIds = new List<string>();
        var repIds = new List<string>();
        var rest = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim(TrimChars);
            if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
            {
                word = word[..^2];
            }

            var key = word.ToUpperInvariant();
            if (key.Length > 0 && vocabulary.AccountIds.TryGetValue(key, out var accountId))
            {
                AddOnce(accountIds, accountId);
                rest.Add(" ");
            }
            else if (key.Length > 0 && vocabulary.RepIds.TryGetValue(key, out var repId))
            {
                AddOnce(repIds, repId);
                rest.Add(" ");
            }
            else
            {
                rest.Add(raw);
            }
        }

        var tokens = TextMatching.Tokenize(string.Join(' ', rest));
        var stems = tokens.Select(TextMatching.Stem).ToArray();
        var used = new bool[tokens.Count];
        var (count, percent, proposal) = Numbers(tokens, used);
        var common = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            common[i] = used[i] || StopWords.Contains(tokens[i]) || Keywords.Contains(stems[i]) || TextMatching.TryNumber(tokens[i], out _);
        }

        foreach (var id in ResolveNames(vocabulary.Accounts, tokens, common))
        {
            AddOnce(accountIds, id);
        }

        foreach (var id in ResolveNames(vocabulary.Reps, tokens, common))
        {
            AddOnce(repIds, id);
        }

        var scenario = FindScenario(tokens, stems);
        var have = Need.None;
        have |= accountIds.Count > 0 ? Need.Account : Need.None;
        have |= repIds.Count > 0 ? Need.Rep : Need.None;
        have |= count is not null || proposal is not null ? Need.Number : Need.None;
        have |= percent is not null ? Need.Percent : Need.None;
        have |= scenario is not null ? Need.Scenario : Need.None;

        var (intent, confidence) = Score(stems, tokens, have);
        if ((intent == Intent.ApproveProposal || intent == Intent.RejectProposal) && proposal is null && count is not null)
        {
            // "approve 42": a bare number after approve/reject names the proposal.
            proposal = count;
            count = null;
        }

        var entities = new IntentEntities
        {
            AccountIds = accountIds,
            RepIds = repIds,
            Count = count,
            Percent = percent,
            ProposalNumber = proposal,
            Scenario = intent == Intent.Scenarios || intent == Intent.FairnessCheck || intent == Intent.Unknown || intent == Intent.ProposeReassignment ? scenario : null,
            FairnessFixes = intent == Intent.ProposeReassignment && stems.Any(s => s is "fair" or "fairness" or "unfair"),
            Industry = intent == Intent.RepFit ? FindIndustry(tokens, stems) : null,
            Targets = intent == Intent.Scenarios ? FindTargets(stems) : null,
        };
        return QueryRouting.Refine(new IntentMatch(confidence < Threshold ? Intent.Unknown : intent, confidence, entities), text, vocabulary);
    }

    /// <summary>"by quota", "quota-weighted", "weighted by capacity": the target mode a design should follow.</summary>
    private static Core.Design.TargetMode? FindTargets(string[] stems)
    {
        bool quota = stems.Any(s => TargetWords.Quota.Contains(s));
        bool capacity = stems.Any(s => TargetWords.Capacity.Contains(s));
        bool equal = stems.Any(s => TargetWords.Equal.Contains(s)) && stems.Any(s => s is "target" or "share" or "split");
        // Two different modes in one sentence is ambiguous: take neither rather than guess.
        return (quota, capacity, equal) switch
        {
            (true, false, false) => Core.Design.TargetMode.Quota,
            (false, true, false) => Core.Design.TargetMode.Capacity,
            (false, false, true) => Core.Design.TargetMode.Equal,
            _ => null,
        };
    }

    private (Intent Intent, double Score) Score(string[] stems, List<string> tokens, Need have)
    {
        var best = new Dictionary<Intent, (double Top, int Extra)>();
        var typos = new string[]?[stems.Length];
        foreach (var pattern in phrases.Patterns)
        {
            if ((pattern.Need & have) != pattern.Need || !AllTermsMatch(pattern.Terms, stems, tokens, typos))
            {
                continue;
            }

            var (top, extra) = best.GetValueOrDefault(pattern.Intent);
            best[pattern.Intent] = pattern.Weight > top ? (pattern.Weight, top > 0 ? extra + 1 : extra) : (top, extra + 1);
        }

        var winner = Intent.Unknown;
        var winnerScore = 0.0;
        foreach (var intent in phrases.Intents)
        {
            if (!best.TryGetValue(intent, out var found))
            {
                continue;
            }

            // Corroborating patterns add a little, never enough to beat a more specific phrase by much.
            var score = Math.Min(1.0, found.Top + (found.Extra > 0 ? 0.02 : 0));
            if (score > winnerScore)
            {
                (winner, winnerScore) = (intent, score);
            }
        }

        return (winner, winnerScore);
    }

    private static bool AllTermsMatch(string[][][] terms, string[] stems, List<string> tokens, string[]?[] typos)
    {
        foreach (var term in terms)
        {
            if (!TermMatches(term, stems, tokens, typos))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TermMatches(string[][] alternatives, string[] stems, List<string> tokens, string[]?[] typos)
    {
        foreach (var words in alternatives)
        {
            for (var start = 0; start + words.Length <= stems.Length; start++)
            {
                var all = true;
                for (var k = 0; k < words.Length && all; k++)
                {
                    all = WordMatches(start + k, stems, tokens, words[k], typos);
                }

                if (all)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool WordMatches(int position, string[] stems, List<string> tokens, string keyword, string[]?[] typos)
    {
        var stem = stems[position];
        var raw = tokens[position];
        if (string.Equals(stem, keyword, StringComparison.Ordinal) || string.Equals(raw, keyword, StringComparison.Ordinal))
        {
            return true;
        }

        return Array.IndexOf(typos[position] ??= KeywordsWithin(stem, raw), keyword) >= 0;
    }

    /// <summary>
    /// The pattern keywords a word is a typo of (usually none). A function of the word alone, so it is kept across
    /// turns: people ask the same few questions, and checking every keyword for every word was most of a turn's cost.
    /// The cache is bounded; past the bound, new words are checked every time.
    /// </summary>
    private static string[] KeywordsWithin(string stem, string raw)
    {
        var key = stem + "\0" + raw;
        if (TypoCache.TryGetValue(key, out var found))
        {
            return found;
        }

        var matches = KeywordList.Where(keyword => Typo(stem, keyword) || Typo(raw, keyword)).ToArray();
        if (TypoCache.Count < MaxCachedWords)
        {
            TypoCache.TryAdd(key, matches);
        }

        return matches;
    }

    private static bool Typo(string token, string keyword)
    {
        if (keyword.Length == 4 && token.Length == 4)
        {
            // Four-letter words only forgive a swap ("teir"); any other edit makes a different word too often.
            return TextMatching.Distance(token, keyword, 1) == 1 && token.Order().SequenceEqual(keyword.Order());
        }

        // Typos only on longer keywords: short words ("fit", "plan") collide too easily.
        return keyword.Length >= 5 && token.Length >= 4 && TextMatching.Similar(token, keyword);
    }

    private static (int? Count, double? Percent, int? Proposal) Numbers(List<string> tokens, bool[] used)
    {
        int? count = null;
        double? percent = null;
        int? proposal = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!TextMatching.TryNumber(tokens[i], out var value))
            {
                continue;
            }

            var next = i + 1 < tokens.Count ? tokens[i + 1] : "";
            var previous = i > 0 ? tokens[i - 1] : "";
            if (next is "%" or "percent" or "pct" || (next == "per" && i + 2 < tokens.Count && tokens[i + 2] == "cent"))
            {
                percent ??= value;
                used[i] = true;
            }
            else if (previous == "#" || ProposalWords.Contains(previous))
            {
                if (value is >= 1 and <= int.MaxValue && value == Math.Floor(value))
                {
                    proposal ??= (int)value;
                }

                used[i] = true;
            }
            else if (count is null && value is >= 1 and <= 100_000 && value == Math.Floor(value))
            {
                count = (int)value;
                used[i] = true;
            }
        }

        return (count, percent, proposal);
    }

    /// <summary>
    /// Entries named in the text: every identifying word present (typos allowed on uncommon words), two of
    /// them including the leading one ("blue ridge"), or one word that identifies a single entry and is
    /// not a keyword or stop word ("acme", "dana").
    /// Overlapping candidates go to the most completely named entry.
    /// </summary>
    private static List<string> ResolveNames(NameIndex index, List<string> tokens, bool[] common)
    {
        if (index.Count == 0)
        {
            return [];
        }

        // Rare words first: a word shared by many names (an industry ending such as "health") only adds to
        // candidates that a rarer word already found, so a turn never walks thousands of postings.
        var found = new List<(int Position, int WordId, bool Exact)>();
        for (var position = 0; position < tokens.Count; position++)
        {
            var token = tokens[position];
            if (token.Length < 2 || token is "%" or "#")
            {
                continue;
            }

            foreach (var (wordId, exact) in index.Lookup(token, fuzzy: !common[position]))
            {
                found.Add((position, wordId, exact));
            }
        }

        var hits = new Dictionary<int, Hit>();
        foreach (var (position, wordId, exact) in found.OrderBy(f => index.Frequency(f.WordId)).ThenBy(f => f.Position))
        {
            var token = tokens[position];
            var frequent = index.Frequency(wordId) > CommonNameWord;
            var entries = frequent ? hits.Keys.Where(e => index.Contains(e, wordId)).ToList() : index.EntriesWith(wordId);
            foreach (var entry in entries)
            {
                if (!hits.TryGetValue(entry, out var hit))
                {
                    hits[entry] = hit = new Hit(entry);
                }

                if (hit.Words.Add(wordId))
                {
                    hit.Positions.Add(position);
                    hit.Fuzzy += exact ? 0 : 1;
                    hit.Distinctive |= !common[position] && index.Frequency(wordId) == 1 && index.MayIdentifyAlone(entry, wordId) && token.Length >= (exact ? 3 : 4);
                }
            }
        }

        var accepted = hits.Values
            .Where(h => h.Words.Count == index.WordCount(h.Entry) || h.Distinctive
                || (h.Words.Count >= 2 && h.Words.Any(w => index.MayIdentifyAlone(h.Entry, w))))
            .OrderByDescending(h => (double)h.Words.Count / index.WordCount(h.Entry))
            .ThenByDescending(h => h.Words.Count)
            .ThenBy(h => h.Fuzzy)
            .ThenBy(h => h.Positions.Min())
            .ThenBy(h => h.Entry);
        var taken = new HashSet<int>();
        var chosen = new List<Hit>();
        foreach (var hit in accepted)
        {
            if (hit.Positions.Any(taken.Contains))
            {
                continue;
            }

            taken.UnionWith(hit.Positions);
            chosen.Add(hit);
        }

        return [.. chosen.OrderBy(h => h.Positions.Min()).Select(h => index.IdOf(h.Entry))];
    }

    private string? FindScenario(List<string> tokens, string[] stems)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ScenarioSynonyms.TryGetValue(tokens[i], out var synonym) && vocabulary.Scenarios.Contains(synonym))
            {
                return synonym;
            }

            foreach (var name in vocabulary.Scenarios)
            {
                if (stems[i] == TextMatching.Stem(name) || (name.Length >= 6 && tokens[i].Length >= 6 && TextMatching.Similar(tokens[i], name)))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The industry the text names: every word of its name ("financial services"), its first word when no other
    /// industry starts with it ("financial"), or a common shorthand ("fintech", "banking" → the financial industry).
    /// Only industries present in the data are returned.
    /// </summary>
    private string? FindIndustry(List<string> tokens, string[] stems)
    {
        if (vocabulary.Industries.Count == 0)
        {
            return null;
        }

        var present = new HashSet<string>(stems, StringComparer.Ordinal);
        present.UnionWith(tokens);
        bool Has(string word) =>
            present.Contains(word) || present.Contains(TextMatching.Stem(word))
            || (word.Length >= 6 && tokens.Any(t => t.Length >= 6 && TextMatching.Similar(t, word)));

        string[] Words(string industry) => [.. TextMatching.Tokenize(industry).Where(w => w.Length > 0 && w != "&")];

        // Whole names first, longest first, so "professional services" is not read as some other "... services".
        foreach (var industry in vocabulary.Industries.OrderByDescending(i => Words(i).Length).ThenBy(i => i, StringComparer.OrdinalIgnoreCase))
        {
            var words = Words(industry);
            if (words.Length > 0 && words.All(Has))
            {
                return industry;
            }
        }

        foreach (var industry in vocabulary.Industries)
        {
            var lead = Words(industry).FirstOrDefault();
            if (lead is { Length: >= 5 } && Has(lead)
                && vocabulary.Industries.Count(i => string.Equals(Words(i).FirstOrDefault(), lead, StringComparison.Ordinal)) == 1)
            {
                return industry;
            }
        }

        foreach (var token in tokens)
        {
            if (IndustrySynonyms.TryGetValue(token, out var prefix)
                && vocabulary.Industries.FirstOrDefault(i => i.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { } industry)
            {
                return industry;
            }
        }

        return null;
    }

    private static void AddOnce(List<string> list, string id)
    {
        if (!list.Contains(id, StringComparer.Ordinal))
        {
            list.Add(id);
        }
    }

    private sealed class Hit(int entry)
    {
        public int Entry { get; } = entry;
        public HashSet<int> Words { get; } = [];
        public List<int> Positions { get; } = [];
        public int Fuzzy { get; set; }
        public bool Distinctive { get; set; }
    }
}

/// <summary>
/// The phrase table the router scores with: the built-in one (<see cref="IntentPatterns"/>) plus the phrases plugins
/// declare on their intents (<see cref="IntentAttribute.Phrases"/>). Intents are tried in this order; on equal scores
/// the first wins. Typo tolerance covers the built-in keywords; declared phrases match their words as stemmed.
/// </summary>
internal sealed class RouterPhrases
{
    public static RouterPhrases BuiltIn { get; } = new([]);

    public RouterPhrases(IEnumerable<Pattern> declared)
    {
        Patterns = [.. All, .. declared];
        Intents = [.. Intent.BuiltIn, .. Patterns.Select(p => p.Intent).Where(i => !Intent.BuiltIn.Contains(i)).Distinct()];
    }

    public IReadOnlyList<Pattern> Patterns { get; }

    public IReadOnlyList<Intent> Intents { get; }
}
