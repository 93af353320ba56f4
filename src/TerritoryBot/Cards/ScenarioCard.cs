using System.Text.Json.Nodes;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.TeamCardParts;

namespace TerritoryBot.Cards;

/// <summary>One scenario in detail: its figures, potential per territory (chart with fallback), the territories, unmet constraints.</summary>
internal static class ScenarioCard
{
    public static AdaptiveCard Build(ScenarioDetailView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Scenario;
        var card = new AdaptiveCard
        {
            Msteams = new TeamsOptions("Full"),
            FallbackText = $"Scenario {s.Name}: potential Gini {Format.Number(s.PotentialGini, "0.000")}, {Format.Plural(s.AccountsMoved, "account")} moved.",
        };
        card.Body.Add(Title($"Scenario: {CardText.Escape(s.Name)}{(view.IsRecommended ? " (recommended)" : "")}"));
        card.Body.Add(Subtitle(CardText.Escape(s.Description)));
        card.Body.AddRange(ScopeNote(view.ScopeNote));

        var facts = new List<Fact>
        {
            new("Potential balance", $"Gini {Format.Number(s.PotentialGini, "0.000")} · CV {Format.Number(s.PotentialCv, "0.000")} · spread {Format.Percent(s.PotentialSpread)} of the mean"),
            new("Workload balance", $"Gini {Format.Number(s.WorkloadGini, "0.000")} · CV {Format.Number(s.WorkloadCv, "0.000")}"),
            new("Continuity", s.ContinuityArr is { } arr
                ? $"{Format.Percent(s.ContinuityAccounts)} of accounts, {Format.Percent(arr)} of ARR keep their owner"
                : $"{Format.Percent(s.ContinuityAccounts)} of your team's accounts keep their owner"),
            new("Moved", $"{Format.Plural(s.AccountsMoved, "account")} · {Format.Money(s.PipelineMoved)} open pipeline"),
        };
        if (view.MaxMovedPct is { } cap && s.Name == ScenarioNames.Rebalance)
        {
            facts.Add(new("Move cap", $"at most {cap}% of accounts"));
        }

        facts.Add(new("Targets", ScenariosPlugin.TargetsText(view.Targets)));

        card.Body.Add(new FactSet { Facts = facts });

        if (view.Territories.Count > 0)
        {
            card.Body.Add(Bars($"Potential ARR per territory ({s.Name})",
                [.. view.Territories.Select(t => ($"{t.RepName} ({t.RepId})", t.Potential, $"{Format.Money(t.Potential)} ({Signed(t.DeviationPct)} vs target)"))]));
        }

        card.Body.Add(Heading("Territories"));
        var rows = new Container { Trimmable = true, Spacing = Spacing.Small };
        foreach (var t in view.Territories)
        {
            rows.Items.Add(new Container
            {
                Spacing = Spacing.Small,
                Items =
                [
                    Row(false, $"**{CardText.Escape(t.RepName)}** ({CardText.Escape(t.RepId)})", Format.Money(t.Potential), Signed(t.DeviationPct),
                        $"workload {Format.Number(t.Workload)}", Format.Plural(t.Accounts, "account")),
                    .. t.Description.Length > 0
                        ? new CardElement[] { new TextBlock(CardText.Escape(t.Description)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None, Size = TextSize.Small } }
                        : [],
                ],
            });
        }

        if (view.Territories.Count == 0)
        {
            rows.Items.Add(new TextBlock("No territories to show.") { IsSubtle = true });
        }

        card.Body.Add(rows);

        if (view.Issues.Count > 0)
        {
            card.Body.Add(Heading("Constraints not met"));
            var issues = new Container { Trimmable = true, Spacing = Spacing.Small };
            issues.Items.AddRange(view.Issues.Select(i => new TextBlock(CardText.Escape(i)) { Wrap = true, Spacing = Spacing.Small, Color = TextColor.Warning }));
            card.Body.Add(issues);
        }

        var percent = view.MaxMovedPct is { } p ? new JsonObject { ["percent"] = p } : null;
        if (view.Targets != Core.Design.TargetMode.Equal)
        {
            percent ??= [];
            percent["targets"] = ScenariosPlugin.TargetName(view.Targets);
        }

        card.Actions = [ExecuteAction.Drill("Compare all scenarios", ScenariosPlugin.CompareVerb, percent)];
        if (s.Name != ScenarioNames.Current)
        {
            var data = new JsonObject { ["scenario"] = s.Name };
            if (view.MaxMovedPct is { } pct)
            {
                data["percent"] = pct;
            }

            card.Actions.Add(ExecuteAction.Drill("Fairness check of it", FairnessPlugin.ShowVerb, (JsonObject)data.DeepClone()));
            card.Actions.Add(ExecuteAction.Drill("Propose this scenario", ScenariosPlugin.ProposeVerb, data));
        }

        return CardJson.FitToSize(card);
    }
}
