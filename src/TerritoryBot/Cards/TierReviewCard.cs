using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>Accounts in the wrong tier: the move, the potential at stake and the rationale, largest gaps first.</summary>
internal static class TierReviewCard
{
    public static AdaptiveCard Build(TierReviewView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title("Tier review"));
        card.Body.Add(Subtitle($"{view.ScopeLabel} · {Format.Plural(view.AccountsInScope, "account")}"));
        int downgrades = view.Accounts.Count - view.Upgrades;
        card.Body.Add(Facts(
            ("In the wrong tier", Format.Plural(view.MisclassifiedCount, "account")),
            ("Listed", $"{Format.Int(view.Upgrades)} upgrades, {Format.Int(downgrades)} downgrades")));
        if (view.Accounts.Count > 0)
        {
            card.Body.Add(Donut("Recommended moves", [("Upgrade", view.Upgrades, Format.Plural(view.Upgrades, "account")), ("Downgrade", downgrades, Format.Plural(downgrades, "account"))]));
        }

        card.Body.Add(Heading("Recommended moves"));
        card.Body.Add(List(view.Accounts.Select(a => Row(null, $"{a.Name} ({a.AccountId}): {a.Move}", a.Rationale, Format.Money(a.PotentialArr),
                Drill("Details", AccountsPlugin.ShowVerb, ("accountId", a.AccountId)))),
            "No account needs a tier move."));
        return CardJson.FitToSize(card);
    }
}
