using System.Globalization;
using System.Text;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Conversation;

/// <summary>What kind of answer an account question asks for.</summary>
internal enum QueryShape
{
    /// <summary>Not an account question.</summary>
    None,
    /// <summary>One figure: a count, sum, average or median.</summary>
    Figure,
    /// <summary>"Which account … most / fastest": the first of a ranking.</summary>
    Extreme,
    /// <summary>"Top / bottom N by …": a ranked list.</summary>
    Ranked,
    /// <summary>The matching accounts.</summary>
    List,
    /// <summary>"Which rep … most": the measure per rep, the first (or last) rep.</summary>
    RepRanking,
}

/// <summary>
/// An account question as understood: the engine query, the answer's shape, whose accounts, and what was not
/// understood. <see cref="Exact"/> only when every word that carries meaning was understood.
/// </summary>
internal sealed record ParsedQuestion
{
    public static ParsedQuestion Empty { get; } = new();

    public AccountQuery Query { get; init; } = new();
    public QueryShape Shape { get; init; }

    /// <summary>"my team", "we", "our": the team's accounts (managers and ops; a rep is refused).</summary>
    public bool Team { get; init; }

    /// <summary>Reps named in the question (also present as owner filters).</summary>
    public IReadOnlyList<string> RepIds { get; init; } = [];

    /// <summary>Words that carry meaning but were not understood.</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    /// <summary>Words naming a person or rep id the data does not know ("Zoltan's", "R777").</summary>
    public IReadOnlyList<string> UnknownPeople { get; init; } = [];

    /// <summary>For <see cref="QueryShape.RepRanking"/>: the rep with the least rather than the most.</summary>
    public bool Fewest { get; init; }

    /// <summary>An explicit measure (how many, total, average …), superlative, top N or comparison was asked for.</summary>
    public bool Measured { get; init; }

    /// <summary>A measure, superlative, top N or comparison in so many words (not a total inferred from a bare field such as "ARR").</summary>
    public bool Asked { get; init; }

    /// <summary>Listing words ("list", "show", "which") were used.</summary>
    public bool Listed { get; init; }

    /// <summary>Words of the question the parser understood (for "here is what I understood").</summary>
    public IReadOnlyList<string> UnderstoodWords { get; init; } = [];

    public bool Exact => Shape != QueryShape.None && Unknown.Count == 0 && UnknownPeople.Count == 0;

    /// <summary>Carries a constraint an account answer must honour: a filter, a measure or a ranking.</summary>
    public bool Constrained => Query.Filters.Count > 0 || Measured;

    /// <summary>A stable key for keeping answers.</summary>
    public string Key() => System.Text.Json.JsonSerializer.Serialize(new { Query, Shape, Team, RepIds, Unknown, UnknownPeople, Fewest });
}

/// <summary>
/// Reads an account question from ordinary phrasing, deterministically: the measure ("how many", "total",
/// "average", "which … most", "top 5", "list"), the field, the filters (places, industries, statuses, tiers, stages,
/// technologies, numbers with units such as "$1M", "500 employees", "6 months", negations) and whose accounts
/// ("my", "my team's", a rep's name). Every word is either understood or reported as not understood, so the caller
/// can tell an exact reading from a partial one. Vocabulary lives in <see cref="QueryLexicon"/> (data), not here.
/// </summary>
internal static class QueryParser
{
    private sealed record Token(string Lower, string Raw, bool Possessive, bool Dollar, int Position)
    {
        public string Stem { get; } = TextMatching.Stem(Lower);
    }

    private sealed record Item(int Start, int End, Meaning Meaning, double? Number = null, bool Percent = false, string Text = "");

    private const double MonthDays = 30;

    public static ParsedQuestion Parse(string? text, QueryLexicon lexicon, DateOnly asOf, IReadOnlyCollection<string>? knownRepIds = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            return ParsedQuestion.Empty;
        }

        var tokens = Tokenize(text);
        var items = new List<Item>();
        var unknown = new List<string>();
        var unknownPeople = new List<string>();
        var reps = new List<string>();
        var known = knownRepIds ?? [];
        for (var i = 0; i < tokens.Count;)
        {
            var token = tokens[i];
            if (IsNumber(token, out var number, out var scale, out var percent))
            {
                var end = i + 1;
                if (scale == 1 && end < tokens.Count && lexicon.Lookup(tokens[end].Stem) is { } unit && unit.FirstOrDefault(m => m.Sense == Sense.MoneyUnit) is { } money)
                {
                    scale = money.Number;
                    end++;
                }

                if (end < tokens.Count && tokens[end].Lower == "%")
                {
                    percent = true;
                    end++;
                }

                items.Add(new Item(i, end, new Meaning(Sense.Filler), number * scale, percent, token.Raw));
                i = end;
                continue;
            }

            if (IsIdLike(token.Lower, 'r'))
            {
                var id = token.Lower.ToUpperInvariant();
                var match = known.FirstOrDefault(k => string.Equals(k, id, StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    items.Add(new Item(i, i + 1, new Meaning(Sense.Rep, Value: match), Text: token.Raw));
                }
                else
                {
                    unknownPeople.Add(token.Raw);
                }

                i++;
                continue;
            }

            if (IsIdLike(token.Lower, 'a'))
            {
                // An account id belongs to another kind of question (why, lookup); as a filter it is not understood.
                unknown.Add(token.Raw);
                i++;
                continue;
            }

            var (length, meanings) = Longest(tokens, i, lexicon);
            if (length == 0)
            {
                if (LooksLikePerson(tokens, i))
                {
                    unknownPeople.Add(token.Raw);
                }
                else
                {
                    unknown.Add(token.Raw);
                }

                i++;
                continue;
            }

            var chosen = Choose(meanings!, tokens, i, length);
            items.Add(new Item(i, i + length, chosen, Text: string.Join(' ', tokens.Skip(i).Take(length).Select(t => t.Raw))));
            i += length;
        }

        return Interpret(items, unknown, unknownPeople, reps, asOf);
    }

    private static ParsedQuestion Interpret(List<Item> items, List<string> unknown, List<string> unknownPeople, List<string> reps, DateOnly asOf)
    {
        var filters = new List<QueryFilter>();
        MeasureKind? measure = null;
        QueryField? measureField = null;
        string? superlative = null;
        QueryField? rankField = null;
        int? limit = null;
        var listed = false;
        var team = false;
        var repWord = false;
        var used = new bool[items.Count];
        var understood = new List<string>();
        var negateUntil = -1;
        var measured = false;

        bool Negated(int index) => index <= negateUntil;

        // Pass 1: numbers with comparators, durations, top N.
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            if (item.Number is not { } value)
            {
                continue;
            }

            var previous = Previous(items, k);
            var next = Next(items, k);

            // Duration: "6 months", "90 days" — an activity age.
            if (next is { } unitIndex && items[unitIndex].Meaning.Sense == Sense.DurationUnit)
            {
                var days = items[unitIndex].Meaning.Number == 30 ? (asOf.DayNumber - asOf.AddMonths(-(int)Math.Round(value)).DayNumber)
                    : items[unitIndex].Meaning.Number == 365 ? (asOf.DayNumber - asOf.AddYears(-(int)Math.Round(value)).DayNumber)
                    : value * items[unitIndex].Meaning.Number;
                if (value != Math.Floor(value) && items[unitIndex].Meaning.Number is 30 or 365)
                {
                    days = value * items[unitIndex].Meaning.Number;
                }

                var activity = FindBackward(items, k, m => m.Field == QueryField.LastActivityDays, 5);
                if (activity is null)
                {
                    continue;
                }

                var negate = items[activity.Value].Meaning.Sense == Sense.Untouched || HasNegationBefore(items, activity.Value, 4);
                var filter = QueryFilter.AtMost(QueryField.LastActivityDays, days);
                filters.Add(negate ? filter.Not() : filter);
                used[k] = used[unitIndex] = used[activity.Value] = true;
                MarkNegationBefore(items, activity.Value, 4, used);
                measured = true;
                continue;
            }

            // "top 5", "5 biggest", "bottom 3", "my 3 slowest".
            if ((previous is { } p && items[p].Meaning.Sense == Sense.Superlative)
                || (next is { } n && items[n].Meaning.Sense is Sense.Superlative or Sense.Growth))
            {
                if (value is >= 1 and <= 100 && value == Math.Floor(value) && !item.Percent)
                {
                    limit = (int)value;
                    used[k] = true;
                    continue;
                }
            }

            // Comparisons: "over $1M potential", "potential above $1M", "between 200 and 1000 employees", "4 or more".
            string? op = null;
            double? upper = null;
            var opIndex = -1;
            if (previous is { } before && items[before].Meaning.Sense == Sense.Comparator)
            {
                op = items[before].Meaning.Value;
                opIndex = before;
                if (op == "between" && Next(items, k) is { } andIndex && Next(items, andIndex) is { } upperIndex && items[upperIndex].Number is { } high
                    && (items[andIndex].Text.Equals("and", StringComparison.OrdinalIgnoreCase) || items[andIndex].Text == "to"))
                {
                    upper = high;
                    used[andIndex] = used[upperIndex] = true;
                }
                else if (op == "between")
                {
                    // "from" without a second number is not a range.
                    continue;
                }
            }
            else if (next is { } after && items[after].Meaning.Sense == Sense.ComparatorSuffix)
            {
                op = items[after].Meaning.Value;
                opIndex = after;
            }

            if (op is null)
            {
                continue;
            }

            var field = NumberField(items, k, opIndex, upper is null ? k : items.FindIndex(k + 1, x => x.Number == upper), item.Percent, item.Text.Contains('$', StringComparison.Ordinal), used);
            if (field is null)
            {
                continue;
            }

            var amount = QueryFields.Info(field.Value).Unit == QueryUnit.Fraction ? value / 100 : value;
            var high2 = upper is { } u && QueryFields.Info(field.Value).Unit == QueryUnit.Fraction ? u / 100 : upper;
            var made = op switch
            {
                "above" => QueryFilter.Above(field.Value, amount),
                "below" => QueryFilter.Below(field.Value, amount),
                "at_least" => QueryFilter.AtLeast(field.Value, amount),
                "at_most" => QueryFilter.AtMost(field.Value, amount),
                "between" when high2 is { } h => QueryFilter.Between(field.Value, Math.Min(amount, h), Math.Max(amount, h)),
                _ => null,
            };
            if (made is null)
            {
                continue;
            }

            filters.Add(HasNegationBefore(items, opIndex < k ? opIndex : k, 2) ? made.Not() : made);
            MarkNegationBefore(items, opIndex < k ? opIndex : k, 2, used);
            used[k] = used[opIndex] = true;
            measured = true;
        }

        // Pass 2: everything else, left to right.
        for (var k = 0; k < items.Count; k++)
        {
            if (used[k])
            {
                understood.Add(items[k].Text);
                continue;
            }

            var item = items[k];
            var meaning = item.Meaning;
            if (item.Number is not null)
            {
                // A number nothing above could place ("accounts 17") is not understood.
                unknown.Add(item.Text);
                continue;
            }

            switch (meaning.Sense)
            {
                case Sense.Negation:
                    negateUntil = k + 3;
                    break;
                case Sense.Measure:
                    measure ??= meaning.Value switch
                    {
                        "count" => MeasureKind.Count,
                        "sum" => MeasureKind.Sum,
                        "average" => MeasureKind.Average,
                        "median" => MeasureKind.Median,
                        _ => null,
                    };
                    measured = true;
                    break;
                case Sense.Field when meaning.Field == QueryField.LastActivityDays:
                    // "never contacted", "not touched" without a duration: never touched at all.
                    if (Negated(k) || meaning.Sense == Sense.Untouched)
                    {
                        filters.Add(QueryFilter.Missing(QueryField.LastActivityDays));
                    }
                    else
                    {
                        unknown.Add(item.Text);
                    }

                    break;
                case Sense.Untouched:
                    filters.Add(QueryFilter.Missing(QueryField.LastActivityDays));
                    break;
                case Sense.Field:
                    if (Negated(k) && meaning.Field is QueryField.OpenPipeline or QueryField.OpenOpportunities)
                    {
                        // "no pipeline", "without open deals".
                        filters.Add(QueryFilter.Above(QueryField.OpenPipeline, 0).Not());
                        negateUntil = -1;
                    }
                    else if (superlative is not null && rankField is null)
                    {
                        rankField = meaning.Field;
                    }
                    else if (Previous(items, k) is { } byIndex && items[byIndex].Meaning.Sense == Sense.RankBy && (superlative is not null || limit is not null))
                    {
                        rankField = meaning.Field;
                    }
                    else
                    {
                        measureField ??= meaning.Field;
                    }

                    break;
                case Sense.Value:
                    {
                        var filter = meaning.Field == QueryField.Owner && meaning.Value == ""
                            ? QueryFilter.Missing(QueryField.Owner)
                            : meaning.Field is QueryField.Whitespace or QueryField.Named or QueryField.Customer
                                ? QueryFilter.Flag(meaning.Field.Value, meaning.Value == "true")
                                : QueryFilter.Is(meaning.Field!.Value, meaning.Value!);
                        if (Negated(k))
                        {
                            filter = filter.Not();
                            negateUntil = -1;
                        }

                        // "Miami or Tampa", "Texas and Ohio": two values of a single-valued field mean either (both is never
                        // true); for sets (tech, deal stages) only "or" does ("Kubernetes and AWS" means both).
                        if (filter is { Op: FilterOp.Is, Negated: false } && filters.Count > 0 && filters[^1] is { Op: FilterOp.Is, Negated: false } last
                            && last.Field == filter.Field && (QueryFields.Info(filter.Field).Kind == FieldKind.Category || OrBefore(items, k)))
                        {
                            filters[^1] = last with { Values = [.. last.Values, .. filter.Values] };
                            break;
                        }

                        filters.Add(filter);
                        break;
                    }

                case Sense.Superlative:
                    superlative ??= meaning.Value;
                    measured = true;
                    break;
                case Sense.Growth:
                    superlative ??= meaning.Value;
                    rankField ??= QueryField.Growth;
                    measured = true;
                    break;
                case Sense.List:
                    listed = true;
                    break;
                case Sense.Team:
                    team = true;
                    break;
                case Sense.RepWord:
                    repWord = true;
                    break;
                case Sense.Rep:
                    if (!reps.Contains(meaning.Value!))
                    {
                        reps.Add(meaning.Value!);
                    }

                    break;
                case Sense.Comparator or Sense.ComparatorSuffix or Sense.DurationUnit or Sense.MoneyUnit:
                    // Left over from a comparison that could not be placed: the question compares something we did not read.
                    if (meaning.Sense == Sense.Comparator && meaning.Value == "between")
                    {
                        break;
                    }

                    if (meaning.Sense == Sense.Comparator && meaning.Value is "above" or "below" && item.Text.Equals("over", StringComparison.OrdinalIgnoreCase) is false
                        && item.Text.Equals("under", StringComparison.OrdinalIgnoreCase) is false && item.Text.Equals("on", StringComparison.OrdinalIgnoreCase))
                    {
                        break;
                    }

                    if (meaning.Sense == Sense.Comparator && item.Text.ToLowerInvariant() is "over" or "under" or "plus" or "from")
                    {
                        break;
                    }

                    unknown.Add(item.Text);
                    break;
                default:
                    break;
            }

            understood.Add(item.Text);
        }

        foreach (var rep in reps)
        {
            filters.Add(QueryFilter.Is(QueryField.Owner, rep));
        }

        var asked = measured;

        // The shape.
        QueryShape shape;
        QueryMeasure queryMeasure = QueryMeasure.Count;
        QueryRank? rank = null;
        var fewest = false;
        var anything = filters.Count > 0 || measure is not null || superlative is not null || limit is not null || listed || measureField is not null;
        if (!anything)
        {
            shape = QueryShape.None;
        }
        else if (repWord && (superlative is not null))
        {
            shape = QueryShape.RepRanking;
            fewest = superlative == "asc";
            var field = rankField ?? measureField;
            queryMeasure = field is { } f ? QueryMeasure.Sum(f) : QueryMeasure.Count;
        }
        else if (measure is { } kind)
        {
            var field = measureField ?? rankField;
            if (kind == MeasureKind.Sum && field is null)
            {
                // "how many accounts in total", "total accounts".
                kind = MeasureKind.Count;
            }

            shape = QueryShape.Figure;
            queryMeasure = kind switch
            {
                MeasureKind.Count => QueryMeasure.Count,
                MeasureKind.Sum => QueryMeasure.Sum(field!.Value),
                MeasureKind.Average when field is { } a => QueryMeasure.Average(a),
                MeasureKind.Median when field is { } m => QueryMeasure.Median(m),
                _ => QueryMeasure.Count,
            };
            if (kind is MeasureKind.Average or MeasureKind.Median && field is null)
            {
                unknown.Add(kind.ToString().ToLowerInvariant());
            }

            rank = new QueryRank(field ?? QueryField.PotentialArr);
        }
        else if (superlative is not null || limit is not null)
        {
            var field = rankField ?? measureField ?? (filters.Any(f => f.Field == QueryField.Customer && f.Values.FirstOrDefault() == "true" && !f.Negated)
                ? QueryField.CurrentArr : QueryField.PotentialArr);
            var ascending = superlative == "asc";
            if (limit is { } n)
            {
                shape = QueryShape.Ranked;
                rank = new QueryRank(field, ascending, n);
            }
            else
            {
                shape = QueryShape.Extreme;
                rank = new QueryRank(field, ascending);
            }
        }
        else if (measureField is { } summed && !listed)
        {
            // "what's my current ARR in Healthcare": a field with no measure word is its total (numbers that add up).
            shape = QueryShape.Figure;
            if (QueryFields.Info(summed).Unit is QueryUnit.Money)
            {
                queryMeasure = QueryMeasure.Sum(summed);
                measured = true;
                rank = new QueryRank(summed);
            }
            else
            {
                unknown.Add(summed.ToString());
            }
        }
        else
        {
            shape = QueryShape.List;
            rank = new QueryRank(measureField ?? QueryField.PotentialArr);
        }

        var listFields = new List<QueryField>();
        void AddField(QueryField? f)
        {
            if (f is { } x && !listFields.Contains(x) && QueryFields.Info(x).IsNumeric)
            {
                listFields.Add(x);
            }
        }

        AddField(rank?.By);
        AddField(queryMeasure.Field);
        AddField(QueryField.PotentialArr);
        return new ParsedQuestion
        {
            Query = new AccountQuery
            {
                Filters = filters,
                Measure = queryMeasure,
                Rank = shape == QueryShape.RepRanking ? null : rank,
                GroupBy = shape == QueryShape.RepRanking ? QueryField.Owner : null,
                ListFields = listFields,
                RowLimit = shape == QueryShape.Ranked ? Math.Min(rank?.Limit ?? 10, 25) : 10,
            },
            Shape = shape,
            Team = team,
            RepIds = reps,
            Unknown = unknown,
            UnknownPeople = unknownPeople,
            Fewest = fewest,
            Measured = measured || shape is QueryShape.Extreme or QueryShape.Ranked or QueryShape.RepRanking,
            Asked = asked,
            Listed = listed,
            UnderstoodWords = understood,
        };
    }

    /// <summary>The numeric field a compared number is about: a field word next to it, else what its unit says.</summary>
    private static QueryField? NumberField(List<Item> items, int number, int op, int last, bool percent, bool money, bool[] used)
    {
        // A field word right after the number ("500 employees", "$50k ARR") wins; then one just before the comparator.
        if (Next(items, Math.Max(number, last)) is { } after && items[after].Meaning.Sense == Sense.Field && items[after].Meaning.Field is { } f1 && !used[after])
        {
            used[after] = true;
            return f1;
        }

        var start = Math.Min(number, op);
        for (var k = start - 1; k >= Math.Max(0, start - 4); k--)
        {
            if (items[k].Meaning.Sense == Sense.Field && items[k].Meaning.Field is { } f2 && !used[k])
            {
                used[k] = true;
                return f2;
            }

            if (items[k].Meaning.Sense is Sense.Value or Sense.Measure or Sense.Comparator)
            {
                break;
            }
        }

        if (percent)
        {
            return QueryField.Growth;
        }

        return money ? QueryField.PotentialArr : null;
    }

    /// <summary>Whether "or" stands between this item and the previous value.</summary>
    private static bool OrBefore(List<Item> items, int k) =>
        k > 0 && items[k - 1].Text.Equals("or", StringComparison.OrdinalIgnoreCase);

    private static int? FindBackward(List<Item> items, int from, Func<Meaning, bool> test, int window)
    {
        for (var k = from - 1; k >= Math.Max(0, from - window); k--)
        {
            if (test(items[k].Meaning))
            {
                return k;
            }
        }

        return null;
    }

    private static bool HasNegationBefore(List<Item> items, int index, int window) =>
        FindBackward(items, index, m => m.Sense == Sense.Negation, window) is not null;

    private static void MarkNegationBefore(List<Item> items, int index, int window, bool[] used)
    {
        if (FindBackward(items, index, m => m.Sense == Sense.Negation, window) is { } k)
        {
            used[k] = true;
        }
    }

    /// <summary>The previous item that is not filler.</summary>
    private static int? Previous(List<Item> items, int k)
    {
        for (var j = k - 1; j >= 0; j--)
        {
            if (items[j].Meaning.Sense != Sense.Filler || items[j].Number is not null)
            {
                return j;
            }

            if (items[j].Text.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                return j;
            }
        }

        return null;
    }

    /// <summary>The next item that is not filler ("and" counts, for ranges).</summary>
    private static int? Next(List<Item> items, int k)
    {
        for (var j = k + 1; j < items.Count; j++)
        {
            if (items[j].Meaning.Sense != Sense.Filler || items[j].Number is not null
                || items[j].Text.Equals("and", StringComparison.OrdinalIgnoreCase) || items[j].Text.Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                return j;
            }

            if (items[j].Text.Equals("of", StringComparison.OrdinalIgnoreCase) || items[j].Text.Equals("a", StringComparison.OrdinalIgnoreCase)
                || items[j].Text.Equals("an", StringComparison.OrdinalIgnoreCase) || items[j].Text.Equals("in", StringComparison.OrdinalIgnoreCase)
                || items[j].Text.Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return j;
        }

        return null;
    }

    private static (int Length, IReadOnlyList<Meaning>? Meanings) Longest(List<Token> tokens, int start, QueryLexicon lexicon)
    {
        for (var length = Math.Min(QueryLexicon.MaxPhraseWords, tokens.Count - start); length >= 1; length--)
        {
            var window = tokens.Skip(start).Take(length).ToList();
            if (window.Any(t => t.Lower == "%"))
            {
                continue;
            }

            var key = string.Join(' ', window.Select(t => t.Stem));
            if (lexicon.Lookup(key) is { } found && Usable(found, window))
            {
                return (length, found);
            }
        }

        var single = tokens[start];
        if (lexicon.Correct(single.Stem) is { } corrected && lexicon.Lookup(corrected) is { } fixedMeanings && Usable(fixedMeanings, [single]))
        {
            return (1, fixedMeanings);
        }

        return (0, null);
    }

    /// <summary>Two-letter state codes that are English words only count in capitals; such a phrase may still be filler.</summary>
    private static bool Usable(IReadOnlyList<Meaning> meanings, List<Token> window) =>
        meanings.Any(m => !(IsStateCode(m, window) && !QueryLexicon.MayBeStateCode(window[0].Raw)));

    private static bool IsStateCode(Meaning m, List<Token> window) =>
        m.Sense == Sense.Value && m.Field == QueryField.State && window.Count == 1 && window[0].Lower.Length == 2;

    /// <summary>Of several meanings of one phrase: a state over a city of the same name, data values over filler.</summary>
    private static Meaning Choose(IReadOnlyList<Meaning> meanings, List<Token> tokens, int start, int length)
    {
        var window = tokens.Skip(start).Take(length).ToList();
        var usable = meanings.Where(m => !(IsStateCode(m, window) && !QueryLexicon.MayBeStateCode(window[0].Raw))).ToList();
        static int Rank(Meaning m) => m.Sense switch
        {
            Sense.Rep => 0,
            Sense.Growth => 1,
            Sense.Value when m.Field == QueryField.State => 2,
            Sense.Value => 3,
            Sense.Measure => 4,
            Sense.Comparator or Sense.ComparatorSuffix => 5,
            Sense.Negation => 6,
            Sense.Field => 7,
            Sense.Superlative => 8,
            Sense.Untouched => 9,
            Sense.Team => 10,
            Sense.RepWord => 11,
            Sense.List => 12,
            Sense.DurationUnit or Sense.MoneyUnit => 13,
            Sense.RankBy => 14,
            Sense.Self => 15,
            _ => 20,
        };

        // Short function words keep their plain sense unless the question uses them as a value ("in" the word, "IN" the state).
        if (usable.Any(m => m.Sense == Sense.Filler) && length == 1 && window[0].Lower.Length <= 3 && !window[0].Raw.All(char.IsUpper))
        {
            var plain = usable.FirstOrDefault(m => m.Sense is Sense.Negation or Sense.Self or Sense.Team or Sense.RankBy or Sense.Comparator or Sense.List);
            if (plain is not null)
            {
                return plain;
            }

            if (usable.All(m => m.Sense is Sense.Filler or Sense.Value or Sense.Field or Sense.Superlative or Sense.Measure))
            {
                return usable.OrderBy(Rank).First();
            }
        }

        return usable.OrderBy(Rank).First();
    }

    private static bool LooksLikePerson(List<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Possessive)
        {
            return true;
        }

        // A capitalised word that does not start the sentence, next to another one or to a possessive ("Zoltan Quark's").
        bool Capital(int k) => k >= 1 && k < tokens.Count && tokens[k].Raw.Length > 1 && char.IsUpper(tokens[k].Raw[0]) && !tokens[k].Raw.All(char.IsUpper);
        return Capital(i) || (i == 0 && i + 1 < tokens.Count && (tokens[1].Possessive || Capital(1)));
    }

    private static bool IsIdLike(string lower, char prefix) =>
        lower.Length >= 3 && lower[0] == prefix && lower.Skip(1).All(char.IsDigit);

    private static bool IsNumber(Token token, out double value, out double scale, out bool percent)
    {
        scale = 1;
        percent = false;
        var text = token.Lower;
        if (TextMatching.TryNumber(text, out value) && (char.IsDigit(text[0]) || !token.Dollar))
        {
            // Number words ("ten") only count as numbers in front of something countable; digits always.
            return char.IsDigit(text[0]) || text is "two" or "three" or "four" or "five" or "six" or "seven" or "eight" or "nine" or "ten" or "twenty";
        }

        var end = text.Length;
        while (end > 0 && char.IsLetter(text[end - 1]))
        {
            end--;
        }

        if (end == 0 || end == text.Length || !char.IsDigit(text[0]))
        {
            return false;
        }

        var suffix = text[end..];
        scale = suffix switch
        {
            "k" => 1_000,
            "m" or "mm" or "mn" => 1_000_000,
            "b" or "bn" => 1_000_000_000,
            _ => 0,
        };
        return scale > 0 && double.TryParse(text[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Words with their original spelling; '$', '%' and possessives noted; "1,000" kept whole; hyphens split words.</summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var current = new StringBuilder();
        var dollar = false;
        var possessive = false;
        void Flush()
        {
            if (current.Length > 0)
            {
                var raw = (dollar ? "$" : "") + current;
                tokens.Add(new Token(current.ToString().ToLowerInvariant(), raw, possessive, dollar, tokens.Count));
                current.Clear();
            }

            dollar = false;
            possessive = false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if ((c is '.' or ',') && current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                if (c == '.')
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '’' && current.Length > 0)
            {
                if (i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
                {
                    possessive = true;
                    i++;
                }
                else if (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
                {
                    // "reps'" plural possessive.
                    possessive = current.Length > 0 && current[^1] is 's';
                }
            }
            else
            {
                Flush();
                if (c == '$')
                {
                    dollar = true;
                }
                else if (c is '%' or '#')
                {
                    tokens.Add(new Token(c.ToString(), c.ToString(), false, false, tokens.Count));
                }
            }
        }

        Flush();
        return tokens;
    }
}
