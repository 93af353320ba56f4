using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Planning;

/// <summary>Turns a computed <see cref="TerritoryPlan"/> into a <see cref="PlanDocument"/> (territory document, business plan or both).</summary>
public static class PlanDocumentBuilder
{
    public static PlanDocument Build(TerritoryPlan plan, PlanSection section = PlanSection.All)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rep = plan.Rep;
        string title = section switch
        {
            PlanSection.BusinessPlan => $"Territory business plan — {rep.Name}",
            PlanSection.Territory => $"Territory document — {rep.Name}",
            _ => $"Territory plan — {rep.Name}",
        };
        var facts = new List<string> { rep.RepId };
        if (!string.IsNullOrWhiteSpace(rep.Region))
        {
            facts.Add(rep.Region);
        }

        facts.Add($"{rep.Seniority} rep");
        facts.Add($"as of {Format.Date(plan.AsOf)}");
        facts.Add($"owners: {plan.Basis}");
        string subtitle = string.Join(" · ", facts);

        var sections = new List<DocSection> { Summary(plan) };
        if (section != PlanSection.BusinessPlan)
        {
            sections.Add(new DocSection("hypothesis", "Strategic hypothesis", 2, plan.Hypothesis.Select(h => (DocBlock)new ParagraphBlock(h)).ToArray()));
            sections.Add(Portfolio(plan));
            sections.Add(Transitions(plan));
            sections.Add(Sequence(plan));
        }

        if (section != PlanSection.Territory)
        {
            sections.AddRange(BusinessPlan(plan));
        }

        return new PlanDocument(title, subtitle, sections);
    }

    private static DocSection Summary(TerritoryPlan plan)
    {
        string s = plan.CurrencySymbol;
        var t = plan.Totals;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Accounts", Format.Int(t.Accounts)),
            new("Potential ARR", Format.Money(t.Potential, s)),
            new("Current ARR", Format.Money(t.CurrentArr, s)),
            new("Penetration", Format.Percent(t.Penetration)),
            new("Open pipeline", Format.Money(t.OpenPipeline, s)),
            new("Quota", plan.Rep.Quota is { } q ? Format.Money(q, s) : "none"),
        };
        if (plan.Fit is { } fit)
        {
            facts.Add(new("Pipeline coverage", plan.Rep.Quota is > 0 ? Format.Multiple(t.OpenPipeline / plan.Rep.Quota.Value) : "n/a"));
            facts.Add(new("Win rate (smoothed)", $"{Format.Percent(fit.Overall.Smoothed)} (n={fit.Overall.Deals})"));
        }

        facts.Add(new("Ramping", plan.Rep.Ramping ? "yes" : "no"));
        return new DocSection("summary", "Summary", 2,
        [
            new FactsBlock(facts),
            new BandChartBlock(plan.Band, s),
            new TierMixChartBlock(plan.Tiers, s),
            new MapChartBlock(plan.Geography.Home, plan.Geography.Points, t.Accounts - plan.Geography.Located, s),
        ]);
    }

    private static DocSection Portfolio(TerritoryPlan plan)
    {
        string s = plan.CurrencySymbol;
        var blocks = new List<DocBlock>
        {
            new TableBlock(["Tier", "Accounts", "Potential", "Share", "Current ARR", "Coverage"],
                plan.Tiers.Select(t => (IReadOnlyList<string>)[t.Tier.ToString(), Format.Int(t.Accounts), Format.Money(t.Potential, s), Format.Percent(t.PotentialShare), Format.Money(t.CurrentArr, s), t.Cadence]).ToArray(),
                [false, true, true, true, true, false]),
        };
        if (plan.Portfolio.Count == 0)
        {
            blocks.Add(new ParagraphBlock("The territory has no accounts."));
        }
        else
        {
            blocks.Add(new TableBlock(["Account", "Industry", "Tier", "Status", "Fit", "Score", "Potential", "ARR", "Pipeline", "Last activity", "Coverage approach"],
                plan.Portfolio.Take(plan.PortfolioRowsShown).Select(p => (IReadOnlyList<string>)
                [
                    p.Account.Name + (p.Incoming ? " (new)" : ""), p.Account.Industry, p.Score.Tier.ToString(), StatusLabel(p.Score.Status),
                    $"{p.Score.IcpFit}/5", Format.Number(p.Score.OpportunityScore), Format.Money(p.Score.PotentialArr, s), Format.Money(p.Account.CurrentArr, s),
                    p.OpenPipeline > 0 ? Format.Money(p.OpenPipeline, s) : "–", Format.Date(p.LastActivity), p.CoverageApproach,
                ]).ToArray(),
                [false, false, false, false, true, true, true, true, true, true, false]));
            if (plan.PortfolioRowsShown < plan.Portfolio.Count)
            {
                var rest = plan.Portfolio.Skip(plan.PortfolioRowsShown).ToArray();
                blocks.Add(new ParagraphBlock($"Showing the first {Format.Int(plan.PortfolioRowsShown)} of {Format.Plural(plan.Portfolio.Count, "account")} (by tier, then potential); "
                    + $"the other {Format.Int(rest.Length)} hold {Format.Money(rest.Sum(p => p.Score.PotentialArr), s)} of potential."));
            }
        }

        return new DocSection("portfolio", "Account portfolio", 2, blocks);
    }

    private static DocSection Transitions(TerritoryPlan plan)
    {
        string s = plan.CurrencySymbol;
        if (!plan.HasTarget)
        {
            return new DocSection("transitions", "Accounts changing hands", 2,
                [new ParagraphBlock("No target assignment was given (plan for the current owners), so no accounts change hands.")]);
        }

        if (plan.Transitions.Count == 0)
        {
            return new DocSection("transitions", "Accounts changing hands", 2,
                [new ParagraphBlock($"Under the {plan.Basis}, {plan.Rep.Name} keeps exactly the current book: no accounts change hands.")]);
        }

        var incoming = plan.Transitions.Where(t => t.Direction == TransitionDirection.Incoming).ToArray();
        var outgoing = plan.Transitions.Where(t => t.Direction == TransitionDirection.Outgoing).ToArray();
        var blocks = new List<DocBlock>
        {
            new ParagraphBlock($"Under the {plan.Basis}, {Format.Plural(incoming.Length, "account")} ({Format.Money(incoming.Sum(t => t.OpenPipeline), s)} open pipeline) {Format.Verb(incoming.Length, "comes", "come")} to {plan.Rep.Name} "
                + $"and {Format.Plural(outgoing.Length, "account")} ({Format.Money(outgoing.Sum(t => t.OpenPipeline), s)} open pipeline) {Format.Verb(outgoing.Length, "leaves", "leave")}. The transition owner is the current owner, who holds the relationship; for an unassigned account, the receiving rep."),
        };
        string[] headers = ["Account", "Direction", "From", "To", "Open opps", "Pipeline", "Last activity", "Relationship notes", "Transition owner"];
        blocks.Add(new TableBlock(headers, plan.Transitions.Select(t => (IReadOnlyList<string>)
        [
            t.Account.Name, t.Direction == TransitionDirection.Incoming ? "in" : "out",
            RepLabel(t.FromRepId, t.FromName), RepLabel(t.ToRepId, t.ToName),
            Format.Int(t.OpenOpportunities), Format.Money(t.OpenPipeline, s), Format.Date(t.LastActivity),
            string.IsNullOrWhiteSpace(t.RelationshipNotes) ? "–" : t.RelationshipNotes, RepLabel(t.TransitionOwnerId, t.TransitionOwnerName),
        ]).ToArray(), [false, false, false, false, true, true, true, false, false]));
        return new DocSection("transitions", "Accounts changing hands", 2, blocks);
    }

    private static DocSection Sequence(TerritoryPlan plan)
    {
        var blocks = new List<DocBlock>();
        int tier1 = plan.Sequence.Count(x => x.Tier == Tier.Strategic);
        if (plan.Sequence.Count == 0)
        {
            blocks.Add(new ParagraphBlock("There are no Tier 1 (Strategic) or Tier 2 (Enterprise) accounts to sequence."));
        }
        else
        {
            int lastWeek = plan.Sequence[^1].Week;
            blocks.Add(new ParagraphBlock($"{Format.Plural(plan.Sequence.Count, "first touch", "first touches")} over weeks 1–{lastWeek}, at most {plan.SequencePerWeek} a week: "
                + $"the {Format.Int(tier1)} Tier 1 (Strategic) accounts first, by potential, then {Format.Int(plan.Sequence.Count - tier1)} Tier 2 (Enterprise) accounts by buying intent."));
            blocks.Add(new TableBlock(["Week", "Account", "Tier", "Intent", "First touch"],
                plan.Sequence.Select(x => (IReadOnlyList<string>)[Format.Int(x.Week), x.Name, x.Tier.ToString(), x.Intent is { } i ? Format.Number(i) : "–", x.Action]).ToArray(),
                [true, false, false, true, false]));
        }

        if (plan.SequenceOverflow > 0)
        {
            blocks.Add(new ParagraphBlock($"{Format.Plural(plan.SequenceOverflow, "Tier 1–2 account")} {Format.Verb(plan.SequenceOverflow, "does", "do")} not fit in the first quarter at this pace and move to Q2."));
        }

        int rest = plan.Tiers.Where(t => t.Tier is Tier.Commercial or Tier.SMB).Sum(t => t.Accounts);
        if (rest > 0)
        {
            blocks.Add(new ParagraphBlock($"The {Format.Plural(rest, "Commercial and SMB account")} {Format.Verb(rest, "runs", "run")} on campaign and digital sequences from week 1, outside this list."));
        }

        return new DocSection("sequence", "Q1 coverage sequence", 2, blocks);
    }

    private static IEnumerable<DocSection> BusinessPlan(TerritoryPlan plan)
    {
        string s = plan.CurrencySymbol;
        var bp = plan.BusinessPlan;
        yield return new DocSection("business-plan", "Business plan", 2, []);
        yield return new DocSection("analysis", "Territory analysis", 3, [new ListBlock(bp.Analysis)]);
        yield return new DocSection("top-accounts", $"Top {bp.TopAccounts.Count} accounts", 3, bp.TopAccounts.Count == 0
            ? [new ParagraphBlock("The territory has no accounts.")]
            : [new TableBlock(["#", "Account", "Industry", "Potential", "Why"],
                bp.TopAccounts.Select(a => (IReadOnlyList<string>)[Format.Int(a.Rank), a.Account.Account.Name, a.Account.Account.Industry, Format.Money(a.Account.Score.PotentialArr, s), string.Join("; ", a.Reasons)]).ToArray(),
                [true, false, false, true, false])]);
        yield return new DocSection("coverage", "Coverage strategy by tier", 3, [new ListBlock(bp.CoverageStrategy)]);

        var quotaBlocks = new List<DocBlock>();
        if (bp.Quota is { } q)
        {
            quotaBlocks.Add(new TableBlock(["Source", "Open pipeline", "Expected from pipeline", "Still to win", "Quota share", "Pipeline to create"],
            [
                ["Existing customers (expansion)", Format.Money(q.ExpansionPipeline, s), Format.Money(q.ExpectedExpansionPipeline, s), Format.Money(q.ExpansionGap, s), Format.Money(q.Expansion, s), Format.Money(q.ExpansionPipelineToCreate, s)],
                ["New logos", Format.Money(q.NewLogoPipeline, s), Format.Money(q.ExpectedNewLogoPipeline, s), Format.Money(q.NewLogoGap, s), Format.Money(q.NewLogo, s), Format.Money(q.NewLogoPipelineToCreate, s)],
                ["Total", Format.Money(q.ExpansionPipeline + q.NewLogoPipeline, s), Format.Money(q.ExpectedExpansionPipeline + q.ExpectedNewLogoPipeline, s), Format.Money(q.Gap, s), Format.Money(q.Quota, s), Format.Money(q.PipelineToCreate, s)],
            ], [false, true, true, true, true, true]));
        }

        quotaBlocks.Add(new ListBlock(bp.QuotaNarrative));
        yield return new DocSection("quota", "Quota decomposition", 3, quotaBlocks);

        yield return new DocSection("milestones", "Quarterly milestones", 3, bp.Milestones.Count == 0
            ? [new ParagraphBlock("Without a quota there are no bookings milestones.")]
            : [new TableBlock(["Quarter", "Weeks", "Bookings", "Cumulative", "From open pipeline", "Pipeline to create", "Focus"],
                bp.Milestones.Select(m => (IReadOnlyList<string>)[$"Q{m.Quarter}", m.Weeks, Format.Money(m.Bookings, s), Format.Money(m.Cumulative, s), Format.Money(m.ExpectedFromPipeline, s), Format.Money(m.PipelineToCreate, s), m.Focus]).ToArray(),
                [false, false, true, true, true, true, false])]);

        yield return new DocSection("resources", "Resource needs", 3,
            [new TableBlock(["Resource", "Need"], bp.Resources.Select(r => (IReadOnlyList<string>)[r.Resource, r.Need]).ToArray(), [false, false])]);

        var riskBlocks = new List<DocBlock>();
        if (bp.Risks.Count == 0)
        {
            riskBlocks.Add(new ParagraphBlock("No risk check fired: the territory is not concentrated, the pipeline covers the quota, the rep is not ramping, and no large industry has a weak win rate."));
        }
        else
        {
            riskBlocks.Add(new TableBlock(["Risk", "Evidence", "Mitigation"], bp.Risks.Select(r => (IReadOnlyList<string>)[r.Title, r.Evidence, r.Mitigation]).ToArray(), [false, false, false]));
            if (bp.RisksFound < 3)
            {
                riskBlocks.Add(new ParagraphBlock($"Only {Format.Plural(bp.RisksFound, "risk check")} fired; the others are within their thresholds."));
            }
        }

        yield return new DocSection("risks", $"Top {Math.Max(1, bp.Risks.Count)} risks", 3, riskBlocks);
    }

    private static string StatusLabel(AccountStatus status) => status switch
    {
        AccountStatus.ActiveCustomer => "Customer",
        AccountStatus.ActiveProspect => "Active prospect",
        AccountStatus.ColdProspect => "Cold prospect",
        _ => "Unknown",
    };

    private static string RepLabel(string? id, string? name) => id is null ? "unassigned" : name is null ? id : $"{name} ({id})";
}
