using TerritoryBot.Cards;
using TerritoryBot.Conversation;

namespace TerritoryBot.Plugins;

/// <summary>
/// The answer to a rep-level request from someone who carries no territory and named no rep ("build my business
/// plan" from a manager): the territories they may pick from, each with a button that asks again for that rep.
/// </summary>
internal sealed record RepChoiceView(string What, string Verb, string ScopeLabel, IReadOnlyList<RepChoiceView.Option> Reps) : IViewModel
{
    public sealed record Option(string RepId, string Name);

    public static RepChoiceView For(RepScope.Team team, string what, string verb) =>
        new(what, verb, team.Label, [.. team.Reps.Select(r => new Option(r.RepId, r.Name))]);

    public string Text => Reps.Count == 0
        ? $"There is no territory in {ScopeLabel} to show a {What} for."
        : $"Whose {What}? Name a rep from {ScopeLabel}, e.g. \"{What} for {Reps[0].RepId}\": "
          + string.Join(", ", Reps.Select(r => $"{r.Name} ({r.RepId})")) + ".";

    public AdaptiveCard? ToCard() => RepChoiceCard.Build(this);
}
