using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>Accounts changing hands under the recommended scenario, with what the hand-over needs.</summary>
internal static class TransitionCard
{
    public static AdaptiveCard Build(TransitionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title($"Transition package: {view.RepName}"));
        card.Body.Add(Subtitle($"{view.RepId} · current owners → recommended scenario {view.Scenario}"));
        card.Body.Add(Facts(
            ("Incoming", $"{Format.Plural(view.Incoming.Count + view.NotShown, "account")} · {Format.Money(view.Incoming.Sum(t => t.OpenPipeline))} open pipeline shown"),
            ("Outgoing", $"{Format.Plural(view.Outgoing.Count, "account")} · {Format.Money(view.Outgoing.Sum(t => t.OpenPipeline))} open pipeline")));

        card.Body.Add(Heading("Incoming"));
        card.Body.Add(List(view.Incoming.Select(Line), view.NotShown > 0 ? "None shown." : "No account comes in."));
        if (view.NotShown > 0)
        {
            card.Body.Add(Paragraph($"{Format.Plural(view.NotShown, "incoming account")} {Format.Verb(view.NotShown, "is", "are")} {TransitionView.NotShownNote}.", subtle: true));
        }

        card.Body.Add(Heading("Outgoing"));
        card.Body.Add(List(view.Outgoing.Select(Line), "No account leaves."));
        card.Actions = [Drill("Territory", TerritoryPlugin.ShowVerb, ("repId", view.RepId))];
        return CardJson.FitToSize(card);
    }

    private static ColumnSet Line(TransitionLine t) =>
        Row(null, $"{t.Name} ({t.AccountId})", t.Details, Format.Money(t.OpenPipeline), Drill("Details", AccountsPlugin.ShowVerb, ("accountId", t.AccountId)));
}
