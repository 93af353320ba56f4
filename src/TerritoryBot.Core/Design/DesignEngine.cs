using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Core.Design;

/// <summary>
/// Territory design: builds balanced scenarios (geographic, industry, size, hybrid, opportunity,
/// workload, rebalance) from scored accounts and the team, under locks, protected pipeline, a move
/// cap, per-rep targets, tier rules and capacity; measures each and recommends one. Pure and
/// deterministic for a seed; see docs/design.md.
/// </summary>
public static class DesignEngine
{
    private const int D = DesignProblem.D;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Runs the requested scenarios. Throws <see cref="ArgumentException"/> on invalid input or options.</summary>
    public static DesignResult Run(DesignInput input, DesignOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Data);
        ArgumentNullException.ThrowIfNull(input.Scores);
        options ??= new DesignOptions();
        Validate(options);
        var names = (options.Scenarios ?? ScenarioNames.All).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToArray();
        foreach (var name in names)
        {
            if (!ScenarioNames.All.Contains(name))
            {
                throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", ScenarioNames.All)}.", nameof(options));
            }
        }

        var problem = DesignProblem.Build(input, options);
        CheckFeasibility(problem, options);

        var currentAssign = (int[])problem.Orig.Clone();
        var (currentMetrics, currentTerritories) = DesignMetrics.Compute(problem, currentAssign);
        var current = new ScenarioResult(ScenarioNames.Current, "The plan as it stands today (current owners).",
            problem.AccountIds, problem.RepIds, currentAssign, currentMetrics, currentTerritories, [], null);

        var results = new ScenarioResult[names.Length];
        void RunOne(int x)
        {
            var spec = ScenarioSpec.For(names[x], options);
            int seed = unchecked(options.Seed * 31 + Array.IndexOf(ScenarioNames.All.ToArray(), names[x]) * 7919);
            results[x] = RunScenario(problem, spec, options, seed);
        }

        if (options.Parallel && names.Length > 1)
        {
            System.Threading.Tasks.Parallel.For(0, names.Length, RunOne);
        }
        else
        {
            for (int x = 0; x < names.Length; x++)
            {
                RunOne(x);
            }
        }

        var (recommended, text) = Recommend(results, problem);
        return new DesignResult(problem.AccountInfo, problem.RepInfo, current, results, recommended, text, problem.Issues);
    }

    private static void Validate(DesignOptions o)
    {
        if (o.MaxMovedPct is { } m && (!double.IsFinite(m) || m < 0 || m > 100))
        {
            throw new ArgumentException($"MaxMovedPct must be between 0 and 100, not {m}.");
        }

        if (o.MaxArrMovedPct is { } a && (!double.IsFinite(a) || a < 0 || a > 100))
        {
            throw new ArgumentException($"MaxArrMovedPct must be between 0 and 100, not {a}.");
        }

        if (o.DefaultRebalanceMovedPct is < 0 or > 100 || double.IsNaN(o.DefaultRebalanceMovedPct))
        {
            throw new ArgumentException("DefaultRebalanceMovedPct must be between 0 and 100.");
        }

        if (!(o.RampingFactor > 0 && o.RampingFactor <= 1))
        {
            throw new ArgumentException($"RampingFactor must be in (0, 1], not {o.RampingFactor}.");
        }

        if (!(o.Tolerance > 0 && o.Tolerance < 1))
        {
            throw new ArgumentException($"Tolerance must be in (0, 1), not {o.Tolerance}.");
        }

        if (o.MaxPasses < 0 || o.CandidateReps < 1 || o.SwapSamples < 0 || o.MaxEvaluations < 0)
        {
            throw new ArgumentException("MaxPasses, MaxEvaluations and SwapSamples must be ≥ 0 and CandidateReps ≥ 1.");
        }

        ArgumentNullException.ThrowIfNull(o.Workload);
        ArgumentNullException.ThrowIfNull(o.MinSeniorityByTier);
    }

    private static ScenarioResult RunScenario(DesignProblem p, ScenarioSpec spec, DesignOptions o, int seed)
    {
        var search = new ScenarioSearch(p, spec, o, seed);
        search.Construct();
        search.Search();
        var assign = (int[])search.Assignment.Clone();
        var (metrics, territories) = DesignMetrics.Compute(p, assign);
        var issues = new List<DesignIssue>(search.Issues);
        var primary = spec.Primary == DesignProblem.Potential ? metrics.Potential : metrics.Workload;
        string dimName = spec.Primary == DesignProblem.Potential ? "potential" : "workload";
        if (primary.MaxDeviationFromTarget > o.Tolerance + 1e-9)
        {
            int worst = Enumerable.Range(0, p.K).OrderByDescending(r =>
                Math.Abs(SumOf(p, assign, r, spec.Primary) / Math.Max(1e-12, p.Targets[r * D + spec.Primary]) - 1)).First();
            issues.Add(new(spec.Name, "target-missed",
                $"{Cap(dimName)} misses the ±{Pct(o.Tolerance)} band: {p.Reps[worst].Name} is {Signed(SumOf(p, assign, worst, spec.Primary) / p.Targets[worst * D + spec.Primary] - 1)} from target"
                + (spec.MoveCap ? $" with {search.MovedCount} of at most {MaxMovedText(p, o)} accounts moved." : ", given the locks, rules and capacity.")));
        }

        var stats = new SearchStats(search.Passes, search.Evaluations, search.Moves, search.Swaps,
            search.InitialObjective, search.TrackedObjective, search.StoppedByClock);
        if (search.StoppedByClock)
        {
            issues.Add(new(spec.Name, "time-budget", "The search stopped at the time budget before converging; the result depends on machine speed."));
        }

        return new ScenarioResult(spec.Name, spec.Description, p.AccountIds, p.RepIds, assign, metrics, territories, issues, stats);
    }

    private static string MaxMovedText(DesignProblem p, DesignOptions o)
    {
        double pct = o.MaxMovedPct ?? o.DefaultRebalanceMovedPct;
        return ((int)Math.Floor(pct / 100 * p.OwnedAccounts + 1e-9)).ToString(Inv);
    }

    private static double SumOf(DesignProblem p, int[] assign, int r, int d)
    {
        double s = 0;
        for (int i = 0; i < p.N; i++)
        {
            if (assign[i] == r)
            {
                s += p.Values[i * D + d];
            }
        }

        return s;
    }

    /// <summary>Checks that cannot wait for the search: what no plan can fix is said up front.</summary>
    private static void CheckFeasibility(DesignProblem p, DesignOptions o)
    {
        int k = p.K;
        var lockedPot = new double[k];
        var lockedWork = new double[k];
        var lockedNamed = new int[k];
        var lockedPipe = new int[k];
        var lockedActive = new int[k];
        int lockBreaksRule = 0;
        for (int i = 0; i < p.N; i++)
        {
            if (!p.Fixed[i])
            {
                continue;
            }

            int r = p.Orig[i];
            lockedPot[r] += p.Values[i * D + DesignProblem.Potential];
            lockedWork[r] += p.Values[i * D + DesignProblem.Workload];
            if (p.Named[i])
            {
                lockedNamed[r]++;
            }
            else
            {
                lockedPipe[r]++;
            }

            lockedActive[r] += p.CapCounted[i] ? 1 : 0;
            if (!p.Allowed(i, r))
            {
                lockBreaksRule++;
            }
        }

        for (int r = 0; r < k; r++)
        {
            foreach (var (d, label, locked) in new[] { (DesignProblem.Potential, "potential", lockedPot[r]), (DesignProblem.Workload, "workload", lockedWork[r]) })
            {
                double target = p.Targets[r * D + d];
                if (target > 0 && locked > target * (1 + o.Tolerance))
                {
                    string amount = d == DesignProblem.Potential ? Format.Money(locked) : locked.ToString("0.#", Inv);
                    string targetText = d == DesignProblem.Potential ? Format.Money(target) : target.ToString("0.#", Inv);
                    p.Issues.Add(new(null, d == DesignProblem.Potential ? "locked-over-band" : "locked-workload-over-band",
                        $"{p.Reps[r].Name} ({p.RepIds[r]}) has {amount} of {label} locked ({lockedNamed[r]} named account(s), {lockedPipe[r]} with protected pipeline), "
                        + $"{Signed(locked / target - 1)} against a target of {targetText}: no plan can bring this territory within ±{Pct(o.Tolerance)}. "
                        + "Unlock some named accounts or drop pipeline protection for them."));
                }
            }

            if (lockedActive[r] > p.Capacity[r])
            {
                p.Issues.Add(new(null, "locked-over-capacity",
                    $"{p.Reps[r].Name} ({p.RepIds[r]}) keeps {lockedActive[r]} locked active accounts but has capacity for {p.Capacity[r]}."));
            }
        }

        if (lockBreaksRule > 0)
        {
            p.Issues.Add(new(null, "lock-breaks-tier-rule",
                $"{lockBreaksRule} locked account(s) stay with an owner the tier rules would not allow; the lock wins."));
        }

        // Tier rules: the potential only some reps may own must fit inside those reps' bands.
        for (int t = 0; t < 4; t++)
        {
            int min = p.MinSeniority[t];
            if (min <= p.Seniority.Min())
            {
                continue;
            }

            double need = 0, room = 0;
            for (int i = 0; i < p.N; i++)
            {
                if ((int)p.Tiers[i] >= t && p.MinSeniority[(int)p.Tiers[i]] >= min)
                {
                    need += p.Values[i * D + DesignProblem.Potential];
                }
            }

            int eligible = 0;
            for (int r = 0; r < k; r++)
            {
                if (p.Seniority[r] >= min)
                {
                    room += p.Targets[r * D + DesignProblem.Potential] * (1 + o.Tolerance);
                    eligible++;
                }
            }

            if (need > room)
            {
                p.Issues.Add(new(null, "tier-rule-over-band",
                    $"Accounts that only {((Seniority)min).ToString().ToLowerInvariant()} reps may own hold {Format.Money(need)} of potential, "
                    + $"more than the {eligible} eligible reps' targets allow ({Format.Money(room)} at +{Pct(o.Tolerance)}): their territories will run over target."));
            }
        }

        long active = 0, totalCapacity = 0;
        for (int i = 0; i < p.N; i++)
        {
            active += p.CapCounted[i] ? 1 : 0;
        }

        foreach (var c in p.Capacity)
        {
            totalCapacity = c == int.MaxValue ? long.MaxValue : checked(Math.Min(long.MaxValue / 2, totalCapacity + c));
            if (totalCapacity == long.MaxValue)
            {
                break;
            }
        }

        if (active > totalCapacity)
        {
            p.Issues.Add(new(null, "capacity-short",
                $"There are {active} active accounts but the team's capacity is {totalCapacity}: capacity will be exceeded by {active - totalCapacity}."));
        }
    }

    // ---------- recommendation ----------

    private sealed record Criterion(string Label, double Weight, Func<ScenarioMetrics, double> Badness, Func<ScenarioMetrics, string> Show);

    private static (string Name, string Text) Recommend(ScenarioResult[] results, DesignProblem p)
    {
        if (results.Length == 0)
        {
            return ("", "No scenario was run.");
        }

        if (results.Length == 1)
        {
            return (results[0].Name, $"Only {results[0].Name} was run, so it is the recommendation by default.");
        }

        bool hasOwners = p.OwnedAccounts > 0;
        var criteria = new List<Criterion>
        {
            new("potential balance", 0.30, m => m.Potential.Gini, m => $"potential Gini {m.Potential.Gini.ToString("0.000", Inv)}"),
            new("workload balance", 0.20, m => m.Workload.Gini, m => $"workload Gini {m.Workload.Gini.ToString("0.000", Inv)}"),
            new("rep fit", 0.10, m => 1 - m.RepFit, m => $"rep–industry fit {m.RepFit.ToString("0.00", Inv)}"),
            new("segment consistency", 0.05, m => 1 - m.SegmentConsistency, m => $"{DesignMetrics.Pct(m.SegmentConsistency)} of accounts with a rep of the right seniority"),
        };
        // Travel is judged only where there are distances: with no located account every scenario would read 0 km.
        if (results.Any(r => r.Metrics.LocatedAccounts > 0))
        {
            criteria.Insert(2, new("travel", 0.10, m => m.AccountsWithHomeDistance > 0 ? m.MeanKmToHome : m.MeanKmToCentre,
                m => $"{(m.AccountsWithHomeDistance > 0 ? m.MeanKmToHome : m.MeanKmToCentre).ToString("0", Inv)} km mean from {(m.AccountsWithHomeDistance > 0 ? "home" : "the territory centre")}"));
        }

        if (hasOwners)
        {
            criteria.Add(new("continuity", 0.25, m => 1 - m.ContinuityAccounts,
                m => $"{DesignMetrics.Pct(m.ContinuityAccounts)} of accounts and {DesignMetrics.Pct(m.ContinuityArr)} of ARR kept with their owner"));
        }

        var max = criteria.Select(c => results.Max(r => c.Badness(r.Metrics))).ToArray();
        double Score(ScenarioResult r)
        {
            double s = 0;
            for (int c = 0; c < criteria.Count; c++)
            {
                s += max[c] > 0 ? criteria[c].Weight * criteria[c].Badness(r.Metrics) / max[c] : 0;
            }

            // A scenario that missed its own balance band is a weaker recommendation.
            return s + (r.Issues.Any(x => x.Code == "target-missed") ? 0.5 : 0);
        }

        var ranked = results.Select(r => (r, s: Score(r))).OrderBy(x => x.s).ThenBy(x => Array.IndexOf(ScenarioNames.All.ToArray(), x.r.Name)).ToArray();
        var best = ranked[0].r;
        var second = ranked[1].r;
        var better = new List<string>();
        var worse = new List<string>();
        for (int c = 0; c < criteria.Count; c++)
        {
            double a = criteria[c].Badness(best.Metrics), b = criteria[c].Badness(second.Metrics);
            // Only differences worth saying out loud: more than 5% of the worst value across scenarios.
            if (Math.Abs(a - b) <= 0.05 * max[c])
            {
                continue;
            }

            string phrase = $"{criteria[c].Show(best.Metrics)} against {criteria[c].Show(second.Metrics)}";
            (a < b ? better : worse).Add(phrase);
        }

        string text = $"{best.Name} is recommended (score {ranked[0].s.ToString("0.00", Inv)} against {ranked[1].s.ToString("0.00", Inv)} for the runner-up, {second.Name}; lower is better). ";
        text += better.Count > 0 ? $"It wins on {string.Join("; ", better)}. " : "It is about level with the runner-up on every measure. ";
        text += worse.Count > 0 ? $"The price is {string.Join("; ", worse)}." : "It gives up nothing material against the runner-up.";
        return (best.Name, text);
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", Inv) + "%";

    private static string Signed(double share) => (share >= 0 ? "+" : "") + (share * 100).ToString("0.0", Inv) + "%";

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
