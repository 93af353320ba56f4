using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Fit;

/// <summary>
/// Rep-to-territory fit: win rates by industry and segment from closed opportunities, smoothed toward the
/// team rate (beta-binomial), pipeline coverage against quota, ramping reps, and the affinity the design
/// engine reads.
/// </summary>
public static class FitEngine
{
    private static readonly Tier[] Tiers = Enum.GetValues<Tier>();

    /// <summary>
    /// Builds the fit table. An opportunity's industry is its account's; its segment is the account's
    /// scored tier when <paramref name="scores"/> are given, else the account's current tier (deals on
    /// accounts with neither count only in the overall rates). Deals count for the rep who owned them.
    /// </summary>
    public static FitReport Analyze(DataSet data, IReadOnlyList<AccountScore>? scores = null, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= FitOptions.Default;
        options.Validate();
        double k = options.PriorStrength;

        // Industries: first spelling wins, matched case-insensitively as DATA.md says.
        var industryIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var industryLabels = new List<string>();
        var accountInfo = new Dictionary<string, (int Industry, Tier? Tier)>(data.Accounts.Count, StringComparer.Ordinal);
        var scoredTier = scores?.ToDictionary(s => s.AccountId, s => s.Tier, StringComparer.Ordinal);
        foreach (var account in data.Accounts)
        {
            int index = IndustryOf(account.Industry);
            Tier? tier = scoredTier is not null && scoredTier.TryGetValue(account.AccountId, out var t) ? t : account.CurrentTier;
            accountInfo.TryAdd(account.AccountId, (index, tier));
        }

        int industries = industryLabels.Count;
        int tiers = Tiers.Length;
        var repIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var reps = data.TerritoryReps.ToArray();
        foreach (var rep in reps)
        {
            repIndex.TryAdd(rep.RepId, repIndex.Count);
        }

        // Counters: [rep] overall, [rep, industry], [rep, tier], and the same for the whole team.
        var repWins = new int[reps.Length];
        var repDeals = new int[reps.Length];
        var repIndWins = new int[reps.Length * industries];
        var repIndDeals = new int[reps.Length * industries];
        var repTierWins = new int[reps.Length * tiers];
        var repTierDeals = new int[reps.Length * tiers];
        var repOpen = new int[reps.Length];
        var repPipeline = new double[reps.Length];
        var repWonAmount = new double[reps.Length];
        int teamWins = 0, teamDeals = 0;
        var teamIndWins = new int[industries];
        var teamIndDeals = new int[industries];
        var teamTierWins = new int[tiers];
        var teamTierDeals = new int[tiers];

        foreach (var opp in data.Opportunities)
        {
            int r = repIndex.TryGetValue(opp.OwnerId, out var ri) ? ri : -1;
            if (opp.IsOpen)
            {
                if (r >= 0)
                {
                    repOpen[r]++;
                    repPipeline[r] += Math.Max(0, opp.Amount);
                }

                continue;
            }

            int win = opp.IsWon ? 1 : 0;
            teamWins += win;
            teamDeals++;
            bool known = accountInfo.TryGetValue(opp.AccountId, out var info);
            if (known)
            {
                teamIndWins[info.Industry] += win;
                teamIndDeals[info.Industry]++;
                if (info.Tier is { } tier)
                {
                    teamTierWins[(int)tier] += win;
                    teamTierDeals[(int)tier]++;
                }
            }

            if (r < 0)
            {
                continue;
            }

            repWins[r] += win;
            repDeals[r]++;
            if (win == 1)
            {
                repWonAmount[r] += Math.Max(0, opp.Amount);
            }

            if (known)
            {
                repIndWins[r * industries + info.Industry] += win;
                repIndDeals[r * industries + info.Industry]++;
                if (info.Tier is { } tier)
                {
                    repTierWins[r * tiers + (int)tier] += win;
                    repTierDeals[r * tiers + (int)tier]++;
                }
            }
        }

        // The team rate is the raw rate of every closed deal; team rates by industry and tier shrink
        // toward it, and each rep's rates shrink toward the team rate of the same cell.
        var team = new WinRate(teamWins, teamDeals, teamDeals == 0 ? options.NoDataTeamRate : (double)teamWins / teamDeals);
        var teamByIndustry = new WinRate[industries];
        for (int i = 0; i < industries; i++)
        {
            teamByIndustry[i] = WinRate.Smooth(teamIndWins[i], teamIndDeals[i], team.Smoothed, k);
        }

        var teamByTier = new WinRate[tiers];
        for (int t = 0; t < tiers; t++)
        {
            teamByTier[t] = WinRate.Smooth(teamTierWins[t], teamTierDeals[t], team.Smoothed, k);
        }

        var repFits = new RepFit[reps.Length];
        for (int r = 0; r < reps.Length; r++)
        {
            var rep = reps[r];
            int slot = repIndex[rep.RepId];
            var byIndustry = new Dictionary<string, WinRate>(industries, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < industries; i++)
            {
                byIndustry[industryLabels[i]] = WinRate.Smooth(repIndWins[slot * industries + i], repIndDeals[slot * industries + i], teamByIndustry[i].Smoothed, k);
            }

            var bySegment = new Dictionary<Tier, WinRate>(tiers);
            for (int t = 0; t < tiers; t++)
            {
                bySegment[Tiers[t]] = WinRate.Smooth(repTierWins[slot * tiers + t], repTierDeals[slot * tiers + t], teamByTier[t].Smoothed, k);
            }

            double? quota = rep.Quota;
            double? coverage = quota is > 0 ? repPipeline[slot] / quota.Value : null;
            repFits[r] = new RepFit
            {
                RepId = rep.RepId,
                Name = rep.Name,
                Seniority = rep.Seniority,
                Ramping = rep.Ramping,
                IndustryStrengths = rep.IndustryStrengths,
                Overall = WinRate.Smooth(repWins[slot], repDeals[slot], team.Smoothed, k),
                ByIndustry = byIndustry,
                BySegment = bySegment,
                OpenOpportunities = repOpen[slot],
                OpenPipeline = repPipeline[slot],
                WonAmount = repWonAmount[slot],
                AverageWonDeal = repWins[slot] == 0 ? null : repWonAmount[slot] / repWins[slot],
                Quota = quota,
                PipelineCoverage = coverage,
                ThinPipeline = coverage is { } c && c < options.ThinPipelineCoverage,
            };
        }

        var order = Enumerable.Range(0, industries)
            .OrderBy(i => industryLabels[i], StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => industryLabels[i], StringComparer.Ordinal)
            .ToArray();
        var teamIndustryMap = new Dictionary<string, WinRate>(industries, StringComparer.OrdinalIgnoreCase);
        var bestFit = new List<IndustryFit>(industries);
        foreach (int i in order)
        {
            string label = industryLabels[i];
            teamIndustryMap[label] = teamByIndustry[i];
            bestFit.Add(BestFitFor(label, teamByIndustry[i], repFits));
        }

        var teamTierMap = new Dictionary<Tier, WinRate>(tiers);
        for (int t = 0; t < tiers; t++)
        {
            teamTierMap[Tiers[t]] = teamByTier[t];
        }

        return new FitReport
        {
            PriorStrength = k,
            Team = team,
            Industries = order.Select(i => industryLabels[i]).ToArray(),
            TeamByIndustry = teamIndustryMap,
            TeamBySegment = teamTierMap,
            Reps = repFits,
            BestFit = bestFit,
        };

        int IndustryOf(string label)
        {
            if (!industryIndex.TryGetValue(label, out int index))
            {
                index = industryLabels.Count;
                industryIndex[label] = index;
                industryLabels.Add(label);
            }

            return index;
        }
    }

    /// <summary>
    /// repId → industry → affinity in [0, 1] for the design engine. Affinity =
    /// (1 − w)·s/(s + t) + w·[industry is a declared strength], where s is the rep's smoothed win rate in
    /// the industry, t the team's and w <see cref="FitOptions.StrengthWeight"/>. s/(s + t) is 0.5 for a
    /// rep exactly at the team rate (or with no deals there), above 0.5 for a better record.
    /// Inner dictionaries match industries case-insensitively.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Affinity(FitReport report, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= FitOptions.Default;
        options.Validate();
        double w = options.StrengthWeight;
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>(report.Reps.Count, StringComparer.Ordinal);
        foreach (var rep in report.Reps)
        {
            var strengths = new HashSet<string>(rep.IndustryStrengths, StringComparer.OrdinalIgnoreCase);
            var row = new Dictionary<string, double>(report.Industries.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var industry in report.Industries)
            {
                double s = rep.ByIndustry[industry].Smoothed;
                double t = report.TeamByIndustry[industry].Smoothed;
                double record = s + t == 0 ? 0.5 : s / (s + t);
                double declared = strengths.Contains(industry) ? 1 : 0;
                row[industry] = Math.Clamp((1 - w) * record + w * declared, 0, 1);
            }

            result.TryAdd(rep.RepId, row);
        }

        return result;
    }

    /// <summary>Analyze then <see cref="Affinity(FitReport, FitOptions?)"/> in one call.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Affinity(DataSet data, IReadOnlyList<AccountScore>? scores = null, FitOptions? options = null) =>
        Affinity(Analyze(data, scores, options), options);

    /// <summary>
    /// The best fit and runner-up for an industry among <paramref name="reps"/> (all of them in a report; the app
    /// passes the subset a caller may see): the first two of <see cref="RankIn"/>; nobody when none of them closed a
    /// deal in the industry, as then every rep sits at the team rate.
    /// </summary>
    public static IndustryFit BestFitFor(string industry, WinRate team, IReadOnlyList<RepFit> reps)
    {
        ArgumentNullException.ThrowIfNull(industry);
        ArgumentNullException.ThrowIfNull(reps);
        if (reps.All(r => r.ByIndustry[industry].Deals == 0))
        {
            return new IndustryFit(industry, team, null, null, null, null);
        }

        var ranked = RankIn(industry, reps);
        var best = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : null;
        return new IndustryFit(industry, team, best.RepId, best.ByIndustry[industry].Smoothed, second?.RepId, second?.ByIndustry[industry].Smoothed);
    }

    /// <summary>
    /// <paramref name="reps"/> best first in an industry: higher smoothed win rate, then more deals there, then the lower
    /// rep id (ordinal) — the one tie-break behind <see cref="FitReport.BestFit"/> and every ranking shown to users.
    /// </summary>
    public static IReadOnlyList<RepFit> RankIn(string industry, IReadOnlyList<RepFit> reps)
    {
        ArgumentNullException.ThrowIfNull(industry);
        ArgumentNullException.ThrowIfNull(reps);
        return [.. reps.OrderByDescending(r => r.ByIndustry[industry].Smoothed)
            .ThenByDescending(r => r.ByIndustry[industry].Deals)
            .ThenBy(r => r.RepId, StringComparer.Ordinal)];
    }
}
