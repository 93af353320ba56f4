using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

/// <summary>A filter the figure was computed under, as a fact the person can check.</summary>
internal sealed record FilterFact(string Title, string Value);

/// <summary>One listed account: its figure for the question and a few details.</summary>
internal sealed record QueryLine(int Rank, string AccountId, string Name, string Figure, string Details, string? Owner);

/// <summary>One rep's figure in a "which rep … most" answer (only reps the caller may see).</summary>
internal sealed record RepFigure(int Rank, string RepId, string Name, double Value, string Shown);

/// <summary>
/// The exact answer to an account question: the figure, the scope and date it holds for, the filters as facts, and the
/// matching accounts (the first few, with how many more). Every number comes from the query engine.
/// </summary>
internal sealed record QueryAnswerView(
    QueryShape Shape,
    string Headline,
    string ScopeLabel,
    int ScopeCount,
    DateOnly AsOf,
    string MeasureLabel,
    double? Value,
    string ValueText,
    IReadOnlyList<FilterFact> Filters,
    int MatchCount,
    IReadOnlyList<QueryLine> Accounts,
    IReadOnlyList<RepFigure> Reps,
    int KnownValues) : IViewModel
{
    public int More => Shape == QueryShape.RepRanking ? 0 : Math.Max(0, (Shape == QueryShape.Ranked ? Accounts.Count : MatchCount) - Accounts.Count);

    /// <summary>"of your 591 accounts, as of 2026-11-01": every figure is said with its scope and date.</summary>
    public string Scope => $"of {ScopeLabel} ({Format.Plural(ScopeCount, "account")}), as of {Format.Date(AsOf)}";

    public string Text
    {
        get
        {
            var lines = new List<string> { Headline };
            var conditions = Filters.Count == 0 ? "no filter" : string.Join("; ", Filters.Select(f => $"{f.Title}: {f.Value}"));
            lines.Add($"Computed over {Format.Plural(MatchCount, "matching account")} {Scope} ({conditions}).");
            foreach (var rep in Reps)
            {
                lines.Add($"{rep.Rank}. {rep.Name}: {rep.Shown}");
            }

            foreach (var line in Accounts)
            {
                lines.Add($"{line.Rank}. {line.Name} ({line.AccountId}): {line.Figure}" + (line.Details.Length > 0 ? $" · {line.Details}" : "") + (line.Owner is null ? "" : $" · {line.Owner}"));
            }

            if (More > 0)
            {
                lines.Add($"…and {Format.Int(More)} more.");
            }

            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => QueryCard.Build(this);
}

/// <summary>
/// A question read only in part: what was understood (as facts), what was not, and the nearest question that can be
/// answered exactly (a button), instead of a different answer presented as this one.
/// </summary>
internal sealed record QueryNotUnderstoodView(IReadOnlyList<FilterFact> Understood, IReadOnlyList<string> NotUnderstood, string? Suggestion, string Reason) : IViewModel
{
    public string Text
    {
        get
        {
            var lines = new List<string> { $"I can't answer that exactly: {Reason}" };
            if (Understood.Count > 0)
            {
                lines.Add("I understood: " + string.Join("; ", Understood.Select(f => $"{f.Title}: {f.Value}")) + ".");
            }

            if (NotUnderstood.Count > 0)
            {
                lines.Add("I could not place: " + string.Join(", ", NotUnderstood.Select(w => $"“{w}”")) + ".");
            }

            if (Suggestion is not null)
            {
                lines.Add($"I can answer exactly: “{Suggestion}”.");
            }

            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => QueryCard.Build(this);
}

/// <summary>One measure of a rep's territory against the team: own figure, team median, percent of the team mean, rank.</summary>
internal sealed record StandingLine(string Measure, double Mine, string MineShown, string MedianShown, double PercentOfMean, int Rank, int Of, string Band);

/// <summary>"Where do I stand": the rep's own figures against the team's median and band, never another rep's name or figures.</summary>
internal sealed record StandingView(string RepName, bool Self, int TeamSize, DateOnly AsOf, IReadOnlyList<StandingLine> Lines) : IViewModel
{
    public string Text =>
        $"{(Self ? "Your territory" : RepName + "'s territory")} against the team ({Format.Plural(TeamSize, "territory", "territories")}), as of {Format.Date(AsOf)}:"
        + string.Concat(Lines.Select(l => Environment.NewLine +
            $"- {l.Measure}: {l.MineShown} (team median {l.MedianShown}); {Format.Number(l.PercentOfMean)}% of the team mean, rank {l.Rank} of {l.Of}; {l.Band}."))
        + Environment.NewLine + "The band is the fairness tolerance: within 10% of the team mean.";

    public AdaptiveCard? ToCard() => QueryCard.Build(this);
}

/// <summary>"Why": the score explanation of one account, or the comparison of two.</summary>
internal sealed record WhyView(string Title, IReadOnlyList<string> Reasons, IReadOnlyList<FilterFact> Facts, IReadOnlyList<string> AccountIds) : IViewModel
{
    public string Text => Title + string.Concat(Reasons.Select(r => Environment.NewLine + "- " + r));

    public AdaptiveCard? ToCard() => QueryCard.Build(this);
}

/// <summary>A drafted note: written by the model from tool results, or a template built from the same figures (said to be one).</summary>
internal sealed record DraftView(bool Template, string Subject, string Body, double? Value, IReadOnlyList<FilterFact> Facts) : IViewModel
{
    public string Text =>
        (Template ? "Here is a template (no language model is configured, so the wording is fixed; edit it before sending):" : "Here is a draft:")
        + Environment.NewLine + $"Subject: {Subject}" + Environment.NewLine + Body;

    public AdaptiveCard? ToCard() => QueryCard.Build(this);
}
