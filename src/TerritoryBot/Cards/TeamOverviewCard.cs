using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>One row per territory a manager or ops may see: accounts, potential, current ARR, each with a drill-down.</summary>
internal static class TeamOverviewCard
{
    public static AdaptiveCard Build(TeamOverviewView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = view.Territories;
        var card = NewCard(view.Text);
        card.Body.Add(Title(view.ScopeLabel == "all territories" ? "All territories" : $"Territories: {view.ScopeLabel}"));
        card.Body.Add(Subtitle($"As of {Format.Date(view.AsOf)} · {Format.Plural(rows.Count, "territory", "territories")}"));
        var facts = new List<(string, string)>
        {
            ("Accounts", Format.Int(rows.Sum(r => r.Accounts))),
            ("Potential ARR", Format.Money(rows.Sum(r => r.Potential))),
            ("Current ARR", Format.Money(rows.Sum(r => r.CurrentArr))),
            ("Open pipeline", Format.Money(rows.Sum(r => r.OpenPipeline))),
        };
        if (view.UnassignedAccounts is { } unassigned)
        {
            facts.Add(("Without an owner", Format.Plural(unassigned, "account")));
        }

        card.Body.Add(Facts(facts));
        if (rows.Count > 0)
        {
            card.Body.Add(Heading("Potential by territory"));
            card.Body.Add(Bars("Potential ARR by territory", rows.Select(r => ($"{r.Name} ({r.RepId})", r.Potential)), v => Format.Money(v)));
        }

        card.Body.Add(Heading("Territories"));
        card.Body.Add(List(rows.Select(r => Row(null, $"{r.Name} ({r.RepId})",
                $"{Format.Plural(r.Accounts, "account")} · current ARR {Format.Money(r.CurrentArr)} ({Format.Percent(r.Penetration)} of potential)",
                Format.Money(r.Potential), Drill("Open territory", TerritoryPlugin.ShowVerb, ("repId", r.RepId)))),
            "No territories to show."));
        return CardJson.FitToSize(card);
    }
}
