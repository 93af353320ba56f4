using System.Text.Json.Nodes;
using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.TeamCardParts;

namespace TerritoryBot.Cards;

/// <summary>The scenario comparison: one row per scenario, the recommendation, and the recommended scenario's potential per territory.</summary>
internal static class ScenariosCard
{
    public static AdaptiveCard Build(ScenarioComparisonView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = new AdaptiveCard
        {
            Msteams = new TeamsOptions("Full"),
            FallbackText = $"Territory scenarios compared with the current plan; {view.Recommended} is recommended.",
        };
        card.Body.Add(Title("Territory scenarios"));
        card.Body.Add(Subtitle($"{Format.Plural(view.Rows.Count - 1, "scenario")} against the current plan · rebalance moves at most {view.MaxMovedPct}% of accounts · targets: {ScenariosPlugin.TargetsText(view.Targets)}"));
        card.Body.AddRange(ScopeNote(view.ScopeNote));

        card.Body.Add(Heading("Comparison"));
        var table = new Container { Spacing = Spacing.Small };
        table.Items.Add(Row(true, "Scenario", "Potential Gini · CV · spread", "Workload Gini · CV", "Continuity", "Moved (accounts · pipeline)"));
        foreach (var r in view.Rows)
        {
            string name = r.Name == view.Recommended ? $"**{CardText.Escape(r.Name)}** (recommended)" : CardText.Escape(r.Name);
            table.Items.Add(Row(false,
                name,
                $"{Format.Number(r.PotentialGini, "0.000")} · {Format.Number(r.PotentialCv, "0.000")} · {Format.Percent(r.PotentialSpread)}",
                $"{Format.Number(r.WorkloadGini, "0.000")} · {Format.Number(r.WorkloadCv, "0.000")}",
                r.ContinuityArr is { } arr ? $"{Format.Percent(r.ContinuityAccounts)} · ARR {Format.Percent(arr)}" : Format.Percent(r.ContinuityAccounts),
                $"{Format.Int(r.AccountsMoved)} · {Format.Money(r.PipelineMoved)}"));
        }

        card.Body.Add(table);
        card.Body.Add(new TextBlock("Gini and CV: 0 is perfectly even. Spread: largest minus smallest territory, as a share of the mean. " +
            "Continuity: accounts (and ARR) that keep their owner.") { IsSubtle = true, Wrap = true, Size = TextSize.Small, Spacing = Spacing.Small });

        if (view.Recommendation.Length > 0)
        {
            card.Body.Add(Heading(view.WholeOrganisation ? "Recommendation" : "Recommendation (whole organisation)"));
            card.Body.Add(Paragraph(CardText.Escape(view.Recommendation)));
        }

        if (view.RecommendedTerritories.Count > 0)
        {
            card.Body.Add(Heading($"Potential per territory in {CardText.Escape(view.Recommended)}"));
            card.Body.Add(Bars($"Potential ARR per territory ({view.Recommended})",
                [.. view.RecommendedTerritories.Select(t => ($"{t.RepName} ({t.RepId})", t.Potential,
                    $"{Format.Money(t.Potential)} ({Signed(t.DeviationPct)} vs target)"))]));
        }

        if (view.Recommended.Length > 0)
        {
            card.Actions =
            [
                ExecuteAction.Drill($"Show {view.Recommended}", ScenariosPlugin.ShowVerb, WithTargets(Data(view.Recommended, view), view)),
                ExecuteAction.Drill("Fairness check of it", FairnessPlugin.ShowVerb, Data(view.Recommended, view)),
                ExecuteAction.Drill($"Propose {view.Recommended}", ScenariosPlugin.ProposeVerb, Data(view.Recommended, view)),
            ];
        }

        return CardJson.FitToSize(card);
    }

    private static JsonObject Data(string scenario, ScenarioComparisonView view)
    {
        var data = new JsonObject { ["scenario"] = scenario };
        if (view.CapAsked)
        {
            data["percent"] = view.MaxMovedPct;
        }

        return data;
    }

    // Only the drill into the scenario carries the targets: fairness checks and proposals read the default design.
    private static JsonObject WithTargets(JsonObject data, ScenarioComparisonView view)
    {
        if (view.Targets != Core.Design.TargetMode.Equal)
        {
            data["targets"] = ScenariosPlugin.TargetName(view.Targets);
        }

        return data;
    }
}
