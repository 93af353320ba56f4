using System.Text.Json.Nodes;
using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.TeamCardParts;

namespace TerritoryBot.Cards;

/// <summary>
/// The fairness check: spread, potential and workload per territory against the tolerance band (charts with
/// fallbacks), outliers, the rep most likely to feel disadvantaged, and the suggested moves with their rationale.
/// </summary>
internal static class FairnessCard
{
    public static AdaptiveCard Build(FairnessView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var f = view.Figures;
        string band = $"{Format.Number(100 - view.TolerancePct)}–{Format.Number(100 + view.TolerancePct)}%";
        var card = new AdaptiveCard
        {
            Msteams = new TeamsOptions("Full"),
            FallbackText = $"Fairness of {view.Subject}: {Format.Plural(view.Outliers.Count, "territory", "territories")} outside the band, {Format.Plural(view.Moves.Count, "suggested move")}.",
        };
        card.Body.Add(Title($"Fairness of {CardText.Escape(view.Subject)}"));
        card.Body.Add(Subtitle($"{Format.Plural(f.Territories, "territory", "territories")} · fair band ±{Format.Number(view.TolerancePct)}% of the mean territory"));
        card.Body.AddRange(ScopeNote(view.ScopeNote));

        var facts = new List<Fact>
        {
            new("Potential range", $"{Format.Money(f.MinPotential)} – {Format.Money(f.MaxPotential)} (median {Format.Money(f.MedianPotential)})"),
            new("Potential Gini", Format.Number(f.PotentialGini, "0.000")),
            new("Workload range", $"{Format.Number(f.MinWorkload)} – {Format.Number(f.MaxWorkload)} (Gini {Format.Number(f.WorkloadGini, "0.000")})"),
            new("Outside the band", view.Outliers.Count == 0 ? "none" : Format.Plural(view.Outliers.Count, "territory", "territories")),
        };
        if (view.UnassignedAccounts > 0)
        {
            facts.Add(new("Unassigned", Format.Plural(view.UnassignedAccounts, "account")));
        }

        card.Body.Add(new FactSet { Facts = facts });

        if (view.Territories.Count > 0)
        {
            card.Body.Add(Heading($"Potential and workload per territory (fair band {band} of the mean)"));
            card.Body.Add(Bars($"Potential, % of the mean territory (fair: {band})",
                [.. view.Territories.Select(t => (Label(t), 100 + t.DeviationPct, Shown(t.Potential, t.DeviationPct, t.IsOutlier, view.TolerancePct)))]));
            card.Body.Add(Bars("Workload, % of the mean territory",
                [.. view.Territories.Select(t => (Label(t), 100 + t.WorkloadDeviationPct,
                    $"{Format.Number(t.Workload)} ({Signed(t.WorkloadDeviationPct)} vs mean)"))]));
        }

        if (view.Outliers.Count > 0)
        {
            card.Body.Add(Heading("Outliers"));
            var outliers = new Container { Trimmable = true, Spacing = Spacing.Small };
            outliers.Items.AddRange(view.Outliers.Select(o => new TextBlock(
                $"**{CardText.Escape(o.RepName)}** ({CardText.Escape(o.RepId)}): {Format.Money(o.Potential)}, {Signed(o.DeviationPct)} vs mean, " +
                $"{Signed(o.DeviationFromMedianPct)} vs median") { Wrap = true, Spacing = Spacing.Small }));
            card.Body.Add(outliers);
        }

        if (view.MostDisadvantaged is { } d)
        {
            card.Body.Add(Heading("Most likely to feel disadvantaged"));
            card.Body.Add(new TextBlock($"**{CardText.Escape(d.RepName)}** ({CardText.Escape(d.RepId)})") { Wrap = true, Spacing = Spacing.Small });
            card.Body.Add(new TextBlock(CardText.Escape(d.Concern)) { Wrap = true, Spacing = Spacing.None, IsSubtle = true });
        }

        card.Body.Add(Heading("Suggested moves"));
        if (view.Plan is { Explanation.Length: > 0 } plan)
        {
            card.Body.Add(Paragraph(CardText.Escape(plan.Explanation)));
        }

        var moves = new Container { Trimmable = true, Spacing = Spacing.Small };
        foreach (var m in view.Moves)
        {
            moves.Items.Add(new Container
            {
                Spacing = Spacing.Small,
                Items =
                [
                    new TextBlock($"**{CardText.Escape(m.AccountName)}** ({CardText.Escape(m.AccountId)}) · {CardText.Escape(m.FromName)} → {CardText.Escape(m.ToName)} · {Format.Money(m.Potential)}")
                    {
                        Wrap = true,
                    },
                    new TextBlock(CardText.Escape(m.Rationale)) { Wrap = true, IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                ],
            });
        }

        if (view.Moves.Count == 0)
        {
            moves.Items.Add(new TextBlock(view.Outliers.Count == 0 && view.HiddenMoves == 0 ? "None needed: every territory is inside the band." : "No moves within what you can see.")
            {
                IsSubtle = true,
                Wrap = true,
            });
        }

        card.Body.Add(moves);
        if (view.HiddenMoves > 0)
        {
            card.Body.Add(new TextBlock($"{Format.Plural(view.HiddenMoves, "further move")} involve territories outside your team; sales ops can see them.")
            {
                IsSubtle = true,
                Wrap = true,
                Spacing = Spacing.Small,
            });
        }

        if (view.Findings.Count > 0)
        {
            card.Body.Add(Heading("Other findings"));
            var findings = new Container { Trimmable = true, Spacing = Spacing.Small };
            findings.Items.AddRange(view.Findings.Select(x => new TextBlock(CardText.Escape(x)) { Wrap = true, Spacing = Spacing.Small }));
            card.Body.Add(findings);
        }

        var scenario = view.Scenario is null ? null : new JsonObject { ["scenario"] = view.Scenario };
        if (scenario is not null && view.MaxMovedPct is { } cap)
        {
            scenario["percent"] = cap;
        }

        card.Actions = [];
        if (view.Moves.Count > 0)
        {
            card.Actions.Add(ExecuteAction.Drill("Propose these moves", FairnessPlugin.ProposeVerb, (JsonObject?)scenario?.DeepClone()));
        }

        card.Actions.Add(view.Scenario is null
            ? ExecuteAction.Drill("Compare scenarios", ScenariosPlugin.CompareVerb)
            : ExecuteAction.Drill($"Show {view.Scenario}", ScenariosPlugin.ShowVerb, (JsonObject?)scenario!.DeepClone()));
        return CardJson.FitToSize(card);
    }

    private static string Label(FairnessRow t) => $"{t.RepName} ({t.RepId})";

    private static string Shown(double potential, double deviationPct, bool outlier, double tolerancePct) =>
        $"{Format.Money(potential)} ({Signed(deviationPct)} vs mean{(outlier ? (deviationPct < 0 ? ", below" : ", above") + $" the ±{Format.Number(tolerancePct)}% band" : "")})";
}
