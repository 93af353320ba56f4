using System.Text.Json.Nodes;
using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>
/// Cards of account questions (issue 14): the figure, the filters it was computed under as facts, the matching accounts
/// with drill-down buttons and "…and N more"; the partly-understood answer with the exact question as a button;
/// where-I-stand, why and drafts.
/// </summary>
internal static class QueryCard
{
    public static AdaptiveCard Build(QueryAnswerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title(view.ValueText));
        card.Body.Add(Subtitle($"{view.MeasureLabel} · {Format.Plural(view.MatchCount, "matching account")} {view.Scope}"));
        card.Body.Add(Paragraph(view.Headline));
        card.Body.Add(Facts(view.Filters.Count == 0 ? [("Filter", "none")] : view.Filters.Select(f => (f.Title, f.Value))));
        if (view.Reps.Count > 0)
        {
            card.Body.Add(Heading("By rep"));
            card.Body.Add(List(view.Reps.Select(r => Row($"{r.Rank}.", r.Name, null, r.Shown, Drill("Accounts", AccountsPlugin.TopVerb, ("top", 10), ("repId", r.RepId)))), "No reps."));
        }

        if (view.Accounts.Count > 0 || view.Reps.Count == 0)
        {
            card.Body.Add(Heading(view.Shape == Conversation.QueryShape.Figure ? "Matching accounts" : "Accounts"));
            card.Body.Add(List(view.Accounts.Select(a => Row($"{a.Rank}.", $"{a.Name} ({a.AccountId})", a.Details + (a.Owner is null ? "" : $" · {a.Owner}"), a.Figure,
                Drill("Details", AccountsPlugin.ShowVerb, ("accountId", a.AccountId)))), "No account matches."));
        }

        if (view.More > 0)
        {
            card.Body.Add(Paragraph($"…and {Format.Int(view.More)} more.", subtle: true));
        }

        return CardJson.FitToSize(card);
    }

    public static AdaptiveCard Build(QueryNotUnderstoodView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title("I can't answer that exactly"));
        card.Body.Add(Paragraph(view.Reason));
        if (view.Understood.Count > 0)
        {
            card.Body.Add(Heading("What I understood"));
            card.Body.Add(Facts(view.Understood.Select(f => (f.Title, f.Value))));
        }

        if (view.NotUnderstood.Count > 0)
        {
            card.Body.Add(Heading("What I could not place"));
            card.Body.Add(Paragraph(string.Join(", ", view.NotUnderstood.Select(w => $"“{w}”"))));
        }

        if (view.Suggestion is { } suggestion)
        {
            card.Body.Add(Heading("The nearest question I can answer exactly"));
            card.Body.Add(new ActionSet { Actions = [Drill(Clip(suggestion), QueryPlugin.AskVerb, ("question", JsonValue.Create(suggestion)))] });
        }

        return CardJson.FitToSize(card);
    }

    public static AdaptiveCard Build(StandingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title(view.Self ? "Where you stand" : $"Where {view.RepName} stands"));
        card.Body.Add(Subtitle($"Against the team's {Format.Plural(view.TeamSize, "territory", "territories")} · as of {Format.Date(view.AsOf)}"));
        card.Body.Add(List(view.Lines.Select(l => Row(null, l.Measure,
            $"Team median {l.MedianShown} · {Format.Number(l.PercentOfMean)}% of the team mean · rank {l.Rank} of {l.Of} · {l.Band}", l.MineShown)), "No figures."));
        card.Body.Add(Paragraph("The band is the fairness tolerance: within 10% of the team mean. Other reps are not named.", subtle: true));
        return CardJson.FitToSize(card);
    }

    public static AdaptiveCard Build(WhyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title(view.Title));
        if (view.Facts.Count > 0)
        {
            card.Body.Add(Facts(view.Facts.Select(f => (f.Title, f.Value))));
        }

        card.Body.Add(List(view.Reasons.Select(r => (CardElement)Paragraph(r)), "No explanation."));
        card.Body.Add(new ActionSet { Actions = [.. view.AccountIds.Select(id => (CardAction)Drill($"Details {id}", AccountsPlugin.ShowVerb, ("accountId", id)))] });
        return CardJson.FitToSize(card);
    }

    public static AdaptiveCard Build(DraftView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title(view.Template ? "Draft (template)" : "Draft"));
        if (view.Template)
        {
            card.Body.Add(Subtitle("No language model is configured: fixed wording around the figures below. Edit before sending."));
        }

        if (view.Facts.Count > 0)
        {
            card.Body.Add(Facts(view.Facts.Select(f => (f.Title, f.Value))));
        }

        card.Body.Add(Heading("Subject: " + view.Subject));
        foreach (var paragraph in view.Body.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
        {
            card.Body.Add(Paragraph(paragraph));
        }

        return CardJson.FitToSize(card);
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
