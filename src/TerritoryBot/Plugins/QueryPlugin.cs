using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Query;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Plugins;

/// <summary>
/// Account questions (issue 14): exact answers from the query engine to questions read by <see cref="QueryParser"/>,
/// where a rep stands against the team, why an account scored as it did, and drafted notes. Scope is the caller's:
/// a rep's own accounts, a manager's team, ops everything; a question about anyone else is refused with the same
/// words whether that person exists or not. The plugin is a singleton (built once by the host); the work is done per
/// call by a <see cref="QueryDesk"/> over the turn's caller and workspace.
/// </summary>
internal sealed class QueryPlugin
{
    public const string AskVerb = "query.ask";
    public const string StandingVerb = "standing.show";
    public const string WhyVerb = "why.show";
    public const int MaxListed = 10;

    /// <summary>The account question of the turn as the router read it (or as a card's "ask this instead" button sends it).</summary>
    [KernelFunction("ask")]
    [Intent("account_query", Verbs = [AskVerb])]
    [Access(ModelTool = false)]
    [HelpExample("Ask about your book", "how many of my accounts are in Texas?", 72, RepRole.Rep)]
    [HelpExample("Figures", "what's my current ARR in Healthcare?", 74, RepRole.Rep)]
    [HelpExample("Rankings", "which of my non-customer accounts is growing fastest?", 76, RepRole.Rep)]
    [HelpExample("Team questions", "which rep on my team has the most customers?", 172, RepRole.Manager, RepRole.Ops)]
    [HelpExample("Team figures", "how much open pipeline does the team have in Negotiation?", 174, RepRole.Manager, RepRole.Ops)]
    [HelpExample("Any account question", "total potential of unassigned accounts", 260, RepRole.Ops)]
    [Description("Answers the turn's account question as read from its words.")]
    public IViewModel Ask([FromKernelServices] PluginContext context, [FromKernelServices] TurnContext turn) =>
        new QueryDesk(context).Answer(QueryDesk.QuestionOf(turn));

    [KernelFunction("accounts")]
    [Description("Answers a question about the accounts the caller may see with exact figures from the query engine: filters on any field, " +
                 "then a count, sum, average, median, min or max, optionally per group, ranked, with the matching accounts listed. " +
                 "Fields (snake_case): account_id, name, owner, team, industry, state, city, country, tier, current_tier, status (ActiveCustomer, " +
                 "ActiveProspect, ColdProspect, Unknown), priority (High, Medium, Low), whitespace, named, customer (true/false), icp_fit, " +
                 "opportunity_score, intent, growth (fraction), employees, revenue, current_arr, potential_arr, headroom, open_pipeline, " +
                 "open_opportunities, open_stage, last_activity_days, tech, funding_stage. Reps see their own accounts, managers their team's, ops all.")]
    public IViewModel Accounts([FromKernelServices] PluginContext context,
        [Description("Filters that must all hold. Each: field, op (is, contains, above, below, at_least, at_most, equal, between, missing, top, bottom), " +
                     "values (for is/contains), number (bound), upper (for between), count (for top/bottom), not (true to negate).")] QueryFilterArgs[]? filters = null,
        [Description("count (default), sum, average, median, min, max, share, penetration or customer_rate.")] string? measure = null,
        [Description("The numeric field the measure reads (not for count, penetration, customer_rate).")] string? measureField = null,
        [Description("A categorical field to compute the measure per value of (e.g. owner, industry, state).")] string? groupBy = null,
        [Description("A numeric field to rank the matching accounts by (highest first unless ascending).")] string? rankBy = null,
        [Description("Rank lowest first.")] bool ascending = false,
        [Description("Keep only the first N ranked accounts (1–100).")] int? limit = null) =>
        new QueryDesk(context).Accounts(filters, measure, measureField, groupBy, rankBy, ascending, limit);

    [KernelFunction("standing")]
    [Intent("where_i_stand", Verbs = [StandingVerb])]
    [HelpExample("Where you stand", "where do I stand?", 78, RepRole.Rep)]
    [Description("Compares a rep's territory with the team: accounts, potential ARR, current ARR and open pipeline against the team median, " +
                 "as percent of the team mean and rank out of N. Never names other reps or their figures. Reps get their own territory.")]
    public IViewModel Standing([FromKernelServices] PluginContext context,
        [Description("Rep id for managers and ops (a rep of their team); leave empty for the caller's own territory.")] string? repId = null) =>
        new QueryDesk(context).Standing(repId);

    [KernelFunction("why")]
    [Intent("explain_why", Verbs = [WhyVerb], Route = nameof(RouteWhy))]
    [HelpExample("Why", "why is A000017 Strategic?", 79, RepRole.Rep)]
    [Description("Explains why an account has its tier, potential and rank (per-dimension ICP fit, comparables, potential range, the tier rule), " +
                 "or why one account ranks above another. Only accounts the caller may see.")]
    public IViewModel Why([FromKernelServices] PluginContext context,
        [Description("One account id, or two separated by a comma to compare (e.g. A000017,A000042).")] string accountIds,
        [Description("The question as asked (optional), to answer 'why is X Strategic' when X is not.")] string? question = null) =>
        new QueryDesk(context).Why(accountIds, question);

    /// <summary>A template note from the figures the question names (the model writes it instead when one is configured).</summary>
    [KernelFunction("draft")]
    [Intent("draft_message")]
    [Access(ModelTool = false)]
    [Description("Drafts a note from the figures the turn's words name.")]
    public IViewModel Draft([FromKernelServices] PluginContext context, [FromKernelServices] TurnContext turn) =>
        new QueryDesk(context).Draft(turn);

    /// <summary>The accounts named in the turn, and its words (to answer "why is X Strategic" when X is not).</summary>
    [RoutesTo("why")]
    private static (string, KernelArguments) RouteWhy(TurnContext turn)
    {
        var arguments = new KernelArguments { ["accountIds"] = string.Join(",", turn.Entities.AccountIds) };
        if (turn.Turn.Text is { } text)
        {
            arguments["question"] = text;
        }

        return ("why", arguments);
    }
}

/// <summary>The work behind <see cref="QueryPlugin"/> for one call: the caller's scope and the turn's workspace.</summary>
internal sealed class QueryDesk(PluginContext context)
{
    public const int MaxListed = QueryPlugin.MaxListed;

    /// <summary>The fairness tolerance the band is drawn with (percent of the team mean), as in the fairness check.</summary>
    private const double BandPercent = 10;

    internal static ParsedQuestion QuestionOf(TurnContext turn)
    {
        if (turn.Entities.Question is { } parsed)
        {
            return parsed;
        }

        var text = turn.Entities.QuestionText ?? turn.Turn.Text;
        var vocabulary = turn.Workspace.Vocabulary;
        return QueryParser.Parse(text, vocabulary.Query, vocabulary.AsOf, [.. vocabulary.RepIds.Values]);
    }

    /// <summary>The answer to a question as read by the parser: exact, refused, or what was understood and what was not.</summary>
    public IViewModel Answer(ParsedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var caller = context.Caller;
        if (question.UnknownPeople.Count > 0)
        {
            // Someone the data does not know: a rep or manager gets the words they get for a real colleague.
            return caller.IsOps
                ? new TextReply($"I don't know anyone called {string.Join(" ", question.UnknownPeople)} in the team data, so I can't answer that.")
                : Refusal.NotYours("accounts");
        }

        if (!caller.IsOps && !caller.Person.CarriesTerritory && caller.Role == RepRole.Rep)
        {
            return Refusal.NotYours("accounts");
        }

        if (caller.Role == RepRole.Rep && (question.Team || question.Shape == QueryShape.RepRanking))
        {
            return Refusal.NotYours("accounts");
        }

        if (question.RepIds.Any(id => !caller.CanSeeRep(id)) && !caller.IsOps)
        {
            return Refusal.NotYours("accounts");
        }

        if (!question.Exact)
        {
            return NotUnderstood(question, question.Shape == QueryShape.None
                ? "I didn't find an account question in that."
                : "part of the question is not something I can read, and answering the rest would answer a different question.");
        }

        return Run(question);
    }

    public IViewModel Accounts(
        QueryFilterArgs[]? filters = null,
        string? measure = null,
        string? measureField = null,
        string? groupBy = null,
        string? rankBy = null,
        bool ascending = false,
        int? limit = null)
    {
        var query = QueryArguments.Build(filters, measure, measureField, groupBy, rankBy, ascending, limit);
        var shape = query.GroupBy is not null ? QueryShape.Figure : query.Rank is { Limit: not null } ? QueryShape.Ranked : QueryShape.Figure;
        return Run(new ParsedQuestion { Query = query, Shape = shape, Measured = true });
    }

    private IViewModel Run(ParsedQuestion question)
    {
        var workspace = context.Workspace;
        var caller = context.Caller;
        var table = workspace.Memo("query:table", w => AccountTable.Build(w.Data, w.Scores.Accounts, w.AsOf));
        var scope = caller.IsOps ? QueryScope.All : QueryScope.Owners(caller.VisibleRepIds);

        // Owner filters first, so the first filter's count is the named rep's book (the scope said in the answer).
        var query = question.Query with { Filters = [.. question.Query.Filters.OrderBy(f => f.Field == QueryField.Owner && f.Op == FilterOp.Is ? 0 : 1)] };
        var outcome = QueryEngine.Run(table, query, scope);
        switch (outcome)
        {
            case QueryRefused:
                return Refusal.NotYours("accounts");
            case QueryInvalid invalid:
                throw new TurnInputException($"That question does not make a valid query ({invalid.Problem}{(invalid.Field is { } f ? ", " + QueryWording.Label(f) : "")}).");
        }

        var answer = (QueryAnswer)outcome;
        var owner = answer.Filters.FirstOrDefault(f => f.Filter.Field == QueryField.Owner && f.Filter.Op == FilterOp.Is && !f.Filter.Negated);
        var (scopeLabel, scopeCount) = owner is not null && owner.Resolved.Count == 1
            ? (owner.Resolved[0] == caller.RepId ? "your accounts" : $"{RepName(owner.Resolved[0])}'s accounts", owner.Remaining)
            : (caller.IsOps ? "all accounts" : caller.Person.CarriesTerritory ? "your accounts" : "your team's accounts", answer.ScopeCount);
        var facts = answer.Filters.Where(f => f != owner || owner.Resolved.Count != 1).Select(f =>
        {
            var (title, value) = QueryWording.Fact(f.Filter, f.Resolved, RepName);
            return new FilterFact(title, value);
        }).ToList();
        var measureLabel = QueryWording.Measure(query.Measure);
        var rankField = query.Rank?.By ?? QueryField.PotentialArr;
        var lines = Lines(answer, rankField, caller.Person.CarriesTerritory && !caller.IsOps ? null : (Func<string, string?>)OwnerOf);
        switch (question.Shape)
        {
            case QueryShape.RepRanking:
                {
                    var reps = RepRanking(answer, question);
                    var best = reps.FirstOrDefault();
                    var headline = best is null
                        ? "No rep in scope has a matching account."
                        : $"{best.Name} has the {(question.Fewest ? "least" : "most")}: {best.Shown} ({measureLabel.ToLowerInvariant()}).";
                    return new QueryAnswerView(question.Shape, headline, scopeLabel, scopeCount, answer.AsOf, measureLabel + " per rep", best?.Value,
                        best is null ? "No match" : $"{best.Name}: {best.Shown}", facts, answer.MatchCount, [], reps, answer.MatchCount);
                }

            case QueryShape.Extreme:
                {
                    var first = lines.FirstOrDefault();
                    var headline = first is null
                        ? "No account matches, so there is no answer to rank."
                        : $"{first.Name} ({first.AccountId}) has the {(query.Rank!.Ascending ? "lowest" : "highest")} {QueryWording.Label(rankField).ToLowerInvariant()}: {first.Figure}.";
                    return new QueryAnswerView(question.Shape, headline, scopeLabel, scopeCount, answer.AsOf, $"{(query.Rank!.Ascending ? "Lowest" : "Highest")} {QueryWording.Label(rankField).ToLowerInvariant()}",
                        first is null ? null : Number(answer.Rows[0], rankField), first is null ? "No match" : $"{first.Name}: {first.Figure}", facts, answer.MatchCount, lines, [], answer.MatchCount);
                }

            case QueryShape.Ranked:
                {
                    var n = query.Rank!.Limit ?? MaxListed;
                    var headline = $"{(query.Rank.Ascending ? "Bottom" : "Top")} {Format.Int(Math.Min(n, answer.SelectedCount))} by {QueryWording.Label(rankField).ToLowerInvariant()} of {Format.Plural(answer.MatchCount, "matching account")}.";
                    return new QueryAnswerView(question.Shape, headline, scopeLabel, scopeCount, answer.AsOf, $"{(query.Rank.Ascending ? "Bottom" : "Top")} {n} by {QueryWording.Label(rankField).ToLowerInvariant()}",
                        answer.SelectedCount, $"{(query.Rank.Ascending ? "Bottom" : "Top")} {Format.Int(answer.SelectedCount)} accounts", facts, answer.MatchCount, lines, [], answer.MatchCount);
                }

            case QueryShape.List:
                {
                    var headline = $"{Format.Plural(answer.MatchCount, "account")} {Format.Verb(answer.MatchCount, "matches", "match")}"
                        + (answer.MatchCount > lines.Count ? $"; the first {Format.Int(lines.Count)} by {QueryWording.Label(rankField).ToLowerInvariant()} are listed." : ".");
                    return new QueryAnswerView(question.Shape, headline, scopeLabel, scopeCount, answer.AsOf, "Matching accounts", answer.MatchCount,
                        Format.Plural(answer.MatchCount, "account"), facts, answer.MatchCount, lines, [], answer.MatchCount);
                }

            default:
                {
                    var value = answer.Total.Value;
                    var shown = QueryWording.Figure(query.Measure, value);
                    var headline = query.Measure.Kind == MeasureKind.Count
                        ? $"{Format.Plural(answer.MatchCount, "account")} of {scopeLabel} ({Format.Int(scopeCount)}) {Format.Verb(answer.MatchCount, "matches", "match")}."
                        : $"{measureLabel}: {shown} over {Format.Plural(answer.MatchCount, "matching account")}"
                          + (answer.Total.ValueCount < answer.Total.Accounts ? $" ({Format.Int(answer.Total.ValueCount)} with a known value)" : "") + ".";
                    var groups = query.GroupBy is not null
                        ? answer.Groups.Select((g, i) => new RepFigure(i + 1, g.Key ?? "", GroupName(query.GroupBy.Value, g.Key), g.Figure.Value ?? 0,
                            QueryWording.Figure(query.Measure, g.Figure.Value))).Take(25).ToList()
                        : [];
                    return new QueryAnswerView(question.Shape, headline, scopeLabel, scopeCount, answer.AsOf, measureLabel, value,
                        query.Measure.Kind == MeasureKind.Count ? Format.Plural(answer.MatchCount, "account") : shown, facts, answer.MatchCount, lines, groups, answer.Total.ValueCount);
                }
        }
    }

    private List<RepFigure> RepRanking(QueryAnswer answer, ParsedQuestion question)
    {
        // Reps in scope with no matching account count as zero (for counts and sums), so "fewest" can name them.
        var values = answer.Groups.Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.Figure.Value ?? 0, StringComparer.Ordinal);
        var visible = context.Caller.IsOps ? context.Workspace.Data.Reps.Where(r => r.CarriesTerritory).Select(r => r.RepId) : context.Caller.VisibleRepIds;
        if (question.Query.Measure.Kind is MeasureKind.Count or MeasureKind.Sum)
        {
            var owned = context.Workspace.Data.Accounts.Select(a => a.OwnerId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var rep in visible.Where(owned.Contains))
            {
                values.TryAdd(rep, 0);
            }
        }

        var ordered = question.Fewest
            ? values.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            : values.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);
        return [.. ordered.Take(MaxListed).Select((kv, i) => new RepFigure(i + 1, kv.Key, RepName(kv.Key), kv.Value, QueryWording.Figure(question.Query.Measure, kv.Value)))];
    }

    private List<QueryLine> Lines(QueryAnswer answer, QueryField rankField, Func<string, string?>? owner) =>
    [
        .. answer.Rows.Select((row, i) =>
        {
            var figure = QueryWording.Value(rankField, Number(row, rankField));
            var details = string.Join(" · ", row.Cells.Where(c => c.Field != rankField && c.Number is not null)
                .Select(c => $"{QueryWording.Label(c.Field)} {QueryWording.Value(c.Field, c.Number)}"));
            return new QueryLine(i + 1, row.AccountId, row.Name, figure, details, owner?.Invoke(row.AccountId));
        }),
    ];

    private static double? Number(QueryRow row, QueryField field) => row.Cells.FirstOrDefault(c => c.Field == field)?.Number;

    private string? OwnerOf(string accountId) =>
        context.Workspace.Accounts.TryGetValue(accountId, out var a) ? a.OwnerId is { } o ? RepName(o) : "unassigned" : null;

    private string RepName(string id) => context.Workspace.Reps.TryGetValue(id, out var rep) ? rep.Name : id;

    private string GroupName(QueryField field, string? key) =>
        key is null ? "unknown" : field is QueryField.Owner or QueryField.Team ? RepName(key) : key;

    private QueryNotUnderstoodView NotUnderstood(ParsedQuestion question, string reason)
    {
        var understood = question.Query.Filters.Select(f =>
        {
            var (title, value) = QueryWording.Fact(f, [], RepName);
            return new FilterFact(title, value);
        }).ToList();
        if (question.Shape != QueryShape.None)
        {
            understood.Insert(0, new FilterFact("Asked for", question.Shape switch
            {
                QueryShape.Figure => QueryWording.Measure(question.Query.Measure),
                QueryShape.Extreme => "the account with the " + (question.Query.Rank?.Ascending == true ? "lowest " : "highest ") + QueryWording.Label(question.Query.Rank?.By ?? QueryField.PotentialArr).ToLowerInvariant(),
                QueryShape.Ranked => $"a ranking by {QueryWording.Label(question.Query.Rank?.By ?? QueryField.PotentialArr).ToLowerInvariant()}",
                QueryShape.RepRanking => "the rep with the " + (question.Fewest ? "least" : "most"),
                _ => "a list of accounts",
            }));
        }

        var exactPart = question with { Unknown = [], UnknownPeople = [] };
        var suggestion = question.Shape is QueryShape.None or QueryShape.RepRanking ? null : QueryWording.Canonical(exactPart, RepName);
        return new QueryNotUnderstoodView(understood, [.. question.Unknown.Distinct(StringComparer.OrdinalIgnoreCase)], suggestion, reason);
    }

    // ---- where do I stand ----

    public IViewModel Standing(
        string? repId = null)
    {
        var workspace = context.Workspace;
        var caller = context.Caller;
        var ids = TerritoryPlugin.Ids(repId);
        Rep rep;
        if (ids.Count == 0)
        {
            if (!caller.Person.CarriesTerritory)
            {
                return new TextReply("“Where do I stand” compares a rep's own territory with the team, and you carry no territory. " +
                                     "Ask it about one of your reps, e.g. “how does R001 compare with the team”.");
            }

            rep = caller.Person;
        }
        else if (workspace.FindRep(ids[0]) is { } named && caller.CanSeeRep(named.RepId))
        {
            rep = named;
        }
        else
        {
            return Refusal.NotYours("territories");
        }

        var team = workspace.Data.Reps.Where(r => r.CarriesTerritory && r.ManagerId == rep.ManagerId).Select(r => r.RepId).ToList();
        var table = workspace.Memo("query:table", w => AccountTable.Build(w.Data, w.Scores.Accounts, w.AsOf));
        var lines = new List<StandingLine>();
        foreach (var (label, measure) in new (string, QueryMeasure)[]
                 {
                     ("Accounts", QueryMeasure.Count), ("Potential ARR", QueryMeasure.Sum(QueryField.PotentialArr)),
                     ("Current ARR", QueryMeasure.Sum(QueryField.CurrentArr)), ("Open pipeline", QueryMeasure.Sum(QueryField.OpenPipeline)),
                 })
        {
            // The team's figures are computed for the comparison only; the view keeps the caller's own and the aggregates.
            var outcome = QueryEngine.Run(table, new AccountQuery { Measure = measure, GroupBy = QueryField.Owner, RowLimit = 0 }, QueryScope.Owners(team));
            if (outcome is not QueryAnswer answer)
            {
                continue;
            }

            var values = team.ToDictionary(id => id, id => answer.Groups.FirstOrDefault(g => g.Key == id)?.Figure.Value ?? 0, StringComparer.Ordinal);
            var mine = values[rep.RepId];
            var sorted = values.Values.Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            var mean = sorted.Average();
            var percent = mean == 0 ? 100 : 100 * mine / mean;
            var rank = 1 + values.Values.Count(v => v > mine);
            var band = Math.Abs(percent - 100) <= BandPercent ? "inside the band" : percent > 100 ? "above the band" : "below the band";
            QueryField? field = measure.Field;
            lines.Add(new StandingLine(label, mine, QueryWording.Value(field, mine), QueryWording.Value(field, median), Math.Round(percent, 1), rank, team.Count, band));
        }

        return new StandingView(rep.Name, rep.RepId == caller.RepId, team.Count, workspace.AsOf, lines);
    }

    // ---- why ----

    public IViewModel Why(
        string accountIds,
        string? question = null)
    {
        var ids = TerritoryPlugin.Ids(accountIds);
        var workspace = context.Workspace;
        if (ids.Count == 0)
        {
            return new TextReply("Why about which account? Name it (e.g. “why is A000017 Strategic?”, “why is A000017 ranked above A000042?”). " +
                                 "I can explain tiers, potential, fit and ranking; I can't yet explain why a scenario moved an account.");
        }

        if (ids.Any(id => !workspace.Accounts.TryGetValue(id, out var a) || !context.Caller.CanSeeAccount(a)))
        {
            return Refusal.NotYours("accounts");
        }

        var scores = workspace.Scores;
        var thresholds = scores.Thresholds;
        if (ids.Count >= 2)
        {
            var (a, b) = (ids[0], ids[1]);
            var sa = scores.Accounts[scores.IndexOf(a)];
            var sb = scores.Accounts[scores.IndexOf(b)];
            var (high, low, sh, sl) = sa.PotentialArr >= sb.PotentialArr ? (a, b, sa, sb) : (b, a, sb, sa);
            var reasons = new List<string>
            {
                $"Accounts are ranked by potential ARR: {Name(high)} ({high}) {Format.Money(sh.PotentialArr)} (range {Format.Money(sh.PotentialLow)}–{Format.Money(sh.PotentialHigh)}) " +
                $"against {Name(low)} ({low}) {Format.Money(sl.PotentialArr)} (range {Format.Money(sl.PotentialLow)}–{Format.Money(sl.PotentialHigh)}).",
                $"ICP fit {sh.IcpFit}/5 against {sl.IcpFit}/5; opportunity score {Format.Number(sh.OpportunityScore)} against {Format.Number(sl.OpportunityScore)}.",
                $"Tiers: {sh.Tier} and {sl.Tier}; priorities {sh.Priority} and {sl.Priority}.",
            };
            if (high != a)
            {
                reasons.Insert(0, $"{Name(a)} ({a}) is not ranked above {Name(b)} ({b}): it is the other way round.");
            }

            reasons.AddRange(FitReasons(high).Take(3));
            return new WhyView($"Why {Name(high)} ranks above {Name(low)}", reasons, [], [a, b]);
        }

        var id = ids[0];
        var index = scores.IndexOf(id);
        var explanation = scores.Explain(index);
        var score = explanation.Score;
        var list = new List<string>();
        var askedTiers = Enum.GetValues<Tier>().Where(t => question?.Contains(t.ToString(), StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (askedTiers.Count == 1 && askedTiers[0] != score.Tier)
        {
            list.Add($"{Name(id)} is {score.Tier}, not {askedTiers[0]}.");
        }

        var byPotential = thresholds.ByPotential(score.PotentialArr);
        list.Add($"Tier rule: potential {Format.Money(score.PotentialArr)} against the thresholds Strategic ≥ {Format.Money(thresholds.Strategic)}, " +
                 $"Enterprise ≥ {Format.Money(thresholds.Enterprise)}, Commercial ≥ {Format.Money(thresholds.Commercial)} gives {byPotential}"
                 + (byPotential != score.Tier ? $"; an ICP fit of {score.IcpFit}/5 (at or below {thresholds.DemoteAtOrBelowFit}) places it one tier lower: {score.Tier}." : $"; ICP fit {score.IcpFit}/5 keeps it there: {score.Tier}."));
        var potential = explanation.Potential;
        list.Add($"Potential {Format.Money(potential.PotentialArr)} (range {Format.Money(potential.Low)}–{Format.Money(potential.High)}): " +
                 (potential.Method == PotentialMethod.Comparables
                     ? $"from {Format.Plural(potential.Comparables.Count, "comparable customer")}"
                       + (potential.Comparables.Where(c => workspace.Accounts.TryGetValue(c.AccountId, out var other) && context.Caller.CanSeeAccount(other)).Select(c => $"{c.Name} ({c.AccountId})").ToList() is { Count: > 0 } named
                           ? " such as " + string.Join(", ", named.Take(3)) : " (not in your book, so not named)") + "."
                     : "too few comparable customers, so average deal size × size and fit factors (indicative)."));
        list.AddRange(FitReasons(id));
        list.Add($"Opportunity score {Format.Number(score.OpportunityScore)}/100, status {TerritoryCard.Status(score.Status)}, {score.Priority} priority.");
        return new WhyView($"Why {Name(id)} ({id}) is {score.Tier}", list,
            [new("Tier", score.Tier.ToString()), new("Potential ARR", Format.Money(score.PotentialArr)), new("ICP fit", $"{score.IcpFit}/5")], [id]);
    }

    private IEnumerable<string> FitReasons(string id)
    {
        var explanation = context.Workspace.Scores.Explain(context.Workspace.Scores.IndexOf(id));
        return explanation.Fit.Select(f => $"Fit, {f.Dimension}: {Format.Number(f.SubScore, "0.00")} (weight {Format.Number(f.Weight, "0.00")}) — {f.Reason}.");
    }

    private string Name(string accountId) => context.Workspace.Accounts[accountId].Name;

    // ---- drafting ----

    /// <summary>A template note from the figures the question names (the model writes it instead when one is configured).</summary>
    public IViewModel Draft(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var workspace = context.Workspace;
        var caller = context.Caller;
        var text = turn.Turn.Text ?? "";
        var recipient = text.Contains("manager", StringComparison.OrdinalIgnoreCase)
            ? caller.Person.ManagerId is { } m && workspace.Reps.TryGetValue(m, out var manager) ? manager.Name.Split(' ')[0] : "there"
            : text.Contains("team", StringComparison.OrdinalIgnoreCase) ? "team" : "there";
        // Only an account written as its id: names in a note's topic ("my Healthcare pipeline") are words, not accounts.
        if (turn.Entities.AccountIds.FirstOrDefault(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)) is { } id)
        {
            if (!workspace.Accounts.TryGetValue(id, out var account) || !caller.CanSeeAccount(account))
            {
                return Refusal.NotYours("accounts");
            }

            var s = workspace.Scores.Accounts[workspace.Scores.IndexOf(id)];
            var pipeline = workspace.Data.Opportunities.Where(o => o.IsOpen && o.AccountId == id).Sum(o => o.Amount);
            var body = $"Hi,{Environment.NewLine}" +
                       $"{account.Name} ({id}) is moving to you. The essentials as of {Format.Date(workspace.AsOf)}: {account.Industry}, {Format.Int(account.Employees)} employees" +
                       $"{(account.City is null ? "" : ", " + account.City)}; potential ARR {Format.Money(s.PotentialArr)}, current ARR {Format.Money(account.CurrentArr)}, " +
                       $"open pipeline {Format.Money(pipeline)}; tier {s.Tier}, {s.Priority} priority.{Environment.NewLine}" +
                       $"Best,{Environment.NewLine}{caller.Person.Name}";
            return new DraftView(true, $"Handover: {account.Name}", body, s.PotentialArr,
                [new("Account", $"{account.Name} ({id})"), new("Potential ARR", Format.Money(s.PotentialArr)), new("Open pipeline", Format.Money(pipeline))]);
        }

        var question = turn.Entities.Question ?? ParsedQuestion.Empty;
        var field = question.Query.Measure.Field ?? question.Query.Rank?.By ?? QueryField.PotentialArr;
        if (QueryFields.Info(field).Unit != QueryUnit.Money)
        {
            field = QueryField.PotentialArr;
        }

        var figures = Answer(question with
        {
            Query = question.Query with { Measure = QueryMeasure.Sum(field), Rank = new QueryRank(field), GroupBy = null, RowLimit = 5 },
            Shape = QueryShape.Figure,
            Unknown = [],
        });
        if (figures is not QueryAnswerView view)
        {
            return figures;
        }

        var filters = view.Filters.Count == 0 ? "" : " (" + string.Join("; ", view.Filters.Select(f => $"{f.Title}: {f.Value}")) + ")";
        var top = view.Accounts.Take(3).Select(a => $"{a.Name} ({a.Figure})").ToList();
        var note = $"Hi {recipient},{Environment.NewLine}" +
                   $"A quick update on {view.ScopeLabel}{filters}: {view.MeasureLabel.ToLowerInvariant()} is {view.ValueText} across {Format.Plural(view.MatchCount, "account")}, as of {Format.Date(view.AsOf)}."
                   + (top.Count > 0 ? $"{Environment.NewLine}The largest: {string.Join(", ", top)}." : "")
                   + $"{Environment.NewLine}Best,{Environment.NewLine}{caller.Person.Name}";
        return new DraftView(true, $"{view.MeasureLabel}: {view.ValueText}", note, view.Value, [new(view.MeasureLabel, view.ValueText), .. view.Filters]);
    }
}
