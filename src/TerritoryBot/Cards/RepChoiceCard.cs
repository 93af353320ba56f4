using TerritoryBot.Plugins;
using static TerritoryBot.Cards.RepCardLayout;

namespace TerritoryBot.Cards;

/// <summary>"Whose business plan?": one row per territory the caller may see, each with a button for that rep.</summary>
internal static class RepChoiceCard
{
    public static AdaptiveCard Build(RepChoiceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Text);
        card.Body.Add(Title($"Whose {view.What}?"));
        card.Body.Add(Subtitle($"Pick a territory from {view.ScopeLabel}."));
        card.Body.Add(List(
            view.Reps.Select(r => Row(null, r.Name, r.RepId, null, Drill($"Show {view.What}", view.Verb, ("repId", r.RepId)))),
            "No territories to choose from."));
        return CardJson.FitToSize(card);
    }
}
