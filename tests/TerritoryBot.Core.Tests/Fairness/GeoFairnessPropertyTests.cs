using CsCheck;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Tests.Fairness;

/// <summary>
/// CsCheck properties of the geography-aware adjustments on random small universes (generators shrink
/// to the smallest failing universe): locks, named accounts and protected pipeline never move, no owned
/// account is left unassigned, the worst deviation never widens, and the distance target is met
/// whenever a fix within it exists (checked by brute force).
/// </summary>
public sealed class GeoFairnessPropertyTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>Metro centres a few hundred km apart, so some territories neighbour each other and some do not.</summary>
    private static readonly GeoPoint[] Metros = [new(40.0, -100.0), new(40.5, -98.5), new(38.0, -95.0), new(42.0, -90.0)];

    internal sealed record GenAccount(int Metro, double DLat, double DLon, double Potential, int Owner, bool Named, bool Locked, bool Pipeline,
        bool Notes, Tier Tier, AccountStatus Status);

    internal sealed record Universe(int[] RepMetros, GenAccount[] Accounts, double Tolerance, bool Protect, bool Workload)
    {
        public override string ToString() =>
            $"reps at metros [{string.Join(",", RepMetros)}], tolerance {Tolerance}, protect {Protect}, workload {Workload}, accounts: "
            + string.Join("; ", Accounts.Select((a, i) => $"A{i} m{a.Metro} {a.Potential:0} owner {a.Owner}{(a.Named ? " named" : "")}{(a.Locked ? " locked" : "")}{(a.Pipeline ? " pipeline" : "")}"));

        public (DataSet Data, AccountScore[] Scores, FairnessOptions Options) Build()
        {
            var t = new TestData();
            for (int r = 0; r < RepMetros.Length; r++)
            {
                var m = Metros[RepMetros[r]];
                t.Rep("R" + r, home: new GeoPoint(m.Latitude + 0.01 * r, m.Longitude));
            }

            for (int i = 0; i < Accounts.Length; i++)
            {
                var a = Accounts[i];
                var m = Metros[a.Metro];
                string? owner = a.Owner >= 0 && a.Owner < RepMetros.Length ? "R" + a.Owner : null;
                t.Account("A" + i, owner, a.Potential, named: a.Named && owner is not null, notes: a.Notes ? "met the CFO" : null,
                    at: new GeoPoint(m.Latitude + a.DLat, m.Longitude + a.DLon), tier: a.Tier, status: a.Status);
                if (a.Pipeline && owner is not null)
                {
                    t.Opportunity("A" + i, owner, 10_000);
                }
            }

            var locked = Accounts.Select((a, i) => (a, i)).Where(x => x.a.Locked).Select(x => "A" + x.i).ToHashSet();
            var options = new FairnessOptions { TolerancePct = Tolerance, LockedAccountIds = locked, ProtectPipeline = Protect, BalanceWorkload = Workload };
            return (t.Data, t.Scores.ToArray(), options);
        }
    }

    private static Gen<GenAccount> GenAccountOf(int reps) =>
        from metro in Gen.Int[0, Metros.Length - 1]
        from dlat in Gen.Double[-0.3, 0.3]
        from dlon in Gen.Double[-0.3, 0.3]
        from potential in Gen.Double[1_000, 100_000]
        from owner in Gen.Int[-1, reps - 1]
        from flags in Gen.Int[0, 19]
        from tier in Gen.Enum<Tier>()
        from status in Gen.Enum<AccountStatus>()
        select new GenAccount(metro, dlat, dlon, Math.Round(potential), owner == -1 && flags % 3 != 0 ? 0 : owner, flags == 1, flags == 2, flags is 3 or 4,
            flags == 5, tier, status);

    private static Gen<Universe> GenUniverse(int maxAccounts) =>
        from reps in Gen.Int[2, 4]
        from repMetros in Gen.Int[0, Metros.Length - 1].Array[reps]
        from accounts in GenAccountOf(reps).Array[reps, maxAccounts]
        from tolerance in Gen.Int[0, 3].Select(k => new[] { 5.0, 10, 20, 30 }[k])
        from protect in Gen.Bool
        from workload in Gen.Bool
        select new Universe(repMetros, accounts, tolerance, protect, workload);

    [Fact]
    public void Assess_RandomUniverse_FixesKeepLocksAndOwnersAndNeverWidenTheWorstDeviation()
    {
        GenUniverse(40).Sample(u =>
        {
            var (data, scores, options) = u.Build();
            var report = FairnessEngine.Assess(data, scores, null, AsOf, options);
            var plan = report.Adjustments;
            var accounts = data.Accounts.ToDictionary(a => a.AccountId);
            var open = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
            foreach (var m in plan.Moves)
            {
                var a = accounts[m.AccountId];
                Assert.False(a.NamedAccount, $"{m.AccountId} is named");
                Assert.DoesNotContain(m.AccountId, options.LockedAccountIds!);
                Assert.False(options.ProtectPipeline && open.Contains(m.AccountId), $"{m.AccountId} has protected pipeline");
                // Never left unassigned: every move names a real receiving rep.
                Assert.Contains(data.Reps, r => r.RepId == m.ToRepId);
                Assert.Equal(a.OwnerId ?? "", m.FromRepId);
            }

            Assert.Equal(data.Accounts.Count(a => a.OwnerId is not null) + plan.Moves.Count(m => m.FromRepId.Length == 0),
                plan.TerritoriesAfter.Sum(t => t.AccountCount));
            Assert.True(plan.MaxAbsDeviationAfterPct <= plan.MaxAbsDeviationBeforePct + 1e-7,
                $"potential {plan.MaxAbsDeviationBeforePct} → {plan.MaxAbsDeviationAfterPct}");
            if (options.BalanceWorkload)
            {
                Assert.True(plan.MaxAbsWorkloadDeviationAfterPct <= plan.MaxAbsWorkloadDeviationBeforePct + 1e-7,
                    $"workload {plan.MaxAbsWorkloadDeviationBeforePct} → {plan.MaxAbsWorkloadDeviationAfterPct}");
            }
        }, iter: 400, print: u => u.ToString());
    }

    /// <summary>
    /// "Feasible within the target": with R the median km of every owned account to its owner's home,
    /// some fix exists — every territory inside the tolerance (potential, and workload when balanced),
    /// locks, named accounts and protected pipeline unmoved — in which every moved account ends within R of
    /// its new owner's home. Found by brute force over every such assignment. Whenever one exists, the
    /// engine's fix must be inside the tolerance with median km of moved accounts ≤ R and p90 ≤ 2R. A fix
    /// also never widens the worst deviation of a balanced dimension, as the engine promises.
    /// </summary>
    [Fact]
    public void Assess_SmallRandomUniverse_MeetsTheDistanceTargetWhenAFixWithinItExists()
    {
        int feasible = 0;
        GenUniverse(9).Sample(u =>
        {
            var (data, scores, options) = u.Build();
            double r = ReferenceKm(data);
            if (!FixWithin(data, scores, options, r))
            {
                return;
            }

            Interlocked.Increment(ref feasible);
            var report = FairnessEngine.Assess(data, scores, null, AsOf, options);
            Assert.True(report.Adjustments.WithinTolerance, "the engine found no fix though one within the target exists");
            var km = report.Adjustments.Moves.Select(m => m.DistanceKm!.Value).ToList();
            if (km.Count > 0)
            {
                Assert.True(Distribution.Percentile(km, 0.5) <= r + 1e-6, $"median {Distribution.Percentile(km, 0.5):0} km > R {r:0} km");
                Assert.True(Distribution.Percentile(km, 0.9) <= 2 * r + 1e-6, $"p90 {Distribution.Percentile(km, 0.9):0} km > 2R {2 * r:0} km");
            }
        }, iter: 400, print: u => u.ToString());
        Assert.True(feasible > 20, $"only {feasible} feasible universes were generated; the property was barely exercised");
    }

    internal static double ReferenceKm(DataSet data)
    {
        var homes = data.Reps.ToDictionary(r => r.RepId, r => r.Home!.Value);
        var km = data.Accounts.Where(a => a.OwnerId is not null).Select(a => a.Location!.Value.DistanceKm(homes[a.OwnerId!])).ToList();
        return km.Count > 0 ? Distribution.Percentile(km, 0.5) : double.NaN;
    }

    /// <summary>Brute force: does any assignment that moves accounts only to reps within <paramref name="r"/> km bring every territory inside?</summary>
    internal static bool FixWithin(DataSet data, AccountScore[] scores, FairnessOptions options, double r)
    {
        if (double.IsNaN(r))
        {
            return false;
        }

        var reps = data.Reps.ToArray();
        int n = reps.Length;
        var repIndex = reps.Select((x, i) => (x.RepId, i)).ToDictionary(x => x.RepId, x => x.i);
        var open = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet();
        var accounts = data.Accounts.ToArray();
        var owner = accounts.Select(a => a.OwnerId is { } o ? repIndex[o] : -1).ToArray();
        var choices = new List<int>[accounts.Length];
        for (int i = 0; i < accounts.Length; i++)
        {
            var a = accounts[i];
            choices[i] = [owner[i]];
            bool movable = !a.NamedAccount && !options.LockedAccountIds!.Contains(a.AccountId) && !(options.ProtectPipeline && open.Contains(a.AccountId));
            if (movable)
            {
                for (int k = 0; k < n; k++)
                {
                    if (k != owner[i] && a.Location!.Value.DistanceKm(reps[k].Home!.Value) <= r)
                    {
                        choices[i].Add(k);
                    }
                }
            }
        }

        var pot = new double[n];
        var work = new double[n];
        var assign = (int[])owner.Clone();
        // A fix never widens the worst deviation of a balanced dimension (the engine's promise, checked above).
        Totals(owner);
        double capPot = MaxDev(pot), capWork = MaxDev(work);
        return Search(0);

        void Totals(int[] who)
        {
            Array.Clear(pot);
            Array.Clear(work);
            for (int j = 0; j < accounts.Length; j++)
            {
                if (who[j] >= 0)
                {
                    pot[who[j]] += scores[j].PotentialArr;
                    work[who[j]] += options.Workload.Of(scores[j]);
                }
            }
        }

        static double MaxDev(double[] v)
        {
            double mean = v.Average();
            return mean > 0 ? v.Max(x => Math.Abs(x - mean)) / mean : 0;
        }

        bool Search(int i)
        {
            if (i == accounts.Length)
            {
                Totals(assign);
                return Inside(pot) && MaxDev(pot) <= capPot + 1e-9
                    && (!options.BalanceWorkload || (Inside(work) && MaxDev(work) <= capWork + 1e-9));
            }

            foreach (int c in choices[i])
            {
                assign[i] = c;
                if (Search(i + 1))
                {
                    return true;
                }
            }

            assign[i] = owner[i];
            return false;
        }

        bool Inside(double[] v)
        {
            double mean = v.Average();
            return v.All(x => !FairnessEngine.IsOutlier(FairnessEngine.DeviationPct(x, mean), options.TolerancePct));
        }
    }
}
