using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Planning;

/// <summary>
/// Builds a rep's territory plan (the content of the territory document and the business plan) from
/// scores, fit and an optional target assignment. Pure: every sentence is built from computed numbers.
/// </summary>
public static class TerritoryPlanner
{
    private static readonly string[] Cadences =
    [
        "named: executive sponsor, account plan, weekly contact",
        "named: bi-weekly cadence, multi-threaded",
        "monthly cadence, campaign-led",
        "quarterly check-in, digital sequences",
    ];

    /// <summary>Builds the plan of <see cref="PlanInput.RepId"/>; throws when the rep is unknown or carries no territory.</summary>
    public static TerritoryPlan Build(PlanInput input, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BuildMany(input, [input.RepId], options)[0];
    }

    /// <summary>
    /// Plans for several reps of the same input (<see cref="PlanInput.RepId"/> is ignored). The work shared by
    /// all reps — indexes of scores, opportunities and owners, the team band — is done once, so planning
    /// every rep costs about one pass over the data plus each rep's own accounts.
    /// </summary>
    public static IReadOnlyList<TerritoryPlan> BuildMany(PlanInput input, IEnumerable<string> repIds, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Data);
        ArgumentNullException.ThrowIfNull(input.Scores);
        ArgumentNullException.ThrowIfNull(input.Fit);
        ArgumentNullException.ThrowIfNull(repIds);
        options ??= PlanOptions.Default;
        options.Validate();
        var ids = repIds.ToArray();
        var shared = new Shared(input, options);
        foreach (var id in ids)
        {
            shared.CheckRep(id);
        }

        return ids.Select(id => BuildOne(shared, id)).ToArray();
    }

    /// <summary>Indexes every rep's plan reads, built once per input.</summary>
    private sealed class Shared
    {
        public readonly PlanInput Input;
        public readonly PlanOptions Options;
        public readonly Dictionary<string, Rep> RepsById = new(StringComparer.Ordinal);
        public readonly Dictionary<string, AccountScore> Scores;
        public readonly Dictionary<string, List<Account>> AccountsByOwner = new(StringComparer.Ordinal);
        public readonly Dictionary<string, List<Opportunity>> OpenByAccount = new(StringComparer.Ordinal);
        public readonly Dictionary<string, DateOnly> LastActivity = new(StringComparer.Ordinal);
        public readonly Dictionary<string, double> TeamPotential;
        /// <summary>Per rep, the accounts whose target owner differs from the current one and involves that rep.</summary>
        public readonly Dictionary<string, List<(Account Account, string? To)>> ChangesByRep = new(StringComparer.Ordinal);
        public readonly double? TeamAverageWonDeal;

        public Shared(PlanInput input, PlanOptions options)
        {
            Input = input;
            Options = options;
            var data = input.Data;
            foreach (var r in data.Reps)
            {
                RepsById.TryAdd(r.RepId, r);
            }

            Scores = new Dictionary<string, AccountScore>(input.Scores.Count, StringComparer.Ordinal);
            foreach (var s in input.Scores)
            {
                Scores.TryAdd(s.AccountId, s);
            }

            var target = new Dictionary<string, string>(StringComparer.Ordinal);
            if (input.Target is not null)
            {
                foreach (var a in input.Target)
                {
                    target[a.AccountId] = a.RepId;
                }
            }

            double wonSum = 0;
            int won = 0;
            foreach (var o in data.Opportunities)
            {
                if (o.IsOpen)
                {
                    if (!OpenByAccount.TryGetValue(o.AccountId, out var list))
                    {
                        OpenByAccount[o.AccountId] = list = [];
                    }

                    list.Add(o);
                }
                else if (o.IsWon && o.Amount > 0)
                {
                    wonSum += o.Amount;
                    won++;
                }

                if (o.LastActivityDate is { } d && (!LastActivity.TryGetValue(o.AccountId, out var seen) || d > seen))
                {
                    LastActivity[o.AccountId] = d;
                }
            }

            TeamAverageWonDeal = won == 0 ? null : wonSum / won;

            // Territory potential of every territory rep under the same owners: the team band.
            TeamPotential = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var r in data.TerritoryReps)
            {
                TeamPotential.TryAdd(r.RepId, 0);
            }

            foreach (var account in data.Accounts)
            {
                if (!Scores.TryGetValue(account.AccountId, out var score))
                {
                    throw new ArgumentException($"Account '{account.AccountId}' has no score.", nameof(input));
                }

                string? owner = target.TryGetValue(account.AccountId, out var t) ? t
                    : input.Target is not null && input.TargetIsComplete ? null
                    : account.OwnerId;
                if (!string.Equals(owner, account.OwnerId, StringComparison.Ordinal))
                {
                    foreach (var involved in new[] { account.OwnerId, owner })
                    {
                        if (involved is null)
                        {
                            continue;
                        }

                        if (!ChangesByRep.TryGetValue(involved, out var changes))
                        {
                            ChangesByRep[involved] = changes = [];
                        }

                        changes.Add((account, owner));
                    }
                }

                if (owner is null)
                {
                    continue;
                }

                if (TeamPotential.TryGetValue(owner, out var sum))
                {
                    TeamPotential[owner] = sum + score.PotentialArr;
                }

                if (!AccountsByOwner.TryGetValue(owner, out var book))
                {
                    AccountsByOwner[owner] = book = [];
                }

                book.Add(account);
            }
        }

        public Rep CheckRep(string repId)
        {
            if (!RepsById.TryGetValue(repId, out var rep))
            {
                throw new ArgumentException($"Unknown rep '{repId}'.", nameof(repId));
            }

            if (!rep.CarriesTerritory)
            {
                throw new ArgumentException($"'{repId}' has role {rep.Role}; only reps carry territories.", nameof(repId));
            }

            return rep;
        }

        public DateOnly? LastActivityOf(Account a)
        {
            DateOnly? fromOpps = LastActivity.TryGetValue(a.AccountId, out var d) ? d : null;
            return (a.LastActivityDate, fromOpps) switch
            {
                (null, var o) => o,
                (var x, null) => x,
                var (x, o) => x > o ? x : o,
            };
        }

        public (int Count, double Amount) Open(string accountId)
        {
            if (!OpenByAccount.TryGetValue(accountId, out var list))
            {
                return (0, 0);
            }

            double amount = 0;
            foreach (var o in list)
            {
                amount += Math.Max(0, o.Amount);
            }

            return (list.Count, amount);
        }
    }

    private static TerritoryPlan BuildOne(Shared shared, string repId)
    {
        var input = shared.Input;
        var options = shared.Options;
        string symbol = options.CurrencySymbol;
        var rep = shared.CheckRep(repId);
        var book = shared.AccountsByOwner.GetValueOrDefault(rep.RepId) ?? [];
        var portfolio = new List<PortfolioAccount>(book.Count);
        foreach (var account in book)
        {
            var score = shared.Scores[account.AccountId];
            var open = shared.Open(account.AccountId);
            portfolio.Add(new PortfolioAccount
            {
                Account = account,
                Score = score,
                OpenOpportunities = open.Count,
                OpenPipeline = open.Amount,
                LastActivity = shared.LastActivityOf(account),
                CoverageApproach = CoverageApproach(score),
                Incoming = input.Target is not null && !string.Equals(account.OwnerId, rep.RepId, StringComparison.Ordinal),
            });
        }

        portfolio.Sort((x, y) =>
        {
            int c = ((int)x.Score.Tier).CompareTo((int)y.Score.Tier);
            if (c == 0)
            {
                c = y.Score.PotentialArr.CompareTo(x.Score.PotentialArr);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Account.AccountId, y.Account.AccountId);
        });

        var totals = Totals(portfolio);
        var band = Band(shared.TeamPotential, rep.RepId);
        var tiers = Enum.GetValues<Tier>().Select(t =>
        {
            var inTier = portfolio.Where(p => p.Score.Tier == t).ToArray();
            double potential = inTier.Sum(p => p.Score.PotentialArr);
            return new TierSummary(t, inTier.Length, potential, inTier.Sum(p => p.Account.CurrentArr),
                totals.Potential <= 0 ? 0 : potential / totals.Potential, Cadences[(int)t], options.TouchesPerQuarter[(int)t]);
        }).ToArray();
        var industries = Shares(portfolio, p => p.Account.Industry, totals.Potential);
        var geography = Geography(rep, portfolio, totals.Potential, options.LocalRadiusKm);
        var transitions = Transitions(shared, rep);
        var (sequence, perWeek, overflow) = Sequence(portfolio, transitions, options, symbol);

        var plan = new TerritoryPlan
        {
            Rep = rep,
            Fit = input.Fit.Find(rep.RepId),
            AsOf = input.AsOf,
            Basis = input.Target is null ? "current owners" : input.TargetName ?? "target assignment",
            HasTarget = input.Target is not null,
            CurrencySymbol = symbol,
            Portfolio = portfolio,
            PortfolioRowsShown = Math.Min(portfolio.Count, options.MaxPortfolioRows),
            Totals = totals,
            Band = band,
            Tiers = tiers,
            Industries = industries,
            Geography = geography,
            Hypothesis = [],
            Transitions = transitions,
            Sequence = sequence,
            SequenceOverflow = overflow,
            SequencePerWeek = perWeek,
            BusinessPlan = null!,
        };
        plan = plan with { Hypothesis = Hypothesis(plan) };
        var territoryOpps = portfolio.SelectMany(p => shared.OpenByAccount.GetValueOrDefault(p.Account.AccountId) ?? []).ToArray();
        return plan with { BusinessPlan = BusinessPlanner.Build(plan, input, territoryOpps, shared.TeamAverageWonDeal, options) };
    }

    internal static string CoverageApproach(AccountScore score)
    {
        string motion = score.Status switch
        {
            AccountStatus.ActiveCustomer => "Expand",
            AccountStatus.ActiveProspect => "Advance open deal",
            AccountStatus.ColdProspect => "Prospect",
            _ => "Qualify",
        };
        return $"{motion} · {Cadences[(int)score.Tier]}";
    }

    private static TerritoryTotals Totals(IReadOnlyList<PortfolioAccount> portfolio)
    {
        double potential = 0, arr = 0, pipeline = 0, headroom = 0, newLogo = 0;
        int customers = 0, active = 0, cold = 0, whitespace = 0, open = 0;
        foreach (var p in portfolio)
        {
            potential += p.Score.PotentialArr;
            arr += p.Account.CurrentArr;
            pipeline += p.OpenPipeline;
            open += p.OpenOpportunities;
            whitespace += p.Score.Whitespace ? 1 : 0;
            if (p.Account.IsCustomer)
            {
                customers++;
                headroom += p.Headroom;
            }
            else
            {
                newLogo += p.Score.PotentialArr;
            }

            if (p.Score.Status == AccountStatus.ActiveProspect)
            {
                active++;
            }
            else if (p.Score.Status == AccountStatus.ColdProspect)
            {
                cold++;
            }
        }

        return new TerritoryTotals(portfolio.Count, potential, arr, customers, active, cold, whitespace, open, pipeline, headroom, newLogo);
    }

    private static TeamBand Band(Dictionary<string, double> teamPotential, string repId)
    {
        var values = teamPotential.Values.ToArray();
        double mine = teamPotential.GetValueOrDefault(repId);
        if (values.Length == 0)
        {
            return new TeamBand(mine, mine, mine, mine, mine, 1, 1);
        }

        int rank = 1 + values.Count(v => v > mine);
        return new TeamBand(mine, values.Min(), Distribution.Percentile(values, 0.5), values.Max(), values.Average(), rank, values.Length);
    }

    private static Share[] Shares(IEnumerable<PortfolioAccount> portfolio, Func<PortfolioAccount, string?> key, double total) =>
        portfolio.GroupBy(p => key(p) ?? "(none)", StringComparer.OrdinalIgnoreCase)
            .Select(g => new Share(key(g.First()) ?? "(none)", g.Count(), g.Sum(p => p.Score.PotentialArr), 0))
            .Select(s => s with { Fraction = total <= 0 ? 0 : s.Potential / total })
            .OrderByDescending(s => s.Potential).ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToArray();

    private static GeographySummary Geography(Rep rep, IReadOnlyList<PortfolioAccount> portfolio, double total, double radiusKm)
    {
        var points = portfolio.Where(p => p.Account.Location is not null)
            .Select(p => new MapPoint(p.Account.AccountId, p.Account.Name, p.Account.Location!.Value, p.Score.PotentialArr, p.Score.Tier))
            .ToArray();
        double? median = null, local = null;
        if (rep.Home is { } home && points.Length > 0)
        {
            var distances = points.Select(p => home.DistanceKm(p.Location)).ToArray();
            median = Distribution.Percentile(distances, 0.5);
            local = (double)distances.Count(d => d <= radiusKm) / distances.Length;
        }

        var regions = Shares(portfolio.Where(p => !string.IsNullOrWhiteSpace(p.Account.Region)), p => p.Account.Region, total);
        return new GeographySummary(rep.Home, points.Length, median, local, radiusKm, regions, points);
    }

    private static Transition[] Transitions(Shared shared, Rep rep)
    {
        if (shared.Input.Target is null)
        {
            return [];
        }

        string? NameOf(string? id) => id is not null && shared.RepsById.TryGetValue(id, out var r) ? r.Name : null;
        var result = new List<Transition>();
        foreach (var (account, to) in shared.ChangesByRep.GetValueOrDefault(rep.RepId) ?? [])
        {
            string? from = account.OwnerId;
            bool incoming = string.Equals(to, rep.RepId, StringComparison.Ordinal);
            bool outgoing = string.Equals(from, rep.RepId, StringComparison.Ordinal);
            if (!incoming && !outgoing)
            {
                continue;
            }

            var open = shared.Open(account.AccountId);
            // The current owner holds the relationship and runs the hand-over; with no owner, the receiver does.
            string? transitionOwner = from is not null && shared.RepsById.ContainsKey(from) ? from : to;
            result.Add(new Transition
            {
                Account = account,
                Score = shared.Scores.GetValueOrDefault(account.AccountId),
                Direction = incoming ? TransitionDirection.Incoming : TransitionDirection.Outgoing,
                FromRepId = from,
                FromName = NameOf(from),
                ToRepId = to,
                ToName = NameOf(to),
                OpenOpportunities = open.Count,
                OpenPipeline = open.Amount,
                LastActivity = shared.LastActivityOf(account),
                RelationshipNotes = account.RelationshipNotes,
                TransitionOwnerId = transitionOwner,
                TransitionOwnerName = NameOf(transitionOwner),
            });
        }

        return result.OrderBy(t => t.Direction)
            .ThenByDescending(t => t.OpenPipeline)
            .ThenByDescending(t => t.Score?.PotentialArr ?? 0)
            .ThenBy(t => t.Account.AccountId, StringComparer.Ordinal)
            .ToArray();
    }

    private static (SequenceTouch[] Touches, int PerWeek, int Overflow) Sequence(
        IReadOnlyList<PortfolioAccount> portfolio, IReadOnlyList<Transition> transitions, PlanOptions options, string symbol)
    {
        var handover = transitions.Where(t => t.Direction == TransitionDirection.Incoming)
            .ToDictionary(t => t.Account.AccountId, t => t, StringComparer.Ordinal);
        // Tier 1 (Strategic) first, largest potential first; Tier 2 (Enterprise) by buying intent.
        var tier1 = portfolio.Where(p => p.Score.Tier == Tier.Strategic)
            .OrderByDescending(p => p.Score.PotentialArr).ThenBy(p => p.Account.AccountId, StringComparer.Ordinal);
        var tier2 = portfolio.Where(p => p.Score.Tier == Tier.Enterprise)
            .OrderByDescending(p => p.Account.IntentScore ?? -1).ThenByDescending(p => p.Score.PotentialArr)
            .ThenBy(p => p.Account.AccountId, StringComparer.Ordinal);
        var ordered = tier1.Concat(tier2).ToArray();
        int weeks = options.SequenceWeeks;
        int perWeek = Math.Clamp((ordered.Length + weeks - 1) / weeks, 1, options.MaxFirstTouchesPerWeek);
        int capacity = checked(perWeek * weeks);
        var touches = new List<SequenceTouch>(Math.Min(ordered.Length, capacity));
        for (int i = 0; i < ordered.Length && i < capacity; i++)
        {
            var p = ordered[i];
            touches.Add(new SequenceTouch(i / perWeek + 1, p.Account.AccountId, p.Account.Name, p.Score.Tier, p.Account.IntentScore,
                TouchAction(p, handover.GetValueOrDefault(p.Account.AccountId), symbol)));
        }

        return (touches.ToArray(), perWeek, Math.Max(0, ordered.Length - capacity));
    }

    private static string TouchAction(PortfolioAccount p, Transition? handover, string symbol)
    {
        string lead = handover is null ? ""
            : handover.FromName is { } from ? $"Hand-over meeting with {from}, then " : "Take over (unassigned until now), then ";
        string Lower(string s) => lead.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
        string action = (p.Score.Tier, p.Score.Status) switch
        {
            (Tier.Strategic, AccountStatus.ActiveCustomer) => $"Executive business review: {Format.Money(p.Headroom, symbol)} expansion headroom",
            (Tier.Strategic, AccountStatus.ActiveProspect) => $"Executive first touch on the open pipeline ({Format.Money(p.OpenPipeline, symbol)})",
            (Tier.Strategic, _) => $"Executive first touch: ICP fit {p.Score.IcpFit}/5, potential {Format.Money(p.Score.PotentialArr, symbol)}",
            (_, AccountStatus.ActiveCustomer) => $"Expansion call: {Format.Money(p.Headroom, symbol)} headroom",
            (_, AccountStatus.ActiveProspect) => $"Advance the open pipeline ({Format.Money(p.OpenPipeline, symbol)})",
            _ => p.Account.IntentScore is { } intent
                ? $"Intent-led outreach (intent {Format.Number(intent)})"
                : "Outreach (no intent signal yet)",
        };
        return lead + Lower(action);
    }

    private static string[] Hypothesis(TerritoryPlan plan)
    {
        var t = plan.Totals;
        string s = plan.CurrencySymbol;
        string name = plan.Rep.Name;
        if (t.Accounts == 0)
        {
            return [$"{name} owns no accounts under the {plan.Basis}; there is no territory to plan yet."];
        }

        var sentences = new List<string>
        {
            $"{name}'s territory holds {Format.Plural(t.Accounts, "account")} with {Format.Money(t.Potential, s)} of estimated potential ARR, "
            + $"ranked {plan.Band.Rank} of {plan.Band.Territories} territories (team median {Format.Money(plan.Band.Median, s)}, "
            + $"{(plan.Band.DeviationFromMedian >= 0 ? "+" : "")}{Format.Percent(plan.Band.DeviationFromMedian)} against it).",
        };

        var ind = plan.Industries;
        var top = ind[0];
        string industryLine = $"{top.Label} is the largest industry with {Format.Percent(top.Fraction)} of potential ({Format.Plural(top.Accounts, "account")})";
        if (ind.Count > 1)
        {
            industryLine += ", followed by " + Format.List(ind.Skip(1).Take(2).Select(i => $"{i.Label} ({Format.Percent(i.Fraction)})").ToArray());
        }

        sentences.Add(industryLine + ".");

        int topCount = Math.Max(1, (int)Math.Ceiling(t.Accounts * 0.1));
        double topShare = t.Potential <= 0 ? 0 : plan.Portfolio.Select(p => p.Score.PotentialArr).OrderDescending().Take(topCount).Sum() / t.Potential;
        sentences.Add(topCount == 1
            ? $"The largest account ({Format.Percent(1.0 / t.Accounts)} of the book) holds {Format.Percent(topShare)} of its potential."
            : $"The top {Format.Plural(topCount, "account")} ({Format.Percent((double)topCount / t.Accounts)} of the book) hold {Format.Percent(topShare)} of its potential.");

        var g = plan.Geography;
        if (g.LocalShare is { } local && g.MedianDistanceKm is { } median)
        {
            string regions = g.Regions.Count == 0 ? "" : "; the largest regions are " + Format.List(g.Regions.Take(2).Select(r => $"{r.Label} ({Format.Plural(r.Accounts, "account")})").ToArray());
            sentences.Add($"{Format.Percent(local)} of the {Format.Plural(g.Located, "located account")} lie within {Format.Number(g.LocalRadiusKm)} km of {name}'s home base (median distance {Format.Number(median)} km){regions}.");
        }
        else if (g.Regions.Count > 0)
        {
            sentences.Add($"The largest regions are {Format.List(g.Regions.Take(2).Select(r => $"{r.Label} ({Format.Plural(r.Accounts, "account")})").ToArray())}.");
        }

        sentences.Add($"Current ARR is {Format.Money(t.CurrentArr, s)}, {Format.Percent(t.Penetration)} of potential: {Format.Plural(t.Customers, "customer")}, "
            + $"{Format.Plural(t.ActiveProspects, "prospect")} with open opportunities ({Format.Money(t.OpenPipeline, s)} open pipeline) and {Format.Plural(t.ColdProspects, "cold prospect")}.");

        string motion = t.Penetration < 0.2 ? $"a new-logo territory: {Format.Percent(1 - t.Penetration)} of the potential is not yet captured"
            : t.Penetration >= 0.5 ? $"an expansion territory: customers already hold {Format.Percent(t.Penetration)} of the potential"
            : "a land-and-expand territory with room in both existing customers and new logos";
        string focus = top.Fraction >= 0.4
            ? $"a {top.Label} vertical play where use cases and references carry from one account to the next"
            : ind.Count > 1 ? $"a multi-industry book led by {top.Label} and {ind[1].Label}" : $"a single-industry book in {top.Label}";
        string reach = g.LocalShare is { } l
            ? l >= 0.6 ? "compact enough for in-person coverage" : "spread out, so travel should follow the Tier 1 accounts"
            : "without enough locations to judge travel";
        sentences.Add($"Hypothesis: this is {motion}; {focus}; {reach}.");
        return sentences.ToArray();
    }
}
