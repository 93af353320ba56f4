using TerritoryBot.Core.Coverage;
using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.TeamCardParts;

namespace TerritoryBot.Cards;

/// <summary>Coverage gaps: totals, capacity against potential by segment and region, uncovered clusters, rep load, where to add a rep.</summary>
internal static class CoverageCard
{
    public static AdaptiveCard Build(CoverageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Summary;
        var card = new AdaptiveCard
        {
            Msteams = new TeamsOptions("Full"),
            FallbackText = $"Coverage gaps: {Format.Money(s.UncoveredPotential)} of {Format.Money(s.PotentialArr)} potential uncovered, {Format.Money(s.OpportunityCost)} a year of opportunity cost.",
        };
        card.Body.Add(Title("Coverage gaps"));
        card.Body.Add(Subtitle($"{Format.Plural(s.Accounts, "account")} · {Format.Plural(s.Reps, "rep")} · opportunity cost at a {Format.Percent(s.WinRate)} win rate " +
            $"({Format.Plural(s.ClosedDeals, "closed deal")})"));
        card.Body.AddRange(ScopeNote(view.ScopeNote));
        card.Body.Add(new FactSet
        {
            Facts =
            [
                new("Potential", Format.Money(s.PotentialArr)),
                new("Uncovered potential", $"{Format.Money(s.UncoveredPotential)} ({Format.Percent(s.PotentialArr > 0 ? s.UncoveredPotential / s.PotentialArr : 0)})"),
                new("Opportunity cost", $"{Format.Money(s.OpportunityCost)} a year"),
                new("Capacity", $"{Format.Int((long)Math.Round(s.TotalCapacity))} accounts ({Format.Int((long)Math.Round(s.AverageCapacity))} per rep" +
                    (s.RepsWithDefaultCapacity > 0 ? $", {Format.Int(s.RepsWithDefaultCapacity)} at the default)" : ")")),
                new("Without an owner", Format.Plural(s.UnassignedAccounts, "account")),
            ],
        });

        if (view.AddRep is { } add)
        {
            card.Body.Add(Heading("Where one more rep pays most"));
            card.Body.Add(Paragraph(CardText.Escape(add.Sentence)));
        }

        card.Body.Add(Heading("By segment"));
        card.Body.Add(Table(view.BySegment, trimmable: false));
        if (view.BySegment.Count > 0)
        {
            card.Body.Add(Bars("Coverage of potential by segment, %",
                [.. view.BySegment.Select(x => (x.Name, x.CoveragePct, $"{Format.Percent(x.CoveragePct / 100)} covered · {Format.Money(x.OpportunityCost)} opportunity cost"))]));
        }

        card.Body.Add(Heading("By region"));
        card.Body.Add(Table(view.ByRegion, trimmable: true));

        card.Body.Add(Heading(view.ClusterCount > view.Clusters.Count
            ? $"Uncovered clusters (top {view.Clusters.Count} of {view.ClusterCount})"
            : "Uncovered clusters"));
        var clusters = new Container { Trimmable = true, Spacing = Spacing.Small };
        clusters.Items.AddRange(view.Clusters.Select(c => new TextBlock(CardText.Escape(c.Sentence)) { Wrap = true, Spacing = Spacing.Small }));
        if (view.Clusters.Count == 0)
        {
            clusters.Items.Add(new TextBlock("No cluster of high-potential accounts goes uncovered.") { IsSubtle = true, Wrap = true });
        }

        card.Body.Add(clusters);

        if (view.Reps.Count > 0)
        {
            card.Body.Add(Heading("Rep load"));
            var reps = new Container { Trimmable = true, Spacing = Spacing.Small };
            reps.Items.Add(Row(true, "Rep", "Accounts / capacity", "Load", "Opportunity cost"));
            reps.Items.AddRange(view.Reps.Select(r => Row(false,
                $"{CardText.Escape(r.RepName)} ({CardText.Escape(r.RepId)})",
                $"{Format.Int(r.Accounts)} / {Format.Int(r.Capacity)}{(r.DefaultCapacity ? "*" : "")}",
                double.IsFinite(r.LoadPct) ? Format.Percent(r.LoadPct / 100) : "no capacity",
                Format.Money(r.OpportunityCost))));
            card.Body.Add(reps);
        }

        if (view.Findings.Count > 0)
        {
            card.Body.Add(Heading("Findings"));
            var findings = new Container { Trimmable = true, Spacing = Spacing.Small };
            findings.Items.AddRange(view.Findings.Select(f => new TextBlock(CardText.Escape(f)) { Wrap = true, Spacing = Spacing.Small }));
            card.Body.Add(findings);
        }

        return CardJson.FitToSize(card);
    }

    private static Container Table(IReadOnlyList<CoverageSlice> slices, bool trimmable)
    {
        var table = new Container { Trimmable = trimmable, Spacing = Spacing.Small };
        table.Items.Add(Row(true, "Name", "Potential", "Covered", "Opportunity cost"));
        table.Items.AddRange(slices.Select(x => Row(false,
            CardText.Escape(x.Name) + (x.UnassignedAccounts > 0 ? $" ({Format.Int(x.UnassignedAccounts)} unowned)" : ""),
            Format.Money(x.PotentialArr),
            Format.Percent(x.CoveragePct / 100),
            Format.Money(x.OpportunityCost))));
        return table;
    }
}
