using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>A rep's territory: totals, potential against current ARR, tier mix, the largest accounts and drill-downs.</summary>
internal static class TerritoryCard
{
    public const int DrillTop = 10;

    public static AdaptiveCard Build(TerritoryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = view.Totals;
        var card = NewCard(view.Text);
        card.Body.Add(Title($"{view.RepName}'s territory"));
        card.Body.Add(Subtitle($"{view.RepId} · as of {Format.Date(view.AsOf)} · {Format.Plural(t.Accounts, "account")}"));
        card.Body.Add(Facts(
            ("Potential ARR", Format.Money(t.Potential)),
            ("Current ARR", $"{Format.Money(t.CurrentArr)} ({Format.Percent(t.Penetration)} penetration)"),
            ("Open pipeline", $"{Format.Money(t.OpenPipeline)} in {Format.Plural(t.OpenOpportunities, "opportunity", "opportunities")}"),
            ("Relationships", $"{Format.Plural(t.Customers, "customer")}, {Format.Plural(t.ActiveProspects, "active prospect")}, {Format.Plural(t.ColdProspects, "cold prospect")}"),
            ("Whitespace", Format.Plural(t.Whitespace, "account"))));

        card.Body.Add(Heading("Potential against today"));
        card.Body.Add(Bars("Potential, current ARR and open pipeline",
            [("Potential ARR", t.Potential), ("Current ARR", t.CurrentArr), ("Open pipeline", t.OpenPipeline)], v => Format.Money(v)));

        card.Body.Add(Heading("Tier mix"));
        card.Body.Add(Donut("Potential ARR by tier",
            view.Tiers.Select(x => (x.Tier.ToString(), x.Potential, $"{Format.Plural(x.Accounts, "account")} · {Format.Money(x.Potential)} ({Format.Percent(x.PotentialShare)})"))));

        card.Body.Add(Heading(view.TopAccounts.Count < TerritoryPlugin.CardAccounts ? "Accounts by potential" : $"Top {view.TopAccounts.Count} accounts by potential"));
        card.Body.Add(List(view.TopAccounts.Select(a => Row($"{a.Rank}.", $"{a.Name} ({a.AccountId})",
                $"{a.Tier} · {a.Industry} · fit {a.IcpFit}/5 · {Status(a.Status)}", Format.Money(a.PotentialArr),
                Drill("Details", AccountsPlugin.ShowVerb, ("accountId", a.AccountId)))),
            "No accounts in this territory."));

        card.Actions =
        [
            Drill($"Top {DrillTop} accounts", AccountsPlugin.TopVerb, ("top", DrillTop), ("repId", view.RepId)),
            Drill("Whitespace", WhitespacePlugin.ShowVerb, ("repId", view.RepId)),
            Drill("Business plan", PlansPlugin.ShowVerb, ("repId", view.RepId)),
            Drill("Territory document", TerritoryPlugin.DocVerb, ("repId", view.RepId)),
            Drill("Transition package", TerritoryPlugin.TransitionVerb, ("repId", view.RepId)),
        ];
        return CardJson.FitToSize(card);
    }

    internal static string Status(Core.Model.AccountStatus status) => status switch
    {
        Core.Model.AccountStatus.ActiveCustomer => "customer",
        Core.Model.AccountStatus.ActiveProspect => "open opportunity",
        Core.Model.AccountStatus.ColdProspect => "cold prospect",
        _ => "no relationship",
    };
}
