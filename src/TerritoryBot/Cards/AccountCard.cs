using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>One account in depth: fit per dimension, scores, potential with range and comparables, tier, status, opportunities.</summary>
internal static class AccountCard
{
    public static AdaptiveCard Build(AccountView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title($"{view.Name} ({view.AccountId})"));
        card.Body.Add(Subtitle($"{view.Industry} · {Format.Int(view.Employees)} employees"
            + (view.City is null && view.Region is null ? "" : " · " + string.Join(", ", new[] { view.City, view.Region }.Where(x => x is not null)))
            + $" · owner {view.Owner ?? "none"}"));
        card.Body.Add(Facts(
            ("Tier", view.TierMove is null ? view.Tier.ToString() : $"{view.Tier} (recorded {view.CurrentTier}: {view.TierMove})"),
            ("Status", $"{TerritoryCard.Status(view.Status)} · {view.Priority} priority"),
            ("ICP fit", $"{view.IcpFit}/5"),
            ("Opportunity score", $"{Format.Number(view.OpportunityScore)}/100"),
            ("Potential ARR", $"{Format.Money(view.PotentialArr)} ({Format.Money(view.PotentialLow)}–{Format.Money(view.PotentialHigh)})"),
            ("Current ARR", Format.Money(view.CurrentArr)),
            ("Last activity", Format.Date(view.LastActivity))));

        card.Body.Add(Heading("Why this fit"));
        card.Body.Add(Bars("Fit by dimension (0–100)", view.Fit.Select(f => (f.Dimension, f.SubScore * 100)), v => Format.Number(v) + "/100"));
        card.Body.Add(Facts(view.Fit.Select(f => ($"{f.Dimension} ({Format.Percent(f.Weight)})", f.Reason))));

        card.Body.Add(Heading("Potential"));
        card.Body.Add(Paragraph(view.PotentialMethod));
        card.Body.Add(List(view.Comparables.Select(c => Row(null,
                c.Name is null ? $"A {c.Industry} customer" : $"{c.Name} ({c.AccountId})",
                $"{c.Industry} · {Format.Int(c.Employees)} employees · similarity {Format.Number(c.Similarity, "0.00")}",
                c.CurrentArr is { } arr ? Format.Money(arr) : null)),
            "No comparable customers."));

        if (view.TierRationale is not null)
        {
            card.Body.Add(Heading($"Recommended: {view.TierMove}"));
            card.Body.Add(Paragraph(view.TierRationale));
        }

        card.Body.Add(Heading("Coverage"));
        card.Body.Add(Paragraph(view.CoverageApproach));
        if (view.Notes is not null)
        {
            card.Body.Add(Paragraph($"Notes: {view.Notes}", subtle: true));
        }

        card.Body.Add(Heading("Open opportunities"));
        card.Body.Add(List(view.OpenOpportunities.Select(o => Row(null, $"{o.OpportunityId} · {o.Stage}",
                $"closes {Format.Date(o.CloseDate)} · {o.Owner}", Format.Money(o.Amount))),
            "No open opportunities."));
        return CardJson.FitToSize(card);
    }
}
