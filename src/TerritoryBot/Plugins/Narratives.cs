using TerritoryBot.Conversation;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

// The prose of plugin views that a language model may rewrite (issue 8), each sentence with the engine facts it was
// built from. Facts are taken only from what the view already holds, so a rewrite can say nothing the caller may not
// see. Explicit interface members: views serialise (tool results, --json) and render exactly as before; without a
// model nothing here is read.

internal sealed partial record TerritoryDocView : INarratedView
{
    IReadOnlyList<Narrative> INarratedView.Narratives =>
        [.. Hypothesis.Select(s => new Narrative(NarrativeKind.PlanHypothesis, s, NarrativeFacts.Territory(RepId, RepName, Totals)))];

    IViewModel INarratedView.WithNarratives(IReadOnlyList<string> texts) => this with { Hypothesis = NarrativeFacts.Exactly(texts, Hypothesis.Count) };
}

internal sealed partial record BusinessPlanView : INarratedView
{
    IReadOnlyList<Narrative> INarratedView.Narratives =>
        [.. Analysis.Select(s => new Narrative(NarrativeKind.PlanHypothesis, s, NarrativeFacts.Territory(RepId, RepName, Totals)))];

    IViewModel INarratedView.WithNarratives(IReadOnlyList<string> texts) => this with { Analysis = NarrativeFacts.Exactly(texts, Analysis.Count) };
}

internal sealed partial record WhitespaceView : INarratedView
{
    IReadOnlyList<Narrative> INarratedView.Narratives =>
    [
        .. Report.Top.Select(c => new Narrative(NarrativeKind.Outreach, c.OutreachHypothesis, new Dictionary<string, object?>
        {
            ["accountId"] = c.AccountId,
            ["name"] = c.Name,
            ["industry"] = c.Industry,
            ["region"] = c.Region,
            ["employees"] = c.Employees,
            ["icpFit"] = c.IcpFit,
            ["estimatedArr"] = c.EstimatedArr,
            ["estimatedArrLow"] = c.EstimatedArrLow,
            ["estimatedArrHigh"] = c.EstimatedArrHigh,
            ["fitRationale"] = c.FitRationale,
            ["pains"] = c.Pains,
            ["entryPersona"] = c.EntryPersona,
            ["triggerSignals"] = c.TriggerSignals,
        })),
    ];

    IViewModel INarratedView.WithNarratives(IReadOnlyList<string> texts)
    {
        var outreach = NarrativeFacts.Exactly(texts, Report.Top.Count);
        return this with { Report = Report with { Top = [.. Report.Top.Select((c, i) => c with { OutreachHypothesis = outreach[i] })] } };
    }
}

/// <summary>In order: the disadvantaged rep's concern, each suggested move's rationale, the adjustment plan's explanation.</summary>
internal sealed partial record FairnessView : INarratedView
{
    IReadOnlyList<Narrative> INarratedView.Narratives
    {
        get
        {
            var list = new List<Narrative>();
            if (MostDisadvantaged is { } d)
            {
                list.Add(new Narrative(NarrativeKind.FairnessExplanation, d.Concern, new Dictionary<string, object?>
                {
                    ["subject"] = Subject,
                    ["repId"] = d.RepId,
                    ["repName"] = d.RepName,
                    ["gapPct"] = d.GapPct,
                    ["tolerancePct"] = TolerancePct,
                    ["territory"] = Territories.FirstOrDefault(t => t.RepId == d.RepId),
                }));
            }

            list.AddRange(Moves.Select(m => new Narrative(NarrativeKind.FairnessExplanation, m.Rationale, new Dictionary<string, object?>
            {
                ["accountId"] = m.AccountId,
                ["accountName"] = m.AccountName,
                ["from"] = m.FromName,
                ["to"] = m.ToName,
                ["potentialArr"] = m.Potential,
                ["fromTerritory"] = Territories.FirstOrDefault(t => t.RepId == m.FromRepId),
                ["toTerritory"] = Territories.FirstOrDefault(t => t.RepId == m.ToRepId),
            })));
            if (Plan is { Explanation.Length: > 0 } plan)
            {
                list.Add(new Narrative(NarrativeKind.FairnessExplanation, plan.Explanation, new Dictionary<string, object?>
                {
                    ["subject"] = Subject,
                    ["withinTolerance"] = plan.WithinTolerance,
                    ["maxDeviationBeforePct"] = plan.MaxDeviationBeforePct,
                    ["maxDeviationAfterPct"] = plan.MaxDeviationAfterPct,
                    ["tolerancePct"] = TolerancePct,
                    ["moves"] = Moves.Count,
                }));
            }

            return list;
        }
    }

    IViewModel INarratedView.WithNarratives(IReadOnlyList<string> texts)
    {
        int count = (MostDisadvantaged is null ? 0 : 1) + Moves.Count + (Plan is { Explanation.Length: > 0 } ? 1 : 0);
        var all = NarrativeFacts.Exactly(texts, count);
        int next = 0;
        var disadvantaged = MostDisadvantaged is { } d ? d with { Concern = all[next++] } : null;
        var moves = Moves.Select(m => m with { Rationale = all[next++] }).ToList();
        var plan = Plan is { Explanation.Length: > 0 } p ? p with { Explanation = all[next++] } : Plan;
        return this with { MostDisadvantaged = disadvantaged, Moves = moves, Plan = plan };
    }
}

internal sealed partial record ScenarioComparisonView : INarratedView
{
    IReadOnlyList<Narrative> INarratedView.Narratives =>
        Recommendation.Length == 0
            ? []
            : [new Narrative(NarrativeKind.ScenarioRecommendation, Recommendation, new Dictionary<string, object?>
            {
                ["recommended"] = Recommended,
                ["rebalanceMaxMovedPct"] = MaxMovedPct,
                // A manager's rows are recomputed for their team; the recommendation is about the whole organisation.
                ["scenarios"] = WholeOrganisation ? Rows : null,
            })];

    IViewModel INarratedView.WithNarratives(IReadOnlyList<string> texts) =>
        Recommendation.Length == 0 ? this : this with { Recommendation = NarrativeFacts.Exactly(texts, 1)[0] };
}

internal static class NarrativeFacts
{
    public static Dictionary<string, object?> Territory(string repId, string repName, TerritoryTotals totals) => new()
    {
        ["repId"] = repId,
        ["repName"] = repName,
        ["accounts"] = totals.Accounts,
        ["potentialArr"] = totals.Potential,
        ["currentArr"] = totals.CurrentArr,
        ["penetration"] = totals.Penetration,
        ["customers"] = totals.Customers,
        ["activeProspects"] = totals.ActiveProspects,
        ["coldProspects"] = totals.ColdProspects,
        ["whitespace"] = totals.Whitespace,
        ["openOpportunities"] = totals.OpenOpportunities,
        ["openPipeline"] = totals.OpenPipeline,
        ["expansionHeadroom"] = totals.ExpansionHeadroom,
        ["newLogoPotential"] = totals.NewLogoPotential,
    };

    /// <summary>The texts, which must be one per narrative (the assistant keeps the order and count it was given).</summary>
    public static IReadOnlyList<string> Exactly(IReadOnlyList<string> texts, int count)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Count == count ? [.. texts] : throw new ArgumentException($"expected {count} narrative texts, got {texts.Count}", nameof(texts));
    }
}
