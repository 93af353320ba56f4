using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>The territory document in brief: totals, hypothesis, coverage by tier, the Q1 sequence; the full text is `territorybot plan`.</summary>
internal static class TerritoryDocCard
{
    public static AdaptiveCard Build(TerritoryDocView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = view.Totals;
        var card = NewCard(view.Text);
        card.Body.Add(Title($"Territory document: {view.RepName}"));
        card.Body.Add(Subtitle($"{view.RepId} · as of {Format.Date(view.AsOf)}"));
        card.Body.Add(Facts(
            ("Accounts", $"{Format.Int(t.Accounts)} ({Format.Int(t.Customers)} customers, {Format.Int(t.Whitespace)} whitespace)"),
            ("Potential ARR", Format.Money(t.Potential)),
            ("Current ARR", $"{Format.Money(t.CurrentArr)} ({Format.Percent(t.Penetration)})"),
            ("Open pipeline", Format.Money(t.OpenPipeline))));

        card.Body.Add(Heading("Strategic hypothesis"));
        foreach (var sentence in view.Hypothesis)
        {
            card.Body.Add(Paragraph(sentence));
        }

        card.Body.Add(Heading("Coverage approach by tier"));
        card.Body.Add(Facts(view.Coverage.Select(c => (c.Tier.ToString(),
            $"{Format.Plural(c.Accounts, "account")} · {Format.Money(c.Potential)} · {c.Cadence} · {Format.Plural(c.TouchesPerQuarter, "touch", "touches")}/quarter each"))));

        card.Body.Add(Heading($"Q1 coverage sequence ({Format.Plural(view.SequencePerWeek, "first touch", "first touches")} a week)"));
        card.Body.Add(List(view.Sequence.Select(s => Row($"W{s.Week}", $"{s.Name} ({s.AccountId})", $"{s.Tier} · {s.Action}", null)),
            "No Strategic or Enterprise accounts to sequence."));
        if (view.SequenceOverflow > 0)
        {
            card.Body.Add(Paragraph($"{Format.Plural(view.SequenceOverflow, "more Tier 1–2 account")} did not fit in the 13 weeks.", subtle: true));
        }

        card.Body.Add(Paragraph($"The full document (portfolio table, map, business plan): {view.FullDocumentCommand}", subtle: true));
        card.Actions =
        [
            Drill("Business plan", PlansPlugin.ShowVerb, ("repId", view.RepId)),
            Drill("Transition package", TerritoryPlugin.TransitionVerb, ("repId", view.RepId)),
        ];
        return CardJson.FitToSize(card);
    }
}
