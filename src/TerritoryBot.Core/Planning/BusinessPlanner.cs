using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Planning;

/// <summary>The business-plan half of a territory plan: analysis, top accounts, quota, milestones, resources, risks.</summary>
internal static class BusinessPlanner
{
    // territoryOpps: open opportunities on the territory's accounts, whoever owns the deal.
    public static BusinessPlan Build(TerritoryPlan plan, PlanInput input, IReadOnlyList<Opportunity> territoryOpps, double? teamAverageWonDeal, PlanOptions options)
    {
        string s = plan.CurrencySymbol;
        var t = plan.Totals;
        var rep = plan.Rep;
        var fit = plan.Fit;
        double winRate = fit?.Overall.Smoothed ?? input.Fit.Team.Smoothed;
        var byId = plan.Portfolio.ToDictionary(p => p.Account.AccountId, StringComparer.Ordinal);

        var analysis = new List<string>
        {
            $"Total potential is {Format.Money(t.Potential, s)} across {Format.Plural(t.Accounts, "account")}; current ARR is {Format.Money(t.CurrentArr, s)}, a penetration of {Format.Percent(t.Penetration)}.",
            $"Uncaptured potential: {Format.Money(t.ExpansionHeadroom, s)} of expansion headroom in {Format.Plural(t.Customers, "customer")} and {Format.Money(t.NewLogoPotential, s)} in {Format.Plural(t.Accounts - t.Customers, "non-customer")} ({Format.Int(t.Whitespace)} of them whitespace: high fit, no relationship).",
            $"Against the team: {Format.Money(plan.Band.This, s)} of potential, where territories range from {Format.Money(plan.Band.Min, s)} to {Format.Money(plan.Band.Max, s)} (median {Format.Money(plan.Band.Median, s)}).",
        };
        if (fit is not null)
        {
            analysis.Add($"Win rate {Format.Percent(fit.Overall.Smoothed)} after smoothing ({fit.Overall.Wins} won of {Format.Plural(fit.Overall.Deals, "closed deal")}; team {Format.Percent(input.Fit.Team.Smoothed)} over {Format.Int(input.Fit.Team.Deals)})"
                + (fit.Ramping ? $"; {rep.Name} is still ramping." : "."));
        }

        double? coverage = rep.Quota is > 0 ? t.OpenPipeline / rep.Quota.Value : null;
        analysis.Add(coverage is { } cov
            ? $"Open pipeline of {Format.Money(t.OpenPipeline, s)} in {Format.Plural(t.OpenOpportunities, "opportunity", "opportunities")} covers {Format.Multiple(cov)} the {Format.Money(rep.Quota!.Value, s)} yearly quota."
            : $"Open pipeline is {Format.Money(t.OpenPipeline, s)} in {Format.Plural(t.OpenOpportunities, "opportunity", "opportunities")}; {rep.Name} has no quota on record.");

        var quota = Quota(plan, input, territoryOpps, byId, winRate, teamAverageWonDeal);
        return new BusinessPlan
        {
            Analysis = analysis,
            TopAccounts = TopAccounts(plan, options),
            CoverageStrategy = CoverageStrategy(plan),
            Quota = quota,
            QuotaNarrative = QuotaNarrative(quota, rep, s),
            Milestones = quota is null ? [] : Milestones(plan, quota, territoryOpps, byId, input, options),
            Resources = Resources(plan, input, territoryOpps, options),
            Risks = Risks(plan, input, quota, coverage, options, out int found),
            RisksFound = found,
        };
    }

    private static double RateFor(TerritoryPlan plan, Account account, double fallback) =>
        plan.Fit is { } f && f.ByIndustry.TryGetValue(account.Industry, out var r) ? r.Smoothed : fallback;

    private static TopAccount[] TopAccounts(TerritoryPlan plan, PlanOptions options)
    {
        string s = plan.CurrencySymbol;
        var potentialRank = plan.Portfolio.OrderByDescending(p => p.Score.PotentialArr).ThenBy(p => p.Account.AccountId, StringComparer.Ordinal)
            .Select((p, i) => (p.Account.AccountId, Rank: i + 1)).ToDictionary(x => x.AccountId, x => x.Rank, StringComparer.Ordinal);
        return plan.Portfolio
            .OrderByDescending(p => p.Score.OpportunityScore).ThenByDescending(p => p.Score.PotentialArr).ThenBy(p => p.Account.AccountId, StringComparer.Ordinal)
            .Take(options.TopAccounts)
            .Select((p, i) =>
            {
                var reasons = new List<string>
                {
                    $"opportunity score {Format.Number(p.Score.OpportunityScore)}",
                    $"#{potentialRank[p.Account.AccountId]} by potential ({Format.Money(p.Score.PotentialArr, s)}, {p.Score.Tier})",
                    $"ICP fit {p.Score.IcpFit}/5",
                };
                if (p.Account.IsCustomer)
                {
                    reasons.Add($"customer at {Format.Money(p.Account.CurrentArr, s)} ARR with {Format.Money(p.Headroom, s)} headroom");
                }

                if (p.OpenOpportunities > 0)
                {
                    reasons.Add($"{Format.Plural(p.OpenOpportunities, "open opportunity", "open opportunities")} worth {Format.Money(p.OpenPipeline, s)}");
                }

                if (p.Account.IntentScore is >= 70)
                {
                    reasons.Add($"high buying intent ({Format.Number(p.Account.IntentScore.Value)})");
                }

                if (p.Account.GrowthRate is >= 0.2)
                {
                    reasons.Add($"growing {Format.Percent(p.Account.GrowthRate.Value)} a year");
                }

                if (p.Score.Whitespace)
                {
                    reasons.Add("whitespace: no relationship yet");
                }

                if (p.Incoming)
                {
                    reasons.Add("new to this territory");
                }

                return new TopAccount(p, i + 1, reasons);
            }).ToArray();
    }

    private static string[] CoverageStrategy(TerritoryPlan plan)
    {
        string s = plan.CurrencySymbol;
        var lines = plan.Tiers.Where(t => t.Accounts > 0).Select(t =>
            $"{t.Tier}: {Format.Plural(t.Accounts, "account")} with {Format.Money(t.Potential, s)} ({Format.Percent(t.PotentialShare)} of potential) — {t.Cadence}; "
            + $"{Format.Plural(t.TouchesPerAccount, "touch", "touches")} per account per quarter, {Format.Int(t.TouchesPerQuarter)} in all.").ToList();
        long touches = plan.Tiers.Sum(t => t.TouchesPerQuarter);
        lines.Add($"In all {Format.Int(touches)} planned touches a quarter, about {Format.Number(touches / 13.0)} a week.");
        if (plan.Rep.Capacity is { } capacity)
        {
            lines.Add(plan.Totals.Accounts > capacity
                ? $"{Format.Plural(plan.Totals.Accounts, "account")} {Format.Verb(plan.Totals.Accounts, "exceeds", "exceed")} the capacity of {Format.Int(capacity)} by {Format.Int(plan.Totals.Accounts - capacity)}: the lowest tiers go to digital or pooled coverage first."
                : $"{Format.Plural(plan.Totals.Accounts, "account")} against a capacity of {Format.Int(capacity)}: {Format.Int(capacity - plan.Totals.Accounts)} slots free for new whitespace.");
        }

        return lines.ToArray();
    }

    private static QuotaDecomposition? Quota(TerritoryPlan plan, PlanInput input, IReadOnlyList<Opportunity> territoryOpps,
        Dictionary<string, PortfolioAccount> byId, double winRate, double? teamAverageWonDeal)
    {
        double quota;
        string source;
        if (plan.Rep.Quota is > 0)
        {
            quota = plan.Rep.Quota.Value;
            source = "the rep's quota";
        }
        else
        {
            var quotas = input.Data.TerritoryReps.Where(r => r.Quota is > 0).Select(r => r.Quota!.Value).ToArray();
            if (quotas.Length == 0)
            {
                return null;
            }

            quota = Distribution.Percentile(quotas, 0.5);
            source = "the team median quota (no quota on record for this rep)";
        }

        double expPipe = 0, newPipe = 0, expExpected = 0, newExpected = 0;
        foreach (var o in territoryOpps)
        {
            var p = byId[o.AccountId];
            double amount = Math.Max(0, o.Amount);
            double expected = amount * RateFor(plan, p.Account, winRate);
            if (p.Account.IsCustomer)
            {
                expPipe += amount;
                expExpected += expected;
            }
            else
            {
                newPipe += amount;
                newExpected += expected;
            }
        }

        double expectedPipeline = expExpected + newExpected;
        double expansion, gap, expansionGap;
        // Uncovered potential: what the open pipeline does not already address.
        double headroomLeft = Math.Max(0, plan.Totals.ExpansionHeadroom - expPipe);
        double newLeft = Math.Max(0, plan.Totals.NewLogoPotential - newPipe);
        if (expectedPipeline >= quota)
        {
            // The pipeline alone is expected to cover the quota: split the quota as the pipeline splits.
            gap = 0;
            expansionGap = 0;
            expansion = quota * expExpected / expectedPipeline;
        }
        else
        {
            gap = quota - expectedPipeline;
            double share = headroomLeft + newLeft > 0 ? headroomLeft / (headroomLeft + newLeft)
                : expectedPipeline > 0 ? expExpected / expectedPipeline
                : 0;
            // Existing customers cannot expand past their headroom; beyond it the quota needs new logos
            // (including accounts added to the territory), so new logos take whatever is left.
            expansionGap = headroomLeft + newLeft > 0 && gap > headroomLeft + newLeft ? headroomLeft : gap * share;
            expansion = expExpected + expansionGap;
        }

        double newLogo = quota - expansion;
        double newLogoGap = gap - expansionGap;
        (double deal, string dealSource) = plan.Fit?.AverageWonDeal is > 0
            ? (plan.Fit.AverageWonDeal!.Value, "the rep's average won deal")
            : teamAverageWonDeal is > 0 ? (teamAverageWonDeal.Value, "the team's average won deal")
            : (input.Data.Icp.AverageAcv, "the ICP average ACV");
        double rate = Math.Max(winRate, 1e-6);
        return new QuotaDecomposition
        {
            Quota = quota,
            QuotaSource = source,
            WinRate = winRate,
            ExpansionPipeline = expPipe,
            NewLogoPipeline = newPipe,
            ExpectedExpansionPipeline = expExpected,
            ExpectedNewLogoPipeline = newExpected,
            ExpansionHeadroom = plan.Totals.ExpansionHeadroom,
            NewLogoPotential = plan.Totals.NewLogoPotential,
            Gap = gap,
            ExpansionGap = expansionGap,
            NewLogoGap = newLogoGap,
            Expansion = expansion,
            NewLogo = newLogo,
            ExpansionPipelineToCreate = expansionGap / rate,
            NewLogoPipelineToCreate = newLogoGap / rate,
            AverageDeal = deal,
            AverageDealSource = dealSource,
        };
    }

    private static string[] QuotaNarrative(QuotaDecomposition? q, Rep rep, string s)
    {
        if (q is null)
        {
            return [$"No quota is recorded for {rep.Name} or anyone on the team, so there is nothing to decompose."];
        }

        double total = q.Quota;
        var lines = new List<string>
        {
            $"Quota {Format.Money(total, s)} ({q.QuotaSource}): {Format.Money(q.Expansion, s)} ({Format.Percent(q.Expansion / total)}) from existing customers and {Format.Money(q.NewLogo, s)} ({Format.Percent(q.NewLogo / total)}) from new logos.",
            $"Open pipeline is expected to close {Format.Money(q.ExpectedExpansionPipeline + q.ExpectedNewLogoPipeline, s)}: {Format.Money(q.ExpectedExpansionPipeline, s)} of {Format.Money(q.ExpansionPipeline, s)} on customers and {Format.Money(q.ExpectedNewLogoPipeline, s)} of {Format.Money(q.NewLogoPipeline, s)} on prospects, at the rep's smoothed win rate per industry.",
        };
        if (q.Gap <= 0)
        {
            lines.Add("That covers the whole quota, so the split follows the pipeline; protect it rather than create more.");
        }
        else
        {
            double deals = q.AverageDeal > 0 ? q.PipelineToCreate / q.AverageDeal : 0;
            double uncovered = Math.Max(0, q.ExpansionHeadroom - q.ExpansionPipeline) + Math.Max(0, q.NewLogoPotential - q.NewLogoPipeline);
            lines.Add(uncovered > 0 && q.Gap > uncovered
                ? $"The remaining {Format.Money(q.Gap, s)} is more than the potential the open pipeline leaves ({Format.Money(uncovered, s)}): existing customers are planned at their full remaining headroom ({Format.Money(q.ExpansionGap, s)}) and new logos take the other {Format.Money(q.NewLogoGap, s)}."
                : $"The remaining {Format.Money(q.Gap, s)} is split in proportion to the potential the open pipeline leaves (expansion headroom {Format.Money(q.ExpansionHeadroom, s)}, new-logo potential {Format.Money(q.NewLogoPotential, s)}): "
                  + $"{Format.Money(q.ExpansionGap, s)} expansion and {Format.Money(q.NewLogoGap, s)} new logos.");
            lines.Add($"At a {Format.Percent(q.WinRate)} win rate that needs {Format.Money(q.PipelineToCreate, s)} of new pipeline ({Format.Money(q.ExpansionPipelineToCreate, s)} expansion, {Format.Money(q.NewLogoPipelineToCreate, s)} new logo), "
                + $"about {Format.Number(Math.Ceiling(deals))} opportunities at {Format.Money(q.AverageDeal, s)} ({q.AverageDealSource}).");
            if (uncovered > 0)
            {
                lines.Add(q.Gap > uncovered
                    ? $"The gap is {Format.Percent(q.Gap / uncovered)} of that potential: more than the territory holds, so the plan needs accounts added to the territory or a lower quota."
                    : $"The gap is {Format.Percent(q.Gap / uncovered)} of the potential the open pipeline does not yet address.");
            }
        }

        return lines.ToArray();
    }

    private static Milestone[] Milestones(TerritoryPlan plan, QuotaDecomposition q, IReadOnlyList<Opportunity> territoryOpps,
        Dictionary<string, PortfolioAccount> byId, PlanInput input, PlanOptions options)
    {
        string s = plan.CurrencySymbol;
        var expectedByQuarter = new double[4];
        foreach (var o in territoryOpps)
        {
            var p = byId[o.AccountId];
            // Quarters run 13 weeks from the as-of date; slipped or undated deals count in Q1.
            int quarter = o.CloseDate is { } close ? Math.Clamp((close.DayNumber - input.AsOf.DayNumber) / 91, 0, 3) : 0;
            expectedByQuarter[quarter] += Math.Max(0, o.Amount) * RateFor(plan, p.Account, q.WinRate);
        }

        double expectedTotal = expectedByQuarter.Sum();
        double scale = expectedTotal > q.Quota ? q.Quota / expectedTotal : 1;
        var phasing = plan.Rep.Ramping ? options.RampingQuarterPhasing : options.QuarterPhasing;
        double rate = Math.Max(q.WinRate, 1e-6);
        int tier1 = plan.Sequence.Count(x => x.Tier == Tier.Strategic), tier2 = plan.Sequence.Count - tier1;
        int handovers = plan.Transitions.Count(x => x.Direction == TransitionDirection.Incoming);
        var commercial = plan.Tiers.Where(x => x.Tier is Tier.Commercial or Tier.SMB).Sum(x => x.Accounts);
        var topCustomers = plan.Portfolio.Where(p => p.Account.IsCustomer).OrderByDescending(p => p.Headroom)
            .ThenBy(p => p.Account.AccountId, StringComparer.Ordinal).Take(3).Select(p => p.Account.Name).ToArray();

        var result = new Milestone[4];
        double cumulative = 0;
        for (int i = 0; i < 4; i++)
        {
            double expected = expectedByQuarter[i] * scale;
            double bookings = expected + q.Gap * phasing[i];
            cumulative += bookings;
            if (i == 3)
            {
                cumulative = q.Quota; // absorb floating-point dust so the year sums to the quota exactly
            }

            string focus = i switch
            {
                0 => $"Run the coverage sequence: {Format.Plural(tier1, "Tier 1 first touch", "Tier 1 first touches")} and {Format.Plural(tier2, "Tier 2 first touch", "Tier 2 first touches")}"
                     + (handovers > 0 ? $", {Format.Plural(handovers, "hand-over meeting")}" : "") + ".",
                1 => commercial > 0
                    ? $"Follow up Tier 2 by intent; start campaigns to the {Format.Plural(commercial, "Commercial and SMB account")}."
                    : "Follow up Tier 2 by intent and qualify the new pipeline.",
                2 => topCustomers.Length > 0
                    ? $"Expansion reviews with the customers with the most headroom: {Format.List(topCustomers)}."
                    : "Convert first-quarter discovery into proposals; there are no customers to expand yet.",
                _ => $"Close the year: {Format.Money(q.Quota, s)} cumulative; renewals and expansion of {Format.Plural(plan.Totals.Customers, "customer")}.",
            };
            result[i] = new Milestone(i + 1, $"weeks {i * 13 + 1}–{(i + 1) * 13}", bookings, cumulative, expected, q.Gap * phasing[i] / rate, focus);
        }

        return result;
    }

    private static ResourceNeed[] Resources(TerritoryPlan plan, PlanInput input, IReadOnlyList<Opportunity> territoryOpps, PlanOptions options)
    {
        string s = plan.CurrencySymbol;
        var needs = new List<ResourceNeed>();
        double threshold = input.Data.Icp.AverageAcv * options.SeDealAcvMultiple;
        var big = territoryOpps.Where(o => o.Amount >= threshold).ToArray();
        int strategicCold = plan.Portfolio.Count(p => p.Score.Tier == Tier.Strategic && !p.Account.IsCustomer);
        needs.Add(new ResourceNeed("Solutions engineer", big.Length > 0
            ? $"{Format.Plural(big.Length, "open opportunity", "open opportunities")} of at least {Format.Money(threshold, s)} ({Format.Money(big.Sum(o => o.Amount), s)} in all) {Format.Verb(big.Length, "needs", "need")} technical validation"
              + (strategicCold > 0 ? $", plus discovery on {Format.Plural(strategicCold, "Strategic prospect")}." : ".")
            : strategicCold > 0
                ? $"No open deal reaches {Format.Money(threshold, s)}; book SE time for discovery on {Format.Plural(strategicCold, "Strategic prospect")}."
                : $"No open deal reaches {Format.Money(threshold, s)} and there is no Strategic prospect: request SE time per deal."));

        var strategic = plan.Portfolio.Where(p => p.Score.Tier == Tier.Strategic).ToArray();
        needs.Add(new ResourceNeed("Executive sponsor", strategic.Length > 0
            ? $"One sponsor for the {Format.Plural(strategic.Length, "Strategic account")} ({Format.List(strategic.Take(3).Select(p => p.Account.Name).ToArray())}{(strategic.Length > 3 ? " and others" : "")}), which {Format.Verb(strategic.Length, "holds", "hold")} {Format.Percent(plan.Tiers[0].PotentialShare)} of potential."
            : "No Strategic account: no standing sponsor; escalate per deal."));

        var partners = input.Data.Icp.TechAffinity.Where(kv => kv.Value >= 0.5)
            .Select(kv =>
            {
                var users = plan.Portfolio.Where(p => p.Account.TechStack.Contains(kv.Key, StringComparer.OrdinalIgnoreCase)).ToArray();
                return (Tech: kv.Key, Accounts: users.Length, Potential: users.Sum(p => p.Score.PotentialArr));
            })
            .Where(x => x.Accounts > 0)
            .OrderByDescending(x => x.Potential).ThenBy(x => x.Tech, StringComparer.Ordinal).Take(2).ToArray();
        needs.Add(new ResourceNeed("Partners", partners.Length > 0
            ? "Co-sell with " + Format.List(partners.Select(x => $"{x.Tech} ({Format.Plural(x.Accounts, "account")} running it, {Format.Money(x.Potential, s)} potential)").ToArray()) + "."
            : "None of the ICP partner technologies appears in the territory's tech stacks: no partner motion planned."));

        if (plan.Rep.Capacity is { } capacity && plan.Totals.Accounts > capacity)
        {
            int excess = plan.Totals.Accounts - capacity;
            needs.Add(new ResourceNeed("Coverage support", $"{Format.Plural(excess, "account")} beyond the capacity of {Format.Int(capacity)}: route the lowest-tier accounts to an SDR or pooled team."));
        }

        if (plan.Rep.Ramping)
        {
            needs.Add(new ResourceNeed("Ramp support", $"A mentor and manager ride-alongs on the {Format.Plural(plan.Sequence.Count(x => x.Tier == Tier.Strategic), "Tier 1 first touch", "Tier 1 first touches")} in the first weeks."));
        }

        return needs.ToArray();
    }

    private static Risk[] Risks(TerritoryPlan plan, PlanInput input, QuotaDecomposition? q, double? coverage, PlanOptions options, out int found)
    {
        string s = plan.CurrencySymbol;
        var t = plan.Totals;
        var risks = new List<Risk>();
        if (t.Potential > 0 && t.Accounts >= 1)
        {
            var top = plan.Portfolio.OrderByDescending(p => p.Score.PotentialArr).ThenBy(p => p.Account.AccountId, StringComparer.Ordinal).Take(3).ToArray();
            double share = top.Sum(p => p.Score.PotentialArr) / t.Potential;
            if (share >= 0.4 && t.Accounts > 3)
            {
                risks.Add(new Risk("Concentration", share,
                    $"The top 3 accounts ({Format.List(top.Select(p => p.Account.Name).ToArray())}) hold {Format.Percent(share)} of potential.",
                    $"Multi-thread each of them (sponsor plus three contacts) and build pipeline outside them: the other {Format.Plural(t.Accounts - 3, "account")} hold {Format.Money(t.Potential * (1 - share), s)}."));
            }
        }

        if (coverage is { } cov && cov < options.ThinPipelineCoverage)
        {
            double needed = plan.Rep.Quota!.Value * options.ThinPipelineCoverage - t.OpenPipeline;
            risks.Add(new Risk("Thin pipeline", 1 - cov / Math.Max(options.ThinPipelineCoverage, 1e-9),
                $"Open pipeline {Format.Money(t.OpenPipeline, s)} covers {Format.Multiple(cov)} the quota (threshold {Format.Multiple(options.ThinPipelineCoverage)}).",
                $"Create {Format.Money(needed, s)} of pipeline in Q1 from the highest-intent Tier 2 accounts of the coverage sequence."));
        }

        if (plan.Rep.Ramping)
        {
            var phasing = options.RampingQuarterPhasing;
            risks.Add(new Risk("Ramping rep", 0.6,
                $"{plan.Rep.Name} is still ramping{(plan.Fit is { } f ? $" with {Format.Plural(f.Overall.Deals, "closed deal")} on record" : "")}.",
                $"Back-load the quota ({Format.Percent(phasing[0])} in Q1, {Format.Percent(phasing[3])} in Q4) and pair with a mentor on Tier 1 accounts."));
        }

        if (plan.Fit is { } fit)
        {
            var weak = plan.Industries
                .Select(i => (Industry: i, Rep: fit.ByIndustry.TryGetValue(i.Label, out var r) ? r : (WinRate?)null,
                              Team: input.Fit.TeamByIndustry.TryGetValue(i.Label, out var tr) ? tr : (WinRate?)null))
                .Where(x => x.Rep is not null && x.Team is not null && x.Industry.Fraction >= 0.15
                            && x.Team.Value.Smoothed - x.Rep.Value.Smoothed >= 0.05)
                .Select(x => (x.Industry, Rep: x.Rep!.Value, Team: x.Team!.Value,
                              Severity: x.Industry.Fraction * (x.Team!.Value.Smoothed - x.Rep!.Value.Smoothed) / Math.Max(x.Team!.Value.Smoothed, 1e-9)))
                .OrderByDescending(x => x.Severity).ThenBy(x => x.Industry.Label, StringComparer.Ordinal)
                .FirstOrDefault();
            if (weak.Industry is not null)
            {
                var best = input.Fit.BestFit.FirstOrDefault(b => string.Equals(b.Industry, weak.Industry.Label, StringComparison.OrdinalIgnoreCase));
                string? bestName = best?.BestRepId is { } id && id != plan.Rep.RepId ? input.Fit.Find(id)?.Name : null;
                risks.Add(new Risk($"Low win rate in {weak.Industry.Label}", Math.Min(1, weak.Severity),
                    $"{weak.Industry.Label} holds {Format.Percent(weak.Industry.Fraction)} of potential, but the smoothed win rate there is {Format.Percent(weak.Rep.Smoothed)} "
                    + $"({weak.Rep.Wins} of {weak.Rep.Deals}) against the team's {Format.Percent(weak.Team.Smoothed)}.",
                    bestName is not null
                        ? $"Deal reviews with {bestName}, the team's best fit in {weak.Industry.Label}, and {weak.Industry.Label} references on the first deals."
                        : $"Deal reviews and {weak.Industry.Label} references from the team on the first deals."));
            }
        }

        var incoming = plan.Transitions.Where(x => x.Direction == TransitionDirection.Incoming && x.OpenPipeline > 0).ToArray();
        if (incoming.Length > 0)
        {
            double moved = incoming.Sum(x => x.OpenPipeline);
            double basis = q?.Quota ?? Math.Max(t.OpenPipeline, moved);
            risks.Add(new Risk("Pipeline in transition", Math.Min(1, moved / Math.Max(basis, 1e-9)),
                $"{Format.Plural(incoming.Length, "incoming account")} {Format.Verb(incoming.Length, "carries", "carry")} {Format.Money(moved, s)} of open pipeline.",
                "Joint calls with the outgoing owner before week 3 and no change of contact until each deal closes."));
        }

        if (plan.Rep.Capacity is { } capacity && capacity > 0 && t.Accounts > capacity)
        {
            risks.Add(new Risk("Over capacity", Math.Min(1, (double)(t.Accounts - capacity) / capacity),
                $"{Format.Plural(t.Accounts, "account")} against a capacity of {Format.Int(capacity)}.",
                "Move the lowest-tier accounts to digital coverage and keep named coverage for Tier 1 and 2."));
        }

        var customers = plan.Portfolio.Where(p => p.Account.IsCustomer).ToArray();
        double customerArr = customers.Sum(p => p.Account.CurrentArr);
        if (customerArr > 0)
        {
            var cutoff = plan.AsOf.AddDays(-options.StaleActivityDays);
            var stale = customers.Where(p => p.LastActivity is null || p.LastActivity < cutoff).ToArray();
            double share = stale.Sum(p => p.Account.CurrentArr) / customerArr;
            if (share >= 0.2)
            {
                risks.Add(new Risk("Quiet customers", share,
                    $"{Format.Plural(stale.Length, "customer")} with {Format.Money(stale.Sum(p => p.Account.CurrentArr), s)} ARR ({Format.Percent(share)}) {Format.Verb(stale.Length, "has", "have")} had no activity for {options.StaleActivityDays} days.",
                    "Book a health check with each in the first month, starting with the largest ARR."));
            }
        }

        if (q is not null && q.NewLogo / q.Quota >= 0.7)
        {
            risks.Add(new Risk("New-logo dependence", q.NewLogo / q.Quota - 0.5,
                $"{Format.Percent(q.NewLogo / q.Quota)} of the quota has to come from new logos (penetration {Format.Percent(t.Penetration)}).",
                $"Start prospecting in week 1 and keep {Format.Money(q.NewLogoPipelineToCreate / 4, s)} of new-logo pipeline creation per quarter."));
        }

        if (q is not null && q.Gap > 0)
        {
            double uncovered = Math.Max(0, q.ExpansionHeadroom - q.ExpansionPipeline) + Math.Max(0, q.NewLogoPotential - q.NewLogoPipeline);
            double need = uncovered > 0 ? q.Gap / uncovered : double.PositiveInfinity;
            if (need >= 0.5)
            {
                risks.Add(new Risk("Quota against potential", Math.Min(1, need / 1.5),
                    uncovered > 0
                        ? $"Beyond the open pipeline, the quota needs {Format.Money(q.Gap, s)}: {Format.Percent(need)} of the {Format.Money(uncovered, s)} of potential the pipeline does not address."
                        : $"Beyond the open pipeline, the quota needs {Format.Money(q.Gap, s)}, and no unaddressed potential is left in the territory.",
                    "Review the quota against the territory with the manager before it is announced, or add whitespace accounts to the territory."));
            }
        }

        found = risks.Count;
        return risks.OrderByDescending(r => r.Severity).ThenBy(r => r.Title, StringComparer.Ordinal).Take(3).ToArray();
    }
}
