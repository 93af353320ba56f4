using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>A rep's business plan: analysis, potential against today, top 10 and why, coverage, quota split, milestones, resources, risks.</summary>
internal static class BusinessPlanCard
{
    public static AdaptiveCard Build(BusinessPlanView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = view.Totals;
        var card = NewCard(view.Text);
        card.Body.Add(Title($"Business plan: {view.RepName}"));
        card.Body.Add(Subtitle($"{view.RepId} · as of {Format.Date(view.AsOf)}"));
        card.Body.Add(Facts(
            ("Potential ARR", Format.Money(t.Potential)),
            ("Current ARR", $"{Format.Money(t.CurrentArr)} ({Format.Percent(t.Penetration)} penetration)"),
            ("Open pipeline", Format.Money(t.OpenPipeline)),
            ("Quota", view.Quota is { } q ? $"{Format.Money(q.Quota)} ({q.QuotaSource})" : "none on record")));
        var bars = new List<(string, double)> { ("Potential ARR", t.Potential), ("Current ARR", t.CurrentArr), ("Open pipeline", t.OpenPipeline) };
        if (view.Quota is { } quota)
        {
            bars.Add(("Quota", quota.Quota));
        }

        card.Body.Add(Bars("Potential against today", bars, v => Format.Money(v)));

        card.Body.Add(Heading("Territory analysis"));
        foreach (var line in view.Analysis)
        {
            card.Body.Add(Paragraph(line));
        }

        card.Body.Add(Heading($"Top {view.TopAccounts.Count} accounts and why"));
        card.Body.Add(List(view.TopAccounts.Select(a => Row($"{a.Rank}.", $"{a.Name} ({a.AccountId})", string.Join(" · ", a.Reasons),
                Format.Money(a.PotentialArr), Drill("Details", AccountsPlugin.ShowVerb, ("accountId", a.AccountId)))),
            "No accounts in this territory."));

        card.Body.Add(Heading("Coverage by tier"));
        foreach (var line in view.CoverageStrategy)
        {
            card.Body.Add(Paragraph(line));
        }

        card.Body.Add(Heading("Quota decomposition"));
        if (view.Quota is { } qd)
        {
            card.Body.Add(Donut("Quota: existing customers and new logos",
            [
                ("Existing customers", qd.Expansion, Format.Money(qd.Expansion)),
                ("New logos", qd.NewLogo, Format.Money(qd.NewLogo)),
            ]));
        }

        foreach (var line in view.QuotaNarrative)
        {
            card.Body.Add(Paragraph(line));
        }

        if (view.Milestones.Count > 0)
        {
            card.Body.Add(Heading("Quarterly milestones"));
            card.Body.Add(Facts(view.Milestones.Select(m => ($"Q{m.Quarter} ({m.Weeks})",
                $"{Format.Money(m.Bookings)} bookings, {Format.Money(m.Cumulative)} cumulative · {m.Focus}"))));
        }

        card.Body.Add(Heading("Resources"));
        card.Body.Add(Facts(view.Resources.Select(r => (r.Resource, r.Need))));

        card.Body.Add(Heading(view.Risks.Count == 0 ? "Risks" : $"Top {view.Risks.Count} risks"));
        card.Body.Add(List(view.Risks.Select((r, i) => (CardElement)new Container
        {
            Separator = i > 0 ? true : null,
            Items =
            [
                new TextBlock(CardText.Escape($"{i + 1}. {r.Title}")) { Weight = TextWeight.Bolder, Wrap = true },
                Paragraph(r.Evidence, subtle: true),
                Paragraph($"Mitigation: {r.Mitigation}"),
            ],
        }), "No risk found."));

        card.Actions =
        [
            Drill("Territory", TerritoryPlugin.ShowVerb, ("repId", view.RepId)),
            Drill("Whitespace", WhitespacePlugin.ShowVerb, ("repId", view.RepId)),
            Drill("Territory document", TerritoryPlugin.DocVerb, ("repId", view.RepId)),
        ];
        return CardJson.FitToSize(card);
    }
}
