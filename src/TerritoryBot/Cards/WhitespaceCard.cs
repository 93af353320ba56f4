using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Whitespace;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>A rep's whitespace: how much more there is than the book they work, and the top accounts with an outreach plan each.</summary>
internal static class WhitespaceCard
{
    public static AdaptiveCard Build(WhitespaceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var r = view.Report;
        var card = NewCard(view.Text);
        card.Body.Add(Title($"Whitespace: {r.RepName}"));
        card.Body.Add(Subtitle($"{r.RepId} · {r.ScopeRule}"));
        card.Body.Add(Facts(
            ("Whitespace accounts", $"{Format.Int(r.WhitespaceAccounts)} ({Format.Int(r.OwnedWhitespace)} owned, {Format.Int(r.UnassignedWhitespace)} unassigned)"),
            ("Estimated potential", Format.Money(r.WhitespacePotentialArr)),
            ("High-fit accounts worked today", Format.Int(r.HighFitAlreadyWorked)),
            ("More than the current book", r.IncreaseOverWorkedPct is { } pct ? $"+{Format.Number(pct)}%" : "no high-fit account worked today")));
        card.Body.Add(Paragraph(r.Sentence));
        card.Body.Add(Bars("High-fit accounts", [("Worked today", r.HighFitAlreadyWorked), ("Whitespace", r.WhitespaceAccounts)], v => Format.Int((long)v)));

        card.Body.Add(Heading(r.Top.Count == 0 ? "Top whitespace" : $"Top {r.Top.Count} to open"));
        card.Body.Add(List(r.Top.Select(Candidate), "No whitespace in this territory."));
        card.Actions =
        [
            Drill("Territory", TerritoryPlugin.ShowVerb, ("repId", r.RepId)),
            Drill("Business plan", PlansPlugin.ShowVerb, ("repId", r.RepId)),
        ];
        return CardJson.FitToSize(card);
    }

    private static Container Candidate(WhitespaceCandidate c)
    {
        var head = Row($"{c.Rank}.", $"{c.Name} ({c.AccountId})",
            $"{c.Industry}{(c.Region is null ? "" : " · " + c.Region)} · {Format.Int(c.Employees)} employees · fit {c.IcpFit}/5 · {(c.Owned ? "owned" : "unassigned")}",
            $"{Format.Money(c.EstimatedArr)} ({Format.Money(c.EstimatedArrLow)}–{Format.Money(c.EstimatedArrHigh)})");
        head.Separator = null;
        return new Container
        {
            Separator = true,
            Spacing = Spacing.Small,
            Items =
            [
                head,
                Paragraph($"Why: {string.Join("; ", c.FitRationale)}", subtle: true),
                Paragraph($"Pains: {string.Join(", ", c.Pains)} · Persona: {c.EntryPersona} · Triggers: {string.Join(", ", c.TriggerSignals)}", subtle: true),
                Paragraph(c.OutreachHypothesis),
            ],
        };
    }
}
