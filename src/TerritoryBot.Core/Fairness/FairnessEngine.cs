using System.Text;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Fairness;

/// <summary>
/// Fairness assessment of one assignment of accounts to reps: spread of potential and workload, outliers
/// against the team mean, seniority and quota fit, historical revenue against potential, strength
/// mismatches, the rep most likely to feel short-changed, and the moves that fix it.
/// </summary>
public static class FairnessEngine
{
    /// <summary>Guards the outlier test against summation-order noise, far below any displayed digit.</summary>
    private const double OutlierEpsilonPct = 1e-9;

    /// <summary>
    /// Assesses <paramref name="assignments"/> (null: the accounts' current owners). Accounts missing from
    /// an assignment list are unassigned. Only reps with role rep carry territories.
    /// </summary>
    /// <param name="data">The account universe and team.</param>
    /// <param name="scores">One score per account, e.g. <c>ScoringEngine.Score(data, asOf).Accounts</c>.</param>
    /// <param name="assignments">Account → rep; null for the current owners.</param>
    /// <param name="asOf">Reference date for the closed-won window (365 days up to and including it).</param>
    /// <param name="options">Tolerance, workload model, locks; defaults when null.</param>
    public static FairnessReport Assess(
        DataSet data,
        IReadOnlyList<AccountScore> scores,
        IReadOnlyList<Assignment>? assignments,
        DateOnly asOf,
        FairnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scores);
        options ??= FairnessOptions.Default;
        ArgumentNullException.ThrowIfNull(options.Workload);
        if (!double.IsFinite(options.TolerancePct) || options.TolerancePct < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TolerancePct, "Tolerance must be a finite percentage ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxMoves);
        if (!(options.StrengthMismatchShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StrengthMismatchShare, "StrengthMismatchShare must be in [0, 1].");
        }

        if (!(options.HistoricalRatio >= 1) || !double.IsFinite(options.HistoricalRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HistoricalRatio, "HistoricalRatio must be ≥ 1.");
        }

        var book = Book.Create(data, scores, assignments, asOf);
        if (book.RepCount == 0)
        {
            throw new ArgumentException("There are no reps with role rep, so there are no territories to assess.", nameof(data));
        }

        var sums = Sum(book, options.Workload);
        var territories = Territories(book, sums, options);
        var outliers = territories.Where(t => t.IsOutlier).Select(t => t.RepId).ToArray();
        var summary = Summary(book, sums, territories);
        var seniority = SeniorityFit(book, territories, options.TolerancePct);
        var historical = Historical(book, territories, options.HistoricalRatio);
        var mismatches = Mismatches(book, sums, territories, options.StrengthMismatchShare);
        var disadvantaged = Disadvantaged(book, territories, seniority, options.TolerancePct);
        var plan = options.Targets == Design.TargetMode.Equal ? Adjust(book, options, territories) : NoAdjustment(territories, options);
        return new FairnessReport(options.TolerancePct, territories, outliers, summary, seniority, historical, mismatches, disadvantaged, plan)
        {
            Targets = options.Targets,
        };
    }

    /// <summary>(potential − mean) / mean × 100; 0 when the mean is 0.</summary>
    public static double DeviationPct(double potential, double mean) => mean > 0 ? (potential - mean) * 100 / mean : 0;

    /// <summary>The outlier rule of DATA.md: |deviation from the mean| &gt; tolerance.</summary>
    public static bool IsOutlier(double deviationPct, double tolerancePct) => Math.Abs(deviationPct) > tolerancePct + OutlierEpsilonPct;

    private sealed record Sums(double[] Potential, double[] Workload, int[] Count, double[] Arr, double[] Won, double[] Open,
        double[] Outside, Dictionary<string, double>[] OutsideByIndustry, double UnassignedPotential, int Unassigned, int Held);

    private static Sums Sum(Book book, WorkloadModel workload)
    {
        int n = book.RepCount;
        var pot = new double[n];
        var work = new double[n];
        var count = new int[n];
        var arr = new double[n];
        var won = new double[n];
        var open = new double[n];
        var outside = new double[n];
        var byIndustry = new Dictionary<string, double>[n];
        var strengths = book.Reps.Select(r => r.IndustryStrengths.Select(s => s.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase)).ToArray();
        for (int r = 0; r < n; r++)
        {
            byIndustry[r] = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        }

        double unassignedPotential = 0;
        int unassigned = 0, held = 0;
        var accounts = book.Data.Accounts;
        for (int i = 0; i < book.AccountCount; i++)
        {
            int r = book.Owner[i];
            if (r == Book.HeldOutside)
            {
                held++;
                continue;
            }

            if (r < 0)
            {
                unassigned++;
                unassignedPotential += book.Potential[i];
                continue;
            }

            pot[r] += book.Potential[i];
            work[r] += workload.Of(book.Scores[i]);
            count[r]++;
            arr[r] += Math.Max(0, accounts[i].CurrentArr);
            won[r] += book.WonLast12Months[i];
            open[r] += book.OpenPipeline[i];
            string industry = accounts[i].Industry.Trim();
            if (strengths[r].Count > 0 && !strengths[r].Contains(industry))
            {
                outside[r] += book.Potential[i];
                byIndustry[r][industry] = byIndustry[r].GetValueOrDefault(industry) + book.Potential[i];
            }
        }

        return new Sums(pot, work, count, arr, won, open, outside, byIndustry, unassignedPotential, unassigned, held);
    }

    private static TerritoryFairness[] Territories(Book book, Sums s, FairnessOptions options)
    {
        int n = book.RepCount;
        double mean = s.Potential.Average();
        double median = Distribution.Percentile(s.Potential, 0.5);
        double meanWork = s.Workload.Average();
        // Equal targets are the team mean (DATA.md); quota or capacity targets are each rep's share of the total.
        var shares = options.Targets == Design.TargetMode.Equal ? null : Design.TargetShares.Compute(book.Reps, options.Targets).Shares;
        double total = s.Potential.Sum();
        var result = new TerritoryFairness[n];
        for (int r = 0; r < n; r++)
        {
            var rep = book.Reps[r];
            double target = shares is null ? mean : total * shares[r];
            double dev = DeviationPct(s.Potential[r], target);
            double? quota = rep.Quota is > 0 ? rep.Quota : null;
            result[r] = new TerritoryFairness
            {
                RepId = rep.RepId,
                RepName = Book.Who(rep),
                Seniority = rep.Seniority,
                Quota = quota,
                Ramping = rep.Ramping,
                PotentialArr = s.Potential[r],
                Workload = s.Workload[r],
                AccountCount = s.Count[r],
                DeviationPct = dev,
                PotentialTarget = target,
                DeviationFromMedianPct = DeviationPct(s.Potential[r], median),
                WorkloadDeviationPct = DeviationPct(s.Workload[r], meanWork),
                IsOutlier = IsOutlier(dev, options.TolerancePct),
                CurrentArr = s.Arr[r],
                ClosedWonLast12Months = s.Won[r],
                OpenPipeline = s.Open[r],
                Penetration = s.Potential[r] > 0 ? s.Arr[r] / s.Potential[r] : 0,
                PotentialPerQuotaDollar = quota is { } q ? s.Potential[r] / q : null,
                PotentialOutsideStrengthsPct = rep.IndustryStrengths.Count > 0 && s.Potential[r] > 0 ? s.Outside[r] * 100 / s.Potential[r]
                    : rep.IndustryStrengths.Count > 0 ? 0 : null,
            };
        }

        return result;
    }

    private static FairnessSummary Summary(Book book, Sums s, TerritoryFairness[] t)
    {
        var pot = s.Potential;
        var work = s.Workload;
        return new FairnessSummary(
            t.Length,
            pot.Average(),
            Distribution.Percentile(pot, 0.5),
            pot.Min(),
            pot.Max(),
            Distribution.Gini(pot),
            Distribution.CoefficientOfVariation(pot),
            Distribution.RelativeSpread(pot),
            work.Average(),
            work.Min(),
            work.Max(),
            Distribution.Gini(work),
            Distribution.CoefficientOfVariation(work),
            s.UnassignedPotential,
            s.Unassigned,
            s.Held);
    }

    private static SeniorityQuotaFit SeniorityFit(Book book, TerritoryFairness[] t, double tolerancePct)
    {
        var groups = new List<SeniorityGroup>();
        foreach (var level in new[] { Seniority.Junior, Seniority.Mid, Seniority.Senior })
        {
            var members = t.Where(x => x.Seniority == level).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var withQuota = members.Where(x => x.Quota is not null).ToArray();
            double? meanQuota = withQuota.Length > 0 ? withQuota.Average(x => x.Quota!.Value) : null;
            double? perQuota = withQuota.Length > 0 ? withQuota.Sum(x => x.PotentialArr) / withQuota.Sum(x => x.Quota!.Value) : null;
            groups.Add(new SeniorityGroup(level, members.Length, members.Average(x => x.PotentialArr), meanQuota, perQuota));
        }

        var findings = new List<string>();
        bool rises = true;
        for (int g = 1; g < groups.Count; g++)
        {
            if (groups[g].MeanPotential < groups[g - 1].MeanPotential)
            {
                rises = false;
                findings.Add($"{groups[g - 1].Seniority} reps average {Format.Money(groups[g - 1].MeanPotential)} of potential, more than "
                    + $"{groups[g].Seniority.ToString().ToLowerInvariant()} reps' {Format.Money(groups[g].MeanPotential)}: potential does not follow seniority.");
            }
        }

        if (rises && groups.Count > 1)
        {
            findings.Add("Potential rises with seniority: " + string.Join(", ", groups.Select(g => $"{g.Seniority} {Format.Money(g.MeanPotential)}")) + " on average.");
        }

        var quotaReps = t.Where(x => x.Quota is not null).ToArray();
        double? teamRatio = quotaReps.Length > 0 ? quotaReps.Sum(x => x.PotentialArr) / quotaReps.Sum(x => x.Quota!.Value) : null;
        double? spearman = null;
        if (quotaReps.Length >= 3)
        {
            var q = quotaReps.Select(x => x.Quota!.Value).ToArray();
            var p = quotaReps.Select(x => x.PotentialArr).ToArray();
            if (q.Distinct().Count() > 1 && p.Distinct().Count() > 1)
            {
                double rho = Distribution.Spearman(q, p);
                spearman = double.IsFinite(rho) ? rho : null;
            }
        }

        var off = new List<string>();
        if (teamRatio is > 0 and { } ratio)
        {
            findings.Add($"The team holds {ratio:0.0}× quota in potential ({Format.Money(quotaReps.Sum(x => x.PotentialArr))} against {Format.Money(quotaReps.Sum(x => x.Quota!.Value))} of quota).");
            foreach (var x in quotaReps)
            {
                double dev = DeviationPct(x.PotentialPerQuotaDollar!.Value, ratio);
                if (IsOutlier(dev, tolerancePct))
                {
                    off.Add(x.RepId);
                    findings.Add($"{x.RepName} ({x.Seniority.ToString().ToLowerInvariant()}) holds {x.PotentialPerQuotaDollar:0.0}× quota in potential, "
                        + $"{Wording.SignedPct(dev)} against the team's {ratio:0.0}×.");
                }
            }

            if (spearman is { } rho)
            {
                findings.Add(rho >= 0.5 ? $"Bigger quotas come with more potential (rank correlation {rho:0.00})."
                    : $"Quota and potential are weakly aligned (rank correlation {rho:0.00}): quotas do not track what territories can yield.");
            }
        }

        return new SeniorityQuotaFit(groups, rises, teamRatio, spearman, off, findings);
    }

    private static HistoricalRevenueFinding[] Historical(Book book, TerritoryFairness[] t, double threshold)
    {
        double totalArr = t.Sum(x => x.CurrentArr);
        bool useArr = totalArr > 0;
        double totalRevenue = useArr ? totalArr : t.Sum(x => x.ClosedWonLast12Months);
        double totalPotential = t.Sum(x => x.PotentialArr);
        if (totalRevenue <= 0 || totalPotential <= 0)
        {
            return [];
        }

        string what = useArr ? "team ARR" : "the team's closed-won revenue of the last 12 months";
        var findings = new List<HistoricalRevenueFinding>();
        foreach (var x in t)
        {
            double revenueShare = (useArr ? x.CurrentArr : x.ClosedWonLast12Months) / totalRevenue * 100;
            double potentialShare = x.PotentialArr / totalPotential * 100;
            if (revenueShare <= 0 && potentialShare <= 0)
            {
                continue;
            }

            // Capped so a territory with revenue but no potential left stays a finite, printable number.
            double ratio = potentialShare > 0 ? Math.Min(revenueShare / potentialShare, 99) : 99;
            if (ratio >= threshold)
            {
                findings.Add(new HistoricalRevenueFinding(x.RepId, HistoricalSignal.Overstates, revenueShare, potentialShare, ratio,
                    $"{x.RepName}'s territory books {Wording.Pct(revenueShare)} of {what} but holds only {Wording.Pct(potentialShare)} of team potential "
                    + $"(penetration {Wording.Pct(x.Penetration * 100)}): past revenue overstates what is left to win."));
            }
            else if (ratio <= 1 / threshold)
            {
                findings.Add(new HistoricalRevenueFinding(x.RepId, HistoricalSignal.Understates, revenueShare, potentialShare, ratio,
                    $"{x.RepName}'s territory books {Wording.Pct(revenueShare)} of {what} but holds {Wording.Pct(potentialShare)} of team potential: "
                    + "past revenue understates its headroom."));
            }
        }

        return findings.ToArray();
    }

    private static StrengthMismatch[] Mismatches(Book book, Sums s, TerritoryFairness[] t, double threshold)
    {
        var result = new List<StrengthMismatch>();
        for (int r = 0; r < t.Length; r++)
        {
            if (t[r].PotentialOutsideStrengthsPct is not { } pct || s.Potential[r] <= 0 || pct < threshold * 100)
            {
                continue;
            }

            var top = s.OutsideByIndustry[r].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
                .Take(3).Select(kv => kv.Key).ToArray();
            var rep = book.Reps[r];
            result.Add(new StrengthMismatch(rep.RepId, pct, top,
                $"{Wording.Pct(pct)} of {t[r].RepName}'s potential ({Format.Money(s.Outside[r])}) is outside their strengths "
                + $"({Wording.List(rep.IndustryStrengths.ToArray())}), mostly {Wording.List(top)}."));
        }

        return result.ToArray();
    }

    private static DisadvantagedRep? Disadvantaged(Book book, TerritoryFairness[] t, SeniorityQuotaFit fit, double tolerancePct)
    {
        int best = -1;
        double bestGap = 0;
        var reason = DisadvantageReason.LowPotential;
        for (int r = 0; r < t.Length; r++)
        {
            double potentialGap = -t[r].DeviationPct;
            double quotaGap = fit.TeamPotentialPerQuotaDollar is > 0 and { } ratio && t[r].PotentialPerQuotaDollar is { } mine
                ? -DeviationPct(mine, ratio) : double.NegativeInfinity;
            double gap = Math.Max(potentialGap, quotaGap);
            if (gap > bestGap + 1e-12)
            {
                best = r;
                bestGap = gap;
                // With equal quotas both gaps coincide up to rounding; call it a quota problem only when it clearly is.
                reason = quotaGap > potentialGap + 1e-6 ? DisadvantageReason.LowPotentialPerQuota : DisadvantageReason.LowPotential;
            }
        }

        if (best < 0)
        {
            return null;
        }

        var x = t[best];
        var richest = t.OrderByDescending(y => y.PotentialArr).ThenBy(y => y.RepId, StringComparer.Ordinal).First();
        double mean = t.Average(y => y.PotentialArr);
        var quote = new StringBuilder();
        if (reason == DisadvantageReason.LowPotentialPerQuota)
        {
            quote.Append($"My quota is {Format.Money(x.Quota!.Value)} but my territory holds only {Format.Money(x.PotentialArr)} of potential: "
                + $"{x.PotentialPerQuotaDollar:0.0}× quota, against {fit.TeamPotentialPerQuotaDollar:0.0}× for the team.");
        }
        else
        {
            // With quota or capacity targets the deviation is against the rep's own target, not the team mean.
            bool byTarget = Math.Abs(x.PotentialTarget - mean) > 1e-9 * Math.Max(1, mean);
            quote.Append(byTarget
                ? $"My territory holds {Format.Money(x.PotentialArr)} of potential, {Wording.Pct(-x.DeviationPct)} below my target of {Format.Money(x.PotentialTarget)}"
                : $"My territory holds {Format.Money(x.PotentialArr)} of potential, {Wording.Pct(-x.DeviationPct)} below the team average of {Format.Money(mean)}");
            quote.Append(richest.RepId != x.RepId ? $", while {richest.RepName} has {Format.Money(richest.PotentialArr)}." : ".");
        }

        if (x.PotentialOutsideStrengthsPct is { } outside && outside >= 50)
        {
            quote.Append($" And {Wording.Pct(outside)} of it is in industries outside my strengths.");
        }

        if (IsOutlier(x.WorkloadDeviationPct, tolerancePct) && x.WorkloadDeviationPct > 0)
        {
            quote.Append($" I also carry {Wording.Pct(x.WorkloadDeviationPct)} more coverage work than average.");
        }

        string concern = $"{x.RepName} is the most likely to feel short-changed and will say: \"{quote}\"";
        return new DisadvantagedRep(x.RepId, x.RepName, reason, bestGap, concern);
    }

    /// <summary>
    /// With quota or capacity targets the deviations are reported, but the move search balances against the team
    /// mean only, so it is not run: moves towards equal shares would contradict the targets asked for.
    /// </summary>
    private static AdjustmentPlan NoAdjustment(TerritoryFairness[] territories, FairnessOptions options)
    {
        double max = territories.Max(t => Math.Abs(t.DeviationPct));
        bool within = territories.All(t => !t.IsOutlier);
        var after = territories.Select(t => new TerritoryAfter(t.RepId, t.PotentialArr, t.AccountCount, t.DeviationPct, t.IsOutlier)).ToArray();
        string mode = options.Targets.ToString().ToLowerInvariant();
        string explanation = within
            ? $"Every territory is within ±{options.TolerancePct:0.#}% of its {mode} target."
            : $"Deviations are read against {mode} targets; suggested moves balance against the team mean only, so none are proposed here (run design with {mode} targets for a plan that follows them).";
        return new AdjustmentPlan([], within, max, max, after, explanation);
    }

    private static AdjustmentPlan Adjust(Book book, FairnessOptions options, TerritoryFairness[] before)
    {
        int n = book.RepCount;
        var accounts = book.Data.Accounts;
        var movable = new bool[book.AccountCount];
        for (int i = 0; i < movable.Length; i++)
        {
            int o = book.Owner[i];
            movable[i] = o != Book.HeldOutside
                && !accounts[i].NamedAccount
                && !(options.LockedAccountIds?.Contains(accounts[i].AccountId) ?? false)
                && !(options.ProtectPipeline && book.OpenPipeline[i] > 0)
                && (o >= 0 || options.AssignUnassigned);
        }

        var search = new AdjustmentSearch(book, movable, options);
        var changed = search.Run(options.MaxMoves);

        // Replay in order to say what each move does, starting from the original assignment.
        var pot = before.Select(x => x.PotentialArr).ToArray();
        double total = pot.Sum();
        var moves = new List<AccountMove>(changed.Count);
        var indices = new List<int>(changed.Count);
        var moved = new HashSet<int>(changed);
        foreach (int i in changed)
        {
            int from = book.Owner[i], to = search.Owner[i];
            double p = book.Potential[i];
            double meanBefore = total / n;
            double? fromBefore = from >= 0 ? DeviationPct(pot[from], meanBefore) : null;
            double? toBefore = to >= 0 ? DeviationPct(pot[to], meanBefore) : null;
            if (from >= 0)
            {
                pot[from] -= p;
            }
            else
            {
                total += p;
            }

            if (to >= 0)
            {
                pot[to] += p;
            }
            else
            {
                total -= p;
            }

            double meanAfter = total / n;
            double? fromAfter = from >= 0 ? DeviationPct(pot[from], meanAfter) : null;
            double? toAfter = to >= 0 ? DeviationPct(pot[to], meanAfter) : null;
            if (to < 0)
            {
                // The search only ever returns an account to the pool when it started there, which is no change.
                continue;
            }

            int mate = search.Partner(i);
            moves.Add(new AccountMove
            {
                AccountId = accounts[i].AccountId,
                AccountName = accounts[i].Name,
                FromRepId = from >= 0 ? book.Reps[from].RepId : "",
                ToRepId = book.Reps[to].RepId,
                PotentialArr = p,
                OpenPipeline = book.OpenPipeline[i],
                HasRelationshipNotes = !string.IsNullOrWhiteSpace(accounts[i].RelationshipNotes),
                InReceiverStrengths = search.InStrengths(i, to),
                DistanceKm = search.Distance(i, to),
                FromDeviationBeforePct = fromBefore,
                FromDeviationAfterPct = fromAfter,
                ToDeviationBeforePct = toBefore!.Value,
                ToDeviationAfterPct = toAfter!.Value,
                Rationale = Rationale(book, search, i, from, to, fromBefore, fromAfter, toBefore.Value, toAfter.Value, meanAfter - meanBefore,
                    mate >= 0 && moved.Contains(mate) ? accounts[mate].Name : null),
                Kind = search.KindOf(i),
                PartnerAccountId = mate >= 0 && moved.Contains(mate) ? accounts[mate].AccountId : null,
                FromDistanceKm = search.Distance(i, from),
                ReceiverBaseIsTerritoryCentre = search.BaseIsCentre(to),
                IsCustomer = accounts[i].IsCustomer,
                CurrentArr = Math.Max(0, accounts[i].CurrentArr),
                Workload = options.Workload.Of(book.Scores[i]),
            });
            indices.Add(i);
        }

        // Verify by recomputing the territories from scratch with the moves applied.
        var after = Verify(book, moves, options);
        for (int k = 0; k < moves.Count; k++)
        {
            moves[k] = WhyFarther(book, search, moves[k], indices[k], after);
        }

        bool potentialWithin = after.All(a => !a.IsOutlier);
        bool workloadWithin = after.All(a => !a.IsWorkloadOutlier);
        bool within = potentialWithin && (!options.BalanceWorkload || workloadWithin);
        double maxBefore = before.Max(x => Math.Abs(x.DeviationPct));
        double maxAfter = after.Max(x => Math.Abs(x.DeviationPct));
        string explanation = Explain(book, options, movable, search, before, after, moves.Count, potentialWithin, maxBefore, maxAfter);
        return new AdjustmentPlan(moves, within, maxBefore, maxAfter, after, explanation)
        {
            BalancedWorkload = options.BalanceWorkload,
            PotentialWithinTolerance = potentialWithin,
            WorkloadWithinTolerance = workloadWithin,
            MaxAbsWorkloadDeviationBeforePct = before.Max(x => Math.Abs(x.WorkloadDeviationPct)),
            MaxAbsWorkloadDeviationAfterPct = after.Max(x => Math.Abs(x.WorkloadDeviationPct)),
            ReferenceKm = double.IsNaN(search.ReferenceKm) ? null : search.ReferenceKm,
            NeighbourhoodKm = double.IsFinite(search.NeighbourhoodKm) ? search.NeighbourhoodKm : null,
        };
    }

    /// <summary>
    /// For a move that leaves the account farther from its owner: the closest other rep (neither giver nor
    /// receiver) and why that rep did not get it, from the final deviations.
    /// </summary>
    private static AccountMove WhyFarther(Book book, AdjustmentSearch search, AccountMove m, int i, TerritoryAfter[] after)
    {
        if (m.FromDistanceKm is not { } fromKm || m.DistanceKm is not { } toKm || toKm <= fromKm + 0.5)
        {
            return m;
        }

        int closest = -1;
        double closestKm = double.PositiveInfinity;
        int neediest = -1;
        for (int r = 0; r < book.RepCount; r++)
        {
            string id = book.Reps[r].RepId;
            if (id == m.FromRepId || id == m.ToRepId || search.Distance(i, r) is not { } km || km >= toKm)
            {
                continue;
            }

            if (km < closestKm)
            {
                (closest, closestKm) = (r, km);
            }

            if (after[r].DeviationPct < 0 && (neediest < 0 || after[r].DeviationPct < after[neediest].DeviationPct))
            {
                neediest = r;
            }
        }

        var reason = m.Kind == MoveKind.Far ? FartherReason.NoNearbyFix
            : closest < 0 ? FartherReason.OnlyGiverIsCloser
            : neediest < 0 ? FartherReason.CloserRepsAtOrAboveMean
            : after[neediest].DeviationPct >= m.ToDeviationBeforePct ? FartherReason.ReceiverFurtherBelowMean
            : FartherReason.NoFittingAccountForCloserRep;
        int named = neediest >= 0 ? neediest : closest;
        return m with
        {
            FartherFromOwner = true,
            FartherReason = reason,
            CloserRepId = named >= 0 ? book.Reps[named].RepId : null,
            CloserRepDeviationAfterPct = named >= 0 ? after[named].DeviationPct : null,
        };
    }

    private static TerritoryAfter[] Verify(Book book, IReadOnlyList<AccountMove> moves, FairnessOptions options)
    {
        double tolerancePct = options.TolerancePct;
        var owner = new Dictionary<string, string?>(book.AccountCount, StringComparer.Ordinal);
        for (int i = 0; i < book.AccountCount; i++)
        {
            int o = book.Owner[i];
            owner[book.Data.Accounts[i].AccountId] = o >= 0 ? book.Reps[o].RepId : null;
        }

        foreach (var m in moves)
        {
            owner[m.AccountId] = m.ToRepId;
        }

        var potential = book.Reps.ToDictionary(r => r.RepId, _ => 0.0, StringComparer.Ordinal);
        var workload = book.Reps.ToDictionary(r => r.RepId, _ => 0.0, StringComparer.Ordinal);
        var count = book.Reps.ToDictionary(r => r.RepId, _ => 0, StringComparer.Ordinal);
        for (int i = 0; i < book.AccountCount; i++)
        {
            if (owner[book.Data.Accounts[i].AccountId] is { } rep && potential.ContainsKey(rep))
            {
                potential[rep] += book.Potential[i];
                workload[rep] += options.Workload.Of(book.Scores[i]);
                count[rep]++;
            }
        }

        double mean = potential.Values.Average();
        double meanWork = workload.Values.Average();
        return book.Reps.Select(r =>
        {
            double dev = DeviationPct(potential[r.RepId], mean);
            double wdev = DeviationPct(workload[r.RepId], meanWork);
            return new TerritoryAfter(r.RepId, potential[r.RepId], count[r.RepId], dev, IsOutlier(dev, tolerancePct))
            {
                Workload = workload[r.RepId],
                WorkloadDeviationPct = wdev,
                IsWorkloadOutlier = IsOutlier(wdev, tolerancePct),
            };
        }).ToArray();
    }

    private static string Rationale(Book book, AdjustmentSearch search, int i, int from, int to,
        double? fromBefore, double? fromAfter, double toBefore, double toAfter, double meanShift, string? swapWith)
    {
        var a = book.Data.Accounts[i];
        var receiver = book.Reps[to];
        string toName = Book.Who(receiver);
        var sb = new StringBuilder();
        if (from >= 0)
        {
            string fromName = Book.Who(book.Reps[from]);
            sb.Append($"Move {a.Name} ({Format.Money(book.Potential[i])} potential, {Book.Place(a)}) from {fromName} to {toName}: ");
            sb.Append($"brings {fromName} from {Wording.SignedPct(fromBefore!.Value)} to {Wording.SignedPct(fromAfter!.Value)} ");
            sb.Append($"and {toName} from {Wording.SignedPct(toBefore)} to {Wording.SignedPct(toAfter)}");
        }
        else
        {
            sb.Append($"Assign unassigned {a.Name} ({Format.Money(book.Potential[i])} potential, {Book.Place(a)}) to {toName}: ");
            sb.Append($"brings {toName} from {Wording.SignedPct(toBefore)} to {Wording.SignedPct(toAfter)} (the team mean rises by {Format.Money(meanShift)})");
        }

        if (swapWith is not null)
        {
            sb.Append($"; part of a swap with {swapWith}");
        }

        sb.Append(book.OpenPipeline[i] > 0 ? $"; {Format.Money(book.OpenPipeline[i])} of open pipeline goes with it, so plan the hand-over" : "; no open pipeline");
        if (!string.IsNullOrWhiteSpace(a.RelationshipNotes))
        {
            sb.Append("; relationship notes go into the transition package");
        }

        if (search.HasStrengths(to))
        {
            sb.Append(search.InStrengths(i, to) ? $"; {toName} covers {a.Industry}" : $"; {a.Industry} is outside {toName}'s strengths");
        }

        if (search.Distance(i, to) is { } km)
        {
            sb.Append($"; {Wording.Km(km)} from {toName}'s home base");
        }

        sb.Append('.');
        return sb.ToString();
    }

    private static string Explain(Book book, FairnessOptions options, bool[] movable, AdjustmentSearch search, TerritoryFairness[] before,
        TerritoryAfter[] after, int moves, bool within, double maxBefore, double maxAfter)
    {
        string band = $"±{options.TolerancePct:0.##}%";
        if (within && moves == 0)
        {
            return $"Every territory is already within {band} of the team mean; no moves needed.";
        }

        if (within)
        {
            return $"{moves} move{(moves == 1 ? "" : "s")} bring every territory within {band} of the team mean "
                + $"(largest deviation {Wording.SignedPct(Signed(after, maxAfter))}, was {Wording.SignedPct(Signed(before, maxBefore))}).";
        }

        // Say why: locked potential above the band's upper edge is the clearest reason.
        double mean = after.Average(a => a.PotentialArr);
        double upper = mean * (1 + options.TolerancePct / 100);
        var reasons = new List<string>();
        var accounts = book.Data.Accounts;
        var lockedSum = new double[book.RepCount];
        var biggestLocked = new int[book.RepCount];
        Array.Fill(biggestLocked, -1);
        for (int i = 0; i < book.AccountCount; i++)
        {
            int o = search.Owner[i];
            if (o >= 0 && !movable[i])
            {
                lockedSum[o] += book.Potential[i];
                if (biggestLocked[o] < 0 || book.Potential[i] > book.Potential[biggestLocked[o]])
                {
                    biggestLocked[o] = i;
                }
            }
        }

        for (int r = 0; r < book.RepCount; r++)
        {
            if (!after[r].IsOutlier || after[r].DeviationPct <= 0)
            {
                continue;
            }

            double locked = lockedSum[r];
            int biggest = biggestLocked[r];
            string who = Book.Who(book.Reps[r]);
            if (locked > upper && biggest >= 0)
            {
                string why = accounts[biggest].NamedAccount ? "named" : book.OpenPipeline[biggest] > 0 && options.ProtectPipeline ? "protected pipeline" : "locked";
                reasons.Add($"{who}'s accounts that cannot move hold {Format.Money(locked)}, above the band's upper edge of {Format.Money(upper)} "
                    + $"(largest: {accounts[biggest].Name}, {Format.Money(book.Potential[biggest])}, {why})");
            }
            else
            {
                reasons.Add($"no further move or swap brings {who} ({Wording.SignedPct(after[r].DeviationPct)}) closer without pushing another territory further out");
            }
        }

        foreach (var a in after.Where(a => a.IsOutlier && a.DeviationPct < 0))
        {
            var rep = book.Reps.First(r => r.RepId == a.RepId);
            reasons.Add($"not enough movable potential can reach {Book.Who(rep)} ({Wording.SignedPct(a.DeviationPct)}) without pushing another territory out of the band");
        }

        if (search.HitMoveLimit)
        {
            reasons.Add($"the search stopped at its limit of {options.MaxMoves} moves");
        }

        string best = moves == 0 ? "No move improves the balance" : $"The best achievable with {moves} move{(moves == 1 ? "" : "s")} leaves the largest deviation at {Wording.SignedPct(Signed(after, maxAfter))} (was {Wording.SignedPct(Signed(before, maxBefore))})";
        return $"The {band} tolerance cannot be met: {string.Join("; ", reasons)}. {best}.";
    }

    private static double Signed(IEnumerable<TerritoryFairness> t, double maxAbs) =>
        t.Select(x => x.DeviationPct).OrderByDescending(Math.Abs).FirstOrDefault(d => Math.Abs(Math.Abs(d) - maxAbs) < 1e-9, maxAbs);

    private static double Signed(IEnumerable<TerritoryAfter> t, double maxAbs) =>
        t.Select(x => x.DeviationPct).OrderByDescending(Math.Abs).FirstOrDefault(d => Math.Abs(Math.Abs(d) - maxAbs) < 1e-9, maxAbs);
}
