using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>The caller's largest accounts by potential, each with a drill-down to the account.</summary>
internal static class TopAccountsCard
{
    public static AdaptiveCard Build(TopAccountsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title(view.Accounts.Count == 0 ? "Top accounts" : $"Top {view.Accounts.Count} accounts"));
        card.Body.Add(Subtitle($"By potential ARR · {view.ScopeLabel} · {Format.Plural(view.AccountsInScope, "account")} in all"));
        if (view.Accounts.Count > 0)
        {
            card.Body.Add(Facts(
                ("Potential listed", Format.Money(view.Accounts.Sum(a => a.PotentialArr))),
                ("High priority", Format.Plural(view.Accounts.Count(a => a.Priority == Core.Model.Priority.High), "account"))));
        }

        card.Body.Add(List(view.Accounts.Select(a => Row($"{a.Rank}.", $"{a.Name} ({a.AccountId})",
                $"{a.Tier} · {a.Industry} · fit {a.IcpFit}/5 · opportunity {Format.Number(a.OpportunityScore)} · {a.Priority} priority"
                + (a.Owner is null ? "" : $" · {a.Owner}") + $" · {a.CoverageApproach}",
                Format.Money(a.PotentialArr), Drill("Details", AccountsPlugin.ShowVerb, ("accountId", a.AccountId)))),
            "No accounts to show."));
        return CardJson.FitToSize(card);
    }
}
