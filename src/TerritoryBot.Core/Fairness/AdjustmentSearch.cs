using TerritoryBot.Core.Model;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Fairness;

/// <summary>
/// Greedy search for few account moves that bring every territory inside mean × (1 ± tolerance), in the
/// order a manager would accept them: moves between neighbouring territories first (the account is
/// within the neighbourhood radius of the receiver's base), then swaps and two-step chains (A→B, B→C)
/// inside that radius, then the same at twice the radius, and only then far moves. Within a ring each
/// step takes the move with the largest preference-weighted reduction of the total band violation
/// Σ_dims Σ_r max(0, |v_r − mean| − tol·mean) / mean (potential, and workload when asked); no step may
/// push any territory beyond the worst deviation the plan started with, so the worst deviation never
/// widens. A pruning pass then undoes moves that turned out unnecessary.
/// Candidates are found by binary search in per (holder, receiver) lists sorted by potential (and by
/// workload), holding only the holder's accounts within the ring's radius of the receiver, so a step
/// costs O(pairs × log accounts), not O(accounts × reps).
/// </summary>
internal sealed class AdjustmentSearch
{
    private const int Candidates = 4;
    private const int SwapPairs = 200;
    private const int ChainPairs = 24;
    private const double Eps = 1e-9;

    /// <summary>Instances with at most this many assignments of their movable accounts within a ring are solved exactly (a few ms).</summary>
    private const double ExactLimit = 300_000;

    /// <summary>Beyond this radius the rings stop doubling and the last ring takes everything (half of Earth's circumference).</summary>
    private const double MaxRingKm = 20_000;

    /// <summary>
    /// Weight of the squared relative deviation beside the band violation. Small enough that a move which
    /// cuts the violation always wins, large enough that, when no move within the ring reaches the
    /// territories outside the band, potential still flows downhill between neighbours (a chain of any
    /// length, built one neighbour move at a time); moves that turn out not to help are pruned.
    /// </summary>
    private const double Diffusion = 0.05;

    private readonly Book book;
    private readonly FairnessOptions options;
    private readonly bool[] movable;
    private readonly int n;
    private readonly int pool;
    private readonly double tol;
    private readonly bool balanceWork;
    private readonly double[] pot;
    private readonly double[] work;
    private readonly double[] workOf;
    private double totalPot;
    private double totalWork;
    private readonly int[] owner;
    private readonly int[] original;
    private readonly double[] quality;
    private readonly HashSet<string>[] strengths;
    private readonly int[] lastStep;
    private readonly int[] partner;
    private readonly MoveKind[] kind;
    private readonly int[] version;
    private readonly (double X, double Y, double Z)[] accountXyz;
    private readonly (double X, double Y, double Z)[] baseXyz;
    private readonly bool[] baseIsCentre;
    private readonly PriorityQueue<Candidate, double> heap = new();
    private readonly double capPot;
    private readonly double capWork;

    // Candidate lists of the current ring: [holder * n + receiver], holder n = the unassigned pool.
    private List<Entry>?[] byPot;
    private List<Entry>?[]? byWork;
    private int[][]? near;
    private double radius = double.PositiveInfinity;
    private double diffusion;
    private int steps;

    public AdjustmentSearch(Book book, bool[] movable, FairnessOptions options)
    {
        this.book = book;
        this.options = options;
        this.movable = movable;
        n = book.RepCount;
        pool = n;
        version = new int[n + 1];
        balanceWork = options.BalanceWorkload;
        // A hair stricter than the reported band so floating-point noise cannot leave a territory a
        // billionth of a percent outside after the moves are re-applied.
        tol = options.TolerancePct / 100 * (1 - 1e-9);
        owner = (int[])book.Owner.Clone();
        original = book.Owner;
        pot = new double[n];
        work = new double[n];
        workOf = new double[owner.Length];
        quality = new double[owner.Length];
        lastStep = new int[owner.Length];
        partner = new int[owner.Length];
        kind = new MoveKind[owner.Length];
        Array.Fill(partner, -1);
        var accounts = book.Data.Accounts;
        for (int i = 0; i < owner.Length; i++)
        {
            workOf[i] = options.Workload.Of(book.Scores[i]);
            int o = owner[i];
            if (o >= 0)
            {
                pot[o] += book.Potential[i];
                work[o] += workOf[i];
                totalPot += book.Potential[i];
                totalWork += workOf[i];
            }

            bool notes = !string.IsNullOrWhiteSpace(accounts[i].RelationshipNotes);
            bool open = book.OpenPipeline[i] > 0;
            quality[i] = (open ? 0.5 : 1) * (notes ? 0.8 : 1) * (accounts[i].IsCustomer ? 0.9 : 1);
        }

        accountXyz = accounts.Select(a => Xyz(a.Location)).ToArray();
        (baseXyz, baseIsCentre) = Bases();
        strengths = book.Reps
            .Select(r => r.IndustryStrengths.Select(s => s.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase))
            .ToArray();
        ReferenceKm = Reference();
        NeighbourhoodKm = options.NeighbourhoodKm is > 0 and { } km ? km : ReferenceKm;
        // No territory may end farther from the mean than the worst one started: fixes never widen the worst deviation.
        capPot = MaxDev(pot, totalPot / n);
        capWork = MaxDev(work, totalWork / n);
        byPot = [];
    }

    /// <summary>Final owner per account after the search (−1 unassigned).</summary>
    public IReadOnlyList<int> Owner => owner;

    public bool HitMoveLimit { get; private set; }

    /// <summary>Median km from every owned account with a location to its owner's base; NaN when nothing is known.</summary>
    public double ReferenceKm { get; }

    /// <summary>Radius of the first ring: accounts within it of a receiver's base are neighbours of that territory.</summary>
    public double NeighbourhoodKm { get; }

    /// <summary>Runs the search; returns the changed accounts in the order they should be applied.</summary>
    public List<int> Run(int maxMoves)
    {
        // Rings double from the neighbourhood radius, so a move that must go far still goes no farther than it has to.
        var rings = new List<double>();
        if (double.IsFinite(NeighbourhoodKm) && NeighbourhoodKm > 0)
        {
            for (double ring = NeighbourhoodKm; ring < MaxRingKm; ring *= 2)
            {
                rings.Add(ring);
            }
        }

        rings.Add(double.PositiveInfinity);
        if (!Done() && Exact(rings, maxMoves))
        {
            return Changed();
        }

        foreach (double ring in rings)
        {
            SetRing(ring);
            while (!Done() && !HitMoveLimit)
            {
                Greedy(maxMoves);
                if (Done() || HitMoveLimit)
                {
                    break;
                }

                if (!TrySwap(maxMoves) && !TryChain(maxMoves))
                {
                    break;
                }
            }

            if (Done() || HitMoveLimit)
            {
                break;
            }
        }

        Prune();
        return Changed();
    }

    private List<int> Changed()
    {
        var changed = new List<int>();
        for (int i = 0; i < owner.Length; i++)
        {
            if (owner[i] != original[i])
            {
                changed.Add(i);
            }
        }

        changed.Sort((a, b) => lastStep[a] != lastStep[b] ? lastStep[a].CompareTo(lastStep[b]) : a.CompareTo(b));
        return changed;
    }

    private bool Done() => TotalViolation() <= Eps;

    /// <summary>
    /// Small instances (at most <see cref="ExactLimit"/> combinations in a ring) are solved exactly, ring by
    /// ring: the fix with the fewest moves, then the fewest km, among all that keep every move within the
    /// ring. So when a fix within the neighbourhood exists, this finds one; the greedy cannot promise that.
    /// </summary>
    private bool Exact(List<double> rings, int maxMoves)
    {
        var accounts = new List<int>();
        for (int i = 0; i < owner.Length; i++)
        {
            if (movable[i] && owner[i] != Book.HeldOutside)
            {
                accounts.Add(i);
            }
        }

        foreach (double ring in rings)
        {
            var choices = new int[accounts.Count][];
            double combos = 1;
            for (int k = 0; k < accounts.Count; k++)
            {
                int i = accounts[k];
                var list = new List<int> { owner[i] };
                if (owner[i] >= 0 || options.AssignUnassigned)
                {
                    for (int r = 0; r < n; r++)
                    {
                        double km = Km(i, r);
                        if (r != owner[i] && (double.IsNaN(km) || km <= ring))
                        {
                            list.Add(r);
                        }
                    }
                }

                choices[k] = [.. list];
                combos *= list.Count;
            }

            if (combos > ExactLimit)
            {
                return false;
            }

            var best = ExactSearch(accounts, choices, maxMoves);
            if (best is not null)
            {
                var moved = Enumerable.Range(0, accounts.Count).Where(k => best[k] != owner[accounts[k]])
                    .Select(k => (I: accounts[k], From: owner[accounts[k]], To: best[k])).ToList();
                // Name the shapes a manager recognises: two accounts trading places, or A→B followed by B→C.
                var done = new HashSet<int>();
                foreach (var a in moved)
                {
                    if (done.Contains(a.I))
                    {
                        continue;
                    }

                    var swap = moved.FirstOrDefault(b => !done.Contains(b.I) && b.I != a.I && b.From == a.To && b.To == a.From && a.From >= 0);
                    var chain = moved.FirstOrDefault(b => !done.Contains(b.I) && b.I != a.I && b.From == a.To && b.To != a.From && a.From >= 0);
                    var mate = swap.To != swap.From ? swap : chain;
                    if (mate.To != mate.From)
                    {
                        var how = swap.To != swap.From ? MoveKind.Swap : MoveKind.Chain;
                        partner[a.I] = mate.I;
                        partner[mate.I] = a.I;
                        Apply(a.I, a.To, (int)how);
                        Apply(mate.I, mate.To, (int)how);
                        done.Add(a.I);
                        done.Add(mate.I);
                    }
                }

                foreach (var a in moved.Where(a => !done.Contains(a.I)))
                {
                    Apply(a.I, a.To, -1);
                }

                return true;
            }
        }

        return false;
    }

    private int[]? ExactSearch(List<int> accounts, int[][] choices, int maxMoves)
    {
        var p = (double[])pot.Clone();
        var w = (double[])work.Clone();
        double tp = totalPot, tw = totalWork;
        var pick = accounts.Select(i => owner[i]).ToArray();
        int[]? best = null;
        int bestMoves = maxMoves + 1;
        double bestKm = double.PositiveInfinity;
        Walk(0, 0, 0);
        return best;

        void Walk(int k, int moves, double km)
        {
            if (moves > bestMoves || (moves == bestMoves && km >= bestKm))
            {
                return;
            }

            if (k == accounts.Count)
            {
                if (Inside(p, tp / n, capPot) && (!balanceWork || Inside(w, tw / n, capWork)))
                {
                    (best, bestMoves, bestKm) = ((int[])pick.Clone(), moves, km);
                }

                return;
            }

            int i = accounts[k], home = owner[i];
            foreach (int c in choices[k])
            {
                Shift(i, home, c, +1);
                pick[k] = c;
                double d = c == home ? 0 : Km(i, c);
                Walk(k + 1, moves + (c == home ? 0 : 1), km + (double.IsNaN(d) ? 0 : d));
                Shift(i, home, c, -1);
            }

            pick[k] = home;
        }

        void Shift(int i, int from, int to, int sign)
        {
            if (from == to)
            {
                return;
            }

            double x = sign * book.Potential[i], y = sign * workOf[i];
            if (from >= 0)
            {
                p[from] -= x;
                w[from] -= y;
            }
            else
            {
                tp += x;
                tw += y;
            }

            if (to >= 0)
            {
                p[to] += x;
                w[to] += y;
            }
            else
            {
                tp -= x;
                tw -= y;
            }
        }

        bool Inside(double[] v, double mean, double cap)
        {
            foreach (double x in v)
            {
                if (V(x, mean) > Eps || (mean > 0 && Math.Abs(x - mean) / mean > cap * (1 + 1e-12) + 1e-12))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Lazy greedy over single moves of the current ring.</summary>
    private void Greedy(int maxMoves)
    {
        // The best move of every holder → receiver pair waits in a max-heap at an upper bound of its gain
        // (the two territories' violations; the whole violation for the pool, whose moves shift the mean).
        // A transfer only changes its two territories, so after a move only the pairs touching them are
        // re-queued; version counters retire stale entries.
        Rebuild();
        bool fresh = true;
        while (true)
        {
            double violation = TotalViolation();
            if (violation <= Eps)
            {
                return;
            }

            if (steps >= maxMoves)
            {
                HitMoveLimit = true;
                return;
            }

            if (!heap.TryDequeue(out var c, out _))
            {
                if (fresh)
                {
                    return;
                }

                Rebuild();
                fresh = true;
                continue;
            }

            if (c.VerD != version[c.D] || c.VerR != version[c.R])
            {
                continue;
            }

            double phi = c.D == pool ? TotalPhi() : 0;
            if (c.Account < 0)
            {
                var (best, bestScore) = Evaluate(c.D, c.R, phi);
                if (best >= 0 && bestScore > Eps)
                {
                    heap.Enqueue(c with { Account = best }, -bestScore);
                }

                continue;
            }

            double score = Score(c.Account, c.D, c.R, phi);
            if (score <= Eps)
            {
                continue;
            }

            if (heap.TryPeek(out _, out double next) && score < -next * (1 - 1e-12))
            {
                heap.Enqueue(c, -score);
                continue;
            }

            Apply(c.Account, c.R, -1);
            fresh = false;
            int d = c.D, r = c.R;
            for (int x = 0; x < n; x++)
            {
                if (x != d && x != r)
                {
                    if (d != pool)
                    {
                        PushPair(d, x);
                        PushPair(x, d);
                    }

                    PushPair(r, x);
                    PushPair(x, r);
                }
            }

            if (d != pool)
            {
                PushPair(d, r);
                PushPair(r, d);
                PushPair(pool, d);
            }

            PushPair(pool, r);
            if (heap.Count > 4 * n * n + 1024)
            {
                Rebuild();
            }
        }
    }

    private void Rebuild()
    {
        heap.Clear();
        for (int d = 0; d <= n; d++)
        {
            for (int r = 0; r < n; r++)
            {
                PushPair(d, r);
            }
        }
    }

    private void PushPair(int d, int r)
    {
        if (d == r || r == pool || Count(d, r) == 0)
        {
            return;
        }

        double bound;
        if (d == pool)
        {
            if (!options.AssignUnassigned)
            {
                return;
            }

            bound = TotalPhi();
        }
        else
        {
            // Moving x from d to r cuts d² + r² (relative deviations) by at most (d − r)² / 2.
            double mp = totalPot / n, a = (pot[d] - pot[r]) / mp;
            bound = Violation(d) + Violation(r) + diffusion * a * a / 2;
            if (balanceWork)
            {
                double mw = totalWork / n, b = (work[d] - work[r]) / mw;
                bound += diffusion * b * b / 2;
            }
        }

        if (bound > Eps)
        {
            heap.Enqueue(new Candidate(d, r, -1, version[d], version[r]), -bound);
        }
    }

    private int Count(int d, int r) => Pot(d, r)?.Count ?? 0;

    // In the unbounded ring every receiver sees all of the holder's accounts: one list per holder.
    private List<Entry>? Pot(int d, int r) => byPot[near is null ? d : d * n + r];

    private List<Entry>? Work(int d, int r) => byWork?[near is null ? d : d * n + r];

    /// <summary>The best single move from <paramref name="d"/> to <paramref name="r"/>: candidates near the ideal transfer sizes.</summary>
    private (int Account, double Score) Evaluate(int d, int r, double violation)
    {
        int best = -1;
        double bestScore = 0;
        foreach (int i in CandidatesFor(d, r))
        {
            double score = Score(i, d, r, violation);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return (best, bestScore);
    }

    private IEnumerable<int> CandidatesFor(int d, int r)
    {
        if (d == pool)
        {
            double target = n > 1 ? (totalPot / n - pot[r]) * n / (n - 1) : totalPot / n;
            foreach (int i in Near(Pot(d, r), target))
            {
                yield return i;
            }

            if (balanceWork)
            {
                double wt = n > 1 ? (totalWork / n - work[r]) * n / (n - 1) : totalWork / n;
                foreach (int i in Near(Work(d, r), wt))
                {
                    yield return i;
                }
            }

            yield break;
        }

        var (lo, hi) = Plateau(pot[d], pot[r], totalPot / n);
        if (hi > 0)
        {
            foreach (int i in Near(Pot(d, r), (Math.Max(lo, 0) + hi) / 2))
            {
                yield return i;
            }
        }

        if (diffusion > 0 && pot[d] > pot[r])
        {
            // The size that evens the two out best: what a downhill neighbour move aims at.
            foreach (int i in Near(Pot(d, r), (pot[d] - pot[r]) / 2))
            {
                yield return i;
            }
        }

        if (balanceWork)
        {
            var (wlo, whi) = Plateau(work[d], work[r], totalWork / n);
            if (whi > 0)
            {
                foreach (int i in Near(Work(d, r), (Math.Max(wlo, 0) + whi) / 2))
                {
                    yield return i;
                }
            }
        }
    }

    /// <summary>Exact preference-weighted gain of moving account i from d (rep or pool) to r; 0 when it would widen the worst deviation.</summary>
    private double Score(int i, int d, int r, double violation)
    {
        double gain;
        if (d == pool)
        {
            gain = AssignGain(r, book.Potential[i], workOf[i], violation);
        }
        else
        {
            gain = TransferGain(d, r, book.Potential[i], workOf[i]);
            if (gain > 0 && !InCap(d, r, book.Potential[i], workOf[i]))
            {
                return 0;
            }
        }

        return gain > 0 ? gain * quality[i] * Fit(i, r) : 0;
    }

    public int Partner(int account) => partner[account] >= 0 && owner[partner[account]] != original[partner[account]] ? partner[account] : -1;

    /// <summary>How the account's move was found; a swap or chain whose other half was pruned counts as a single move.</summary>
    public MoveKind KindOf(int account)
    {
        if (kind[account] is MoveKind.Swap or MoveKind.Chain && Partner(account) >= 0)
        {
            return kind[account];
        }

        return Distance(account, owner[account]) is { } km && double.IsFinite(NeighbourhoodKm) && km > 2 * NeighbourhoodKm ? MoveKind.Far : MoveKind.Neighbour;
    }

    public bool InStrengths(int account, int rep) => strengths[rep].Contains(book.Data.Accounts[account].Industry.Trim());

    public bool HasStrengths(int rep) => strengths[rep].Count > 0;

    /// <summary>True when the rep has no home recorded and distances are measured to their territory's centre.</summary>
    public bool BaseIsCentre(int rep) => baseIsCentre[rep];

    /// <summary>Great-circle km from the account to the rep's base (home, else territory centre); null when either is unknown.</summary>
    public double? Distance(int account, int rep)
    {
        if (rep < 0)
        {
            return null;
        }

        double km = Km(account, rep);
        return double.IsNaN(km) ? null : km;
    }

    private double Km(int i, int r)
    {
        var a = accountXyz[i];
        var b = baseXyz[r];
        if (double.IsNaN(a.X) || double.IsNaN(b.X))
        {
            return double.NaN;
        }

        double dx = a.X - b.X, dy = a.Y - b.Y, dz = a.Z - b.Z;
        double chord = Math.Sqrt(dx * dx + dy * dy + dz * dz);
        return 2 * GeoPoint.EarthRadiusKm * Math.Asin(Math.Min(1, chord / (2 * GeoPoint.EarthRadiusKm)));
    }

    /// <summary>Home when recorded, else the potential-weighted centre of the rep's accounts in the plan assessed.</summary>
    private ((double X, double Y, double Z)[] Xyz, bool[] IsCentre) Bases()
    {
        var xyz = book.Reps.Select(r => Xyz(r.Home)).ToArray();
        var centre = new bool[n];
        var sum = new (double X, double Y, double Z, double W)[n];
        for (int i = 0; i < owner.Length; i++)
        {
            int o = original[i];
            if (o >= 0 && double.IsNaN(xyz[o].X) && !double.IsNaN(accountXyz[i].X))
            {
                double w = book.Potential[i] + 1e-9;
                var a = accountXyz[i];
                sum[o] = (sum[o].X + a.X * w, sum[o].Y + a.Y * w, sum[o].Z + a.Z * w, sum[o].W + w);
            }
        }

        for (int r = 0; r < n; r++)
        {
            if (double.IsNaN(xyz[r].X) && sum[r].W > 0)
            {
                double len = Math.Sqrt(sum[r].X * sum[r].X + sum[r].Y * sum[r].Y + sum[r].Z * sum[r].Z);
                if (len > 0)
                {
                    double k = GeoPoint.EarthRadiusKm / len;
                    xyz[r] = (sum[r].X * k, sum[r].Y * k, sum[r].Z * k);
                    centre[r] = true;
                }
            }
        }

        return (xyz, centre);
    }

    private double Reference()
    {
        var km = new List<double>();
        for (int i = 0; i < owner.Length; i++)
        {
            if (original[i] >= 0 && Km(i, original[i]) is var d && !double.IsNaN(d))
            {
                km.Add(d);
            }
        }

        return km.Count > 0 ? Distribution.Percentile(km, 0.5) : double.NaN;
    }

    private int Class(int i) => book.OpenPipeline[i] > 0 ? 2
        : !string.IsNullOrWhiteSpace(book.Data.Accounts[i].RelationshipNotes) || book.Data.Accounts[i].IsCustomer ? 1
        : 0;

    private double V(double v, double mean) => mean > 0 ? Math.Max(0, Math.Abs(v - mean) - tol * mean) / mean : 0;

    private double Violation(int r) => V(pot[r], totalPot / n) + (balanceWork ? V(work[r], totalWork / n) : 0);

    private double TotalViolation()
    {
        double s = 0;
        for (int r = 0; r < n; r++)
        {
            s += Violation(r);
        }

        return s;
    }

    private static double MaxDev(double[] v, double mean)
    {
        double m = 0;
        foreach (double x in v)
        {
            m = Math.Max(m, mean > 0 ? Math.Abs(x - mean) / mean : 0);
        }

        return m;
    }

    /// <summary>True when the territories keep within the worst deviation the plan started with (transfers keep the means).</summary>
    private bool InCap(int d, int r, double xp, double xw)
    {
        double mp = totalPot / n, mw = totalWork / n;
        bool ok = Math.Abs(pot[d] - xp - mp) <= capPot * mp * (1 + 1e-12) + 1e-9
            && Math.Abs(pot[r] + xp - mp) <= capPot * mp * (1 + 1e-12) + 1e-9;
        if (ok && balanceWork)
        {
            ok = Math.Abs(work[d] - xw - mw) <= capWork * mw * (1 + 1e-12) + 1e-9
                && Math.Abs(work[r] + xw - mw) <= capWork * mw * (1 + 1e-12) + 1e-9;
        }

        return ok;
    }

    /// <summary>Whole-team check after a change that moves the means (an assignment from the pool, or undoing one).</summary>
    private bool InCapEverywhere()
    {
        bool ok = MaxDev(pot, totalPot / n) <= capPot * (1 + 1e-12) + 1e-12;
        return ok && (!balanceWork || MaxDev(work, totalWork / n) <= capWork * (1 + 1e-12) + 1e-12);
    }

    /// <summary>How well account <paramref name="i"/> suits receiver <paramref name="r"/>: strengths, and distance within the ring.</summary>
    private double Fit(int i, int r)
    {
        double f = strengths[r].Count == 0 ? 0.95 : InStrengths(i, r) ? 1.0 : 0.9;
        double km = Km(i, r);
        if (double.IsNaN(km))
        {
            return f * 0.9;
        }

        double scale = double.IsFinite(radius) ? Math.Max(radius, 1) : 5000;
        double closer = original[i] >= 0 && Km(i, original[i]) is var from && !double.IsNaN(from) && km <= from ? 1.0 : 0.9;
        return f * closer * (1 - 0.5 * Math.Min(1, km / scale));
    }

    private static (double X, double Y, double Z) Xyz(GeoPoint? p) =>
        p is { } g ? g.ToCartesian(GeoPoint.EarthRadiusKm) : (double.NaN, double.NaN, double.NaN);

    private double TransferGain(int d, int r, double xp, double xw)
    {
        double mp = totalPot / n;
        double g = Phi(pot[d], mp) + Phi(pot[r], mp) - Phi(pot[d] - xp, mp) - Phi(pot[r] + xp, mp);
        if (balanceWork)
        {
            double mw = totalWork / n;
            g += Phi(work[d], mw) + Phi(work[r], mw) - Phi(work[d] - xw, mw) - Phi(work[r] + xw, mw);
        }

        return g;
    }

    /// <summary>The search's objective per territory and dimension: band violation plus a little squared deviation.</summary>
    private double Phi(double v, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        double dev = (v - mean) / mean;
        return V(v, mean) + diffusion * dev * dev;
    }

    private double TotalPhi()
    {
        double s = 0, mp = totalPot / n, mw = totalWork / n;
        for (int r = 0; r < n; r++)
        {
            s += Phi(pot[r], mp) + (balanceWork ? Phi(work[r], mw) : 0);
        }

        return s;
    }

    /// <summary>Gain of handing an unassigned account to r: the means move too, so every territory is re-evaluated; 0 when a territory would pass the cap.</summary>
    private double AssignGain(int r, double xp, double xw, double current)
    {
        double mp = (totalPot + xp) / n, mw = (totalWork + xw) / n;
        double s = 0, worstP = 0, worstW = 0;
        for (int q = 0; q < n; q++)
        {
            double p = q == r ? pot[q] + xp : pot[q];
            s += Phi(p, mp);
            worstP = Math.Max(worstP, mp > 0 ? Math.Abs(p - mp) / mp : 0);
            if (balanceWork)
            {
                double w = q == r ? work[q] + xw : work[q];
                s += Phi(w, mw);
                worstW = Math.Max(worstW, mw > 0 ? Math.Abs(w - mw) / mw : 0);
            }
        }

        if (worstP > capPot * (1 + 1e-12) + 1e-12 || (balanceWork && worstW > capWork * (1 + 1e-12) + 1e-12))
        {
            return 0;
        }

        return current - s;
    }

    /// <summary>The best swap of the ring between two territories, at least one of them outside the band.</summary>
    private bool TrySwap(int maxMoves)
    {
        if (steps + 2 > maxMoves)
        {
            return false;
        }

        var best = default(Multi);
        int tried = 0;
        foreach (var (d, r) in ViolatedPairs())
        {
            if (++tried > SwapPairs)
            {
                break;
            }

            var (lo, hi) = Plateau(pot[d], pot[r], totalPot / n);
            double net = hi > 0 ? (Math.Max(lo, 0) + hi) / 2 : 0;
            foreach (int a in Above(Pot(d, r), net, Candidates * 2))
            {
                double back = book.Potential[a] - net;
                foreach (int b in Near(Pot(r, d), back))
                {
                    double xp = book.Potential[a] - book.Potential[b], xw = workOf[a] - workOf[b];
                    double gain = TransferGain(d, r, xp, xw);
                    if (gain <= Eps || !InCap(d, r, xp, xw))
                    {
                        continue;
                    }

                    double score = gain * quality[a] * Fit(a, r) * quality[b] * Fit(b, d) / 2;
                    if (score > best.Score)
                    {
                        best = new Multi(a, b, r, d, score);
                    }
                }
            }
        }

        if (best.Score <= Eps)
        {
            return false;
        }

        partner[best.A] = best.B;
        partner[best.B] = best.A;
        Apply(best.A, best.ToA, (int)MoveKind.Swap);
        Apply(best.B, best.ToB, (int)MoveKind.Swap);
        return true;
    }

    /// <summary>
    /// The best two-step chain of the ring: a from d to b and another account from b to c, for a pair
    /// (d, c) outside the band that no single move or swap within the ring connects.
    /// </summary>
    private bool TryChain(int maxMoves)
    {
        if (steps + 2 > maxMoves)
        {
            return false;
        }

        var best = default(Multi);
        int tried = 0;
        double mp = totalPot / n;
        foreach (var (d, c) in ViolatedPairs())
        {
            if (++tried > ChainPairs)
            {
                break;
            }

            var (lo, hi) = Plateau(pot[d], pot[c], mp);
            if (hi <= 0)
            {
                continue;
            }

            double mid = (Math.Max(lo, 0) + hi) / 2;
            for (int via = 0; via < n; via++)
            {
                if (via == d || via == c || Count(d, via) == 0 || Count(via, c) == 0)
                {
                    continue;
                }

                foreach (int a in Near(Pot(d, via), mid))
                {
                    foreach (int b in Near(Pot(via, c), book.Potential[a]))
                    {
                        double gain = ChainGain(d, via, c, a, b);
                        if (gain <= Eps)
                        {
                            continue;
                        }

                        double score = gain * quality[a] * Fit(a, via) * quality[b] * Fit(b, c) / 2;
                        if (score > best.Score)
                        {
                            best = new Multi(a, b, via, c, score);
                        }
                    }
                }
            }
        }

        if (best.Score <= Eps)
        {
            return false;
        }

        partner[best.A] = best.B;
        partner[best.B] = best.A;
        Apply(best.A, best.ToA, (int)MoveKind.Chain);
        Apply(best.B, best.ToB, (int)MoveKind.Chain);
        return true;
    }

    private double ChainGain(int d, int via, int c, int a, int b)
    {
        double pa = book.Potential[a], pb = book.Potential[b], wa = workOf[a], wb = workOf[b];
        double mp = totalPot / n, mw = totalWork / n;
        double before = V(pot[d], mp) + V(pot[via], mp) + V(pot[c], mp);
        double pd = pot[d] - pa, pv = pot[via] + pa - pb, pc = pot[c] + pb;
        double after = V(pd, mp) + V(pv, mp) + V(pc, mp);
        double cap = capPot * mp * (1 + 1e-12) + 1e-9;
        if (Math.Abs(pd - mp) > cap || Math.Abs(pv - mp) > cap || Math.Abs(pc - mp) > cap)
        {
            return 0;
        }

        if (balanceWork)
        {
            double wd = work[d] - wa, wv = work[via] + wa - wb, wc = work[c] + wb;
            before += V(work[d], mw) + V(work[via], mw) + V(work[c], mw);
            after += V(wd, mw) + V(wv, mw) + V(wc, mw);
            double capW = capWork * mw * (1 + 1e-12) + 1e-9;
            if (Math.Abs(wd - mw) > capW || Math.Abs(wv - mw) > capW || Math.Abs(wc - mw) > capW)
            {
                return 0;
            }
        }

        return before - after;
    }

    /// <summary>Giver → receiver pairs with at least one territory outside the band, largest combined violation first.</summary>
    private List<(int D, int R)> ViolatedPairs()
    {
        var v = new double[n];
        for (int r = 0; r < n; r++)
        {
            v[r] = Violation(r);
        }

        double mp = totalPot / n, mw = totalWork / n;
        var pairs = new List<(int D, int R, double Bound)>();
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                if (a == b || (v[a] <= 0 && v[b] <= 0))
                {
                    continue;
                }

                // a gives to b when a holds more of a dimension that is out of the band.
                bool gives = pot[a] > pot[b] && (V(pot[a], mp) > 0 || V(pot[b], mp) > 0)
                    || (balanceWork && work[a] > work[b] && (V(work[a], mw) > 0 || V(work[b], mw) > 0));
                if (gives)
                {
                    pairs.Add((a, b, v[a] + v[b]));
                }
            }
        }

        pairs.Sort((x, y) => y.Bound != x.Bound ? y.Bound.CompareTo(x.Bound) : x.D != y.D ? x.D.CompareTo(y.D) : x.R.CompareTo(y.R));
        return pairs.Select(p => (p.D, p.R)).ToList();
    }

    /// <summary>
    /// Transfer sizes x that minimise violation(giver after x) + violation(receiver after x): each term is
    /// zero on [e − T, e + T] around its surplus or deficit e, so the sum is minimal between
    /// min(e_d, e_r) + T and max(e_d, e_r) − T (whichever way round they fall).
    /// </summary>
    private (double Lo, double Hi) Plateau(double vd, double vr, double mean)
    {
        double t = tol * mean;
        double ed = vd - mean, er = mean - vr;
        double a = Math.Min(ed, er) + t, b = Math.Max(ed, er) - t;
        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>Up to <see cref="Candidates"/> accounts each side of <paramref name="target"/>.</summary>
    private static IEnumerable<int> Near(List<Entry>? list, double target)
    {
        if (list is null || list.Count == 0)
        {
            yield break;
        }

        int at = LowerBound(list, target);
        for (int k = at; k < list.Count && k < at + Candidates; k++)
        {
            yield return list[k].Index;
        }

        for (int k = at - 1; k >= 0 && k >= at - Candidates; k--)
        {
            yield return list[k].Index;
        }
    }

    private static IEnumerable<int> Above(List<Entry>? list, double target, int count)
    {
        if (list is null)
        {
            yield break;
        }

        int at = LowerBound(list, target);
        for (int k = at; k < list.Count && k < at + count; k++)
        {
            if (list[k].Key > target)
            {
                yield return list[k].Index;
            }
        }
    }

    private static int LowerBound(List<Entry> list, double key)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Key < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Builds the candidate lists of a ring: each movable account goes into the list of (its holder, r)
    /// for every rep r whose base is within <paramref name="ring"/> km (all reps when either location
    /// is unknown, or for the last, unbounded ring). Preference classes (clean, relationship, open
    /// pipeline) order the sort so the cleanest of equal-potential accounts come first.
    /// </summary>
    private void SetRing(double ring)
    {
        radius = ring;
        // Downhill flow only between neighbours: beyond them it would spread far moves around the map.
        diffusion = ring <= 2 * NeighbourhoodKm * (1 + 1e-9) ? Diffusion : 0;
        bool shared = !double.IsFinite(ring);
        int size = shared ? n + 1 : (n + 1) * n;
        byPot = new List<Entry>?[size];
        byWork = balanceWork ? new List<Entry>?[size] : null;
        near = shared ? null : new int[owner.Length][];
        var reps = new List<int>(n);
        for (int i = 0; i < owner.Length; i++)
        {
            if (!movable[i] || owner[i] == Book.HeldOutside)
            {
                if (near is not null)
                {
                    near[i] = [];
                }

                continue;
            }

            int h = owner[i] < 0 ? pool : owner[i];
            if (near is null)
            {
                Add(h, i);
                continue;
            }

            reps.Clear();
            for (int r = 0; r < n; r++)
            {
                double km = Km(i, r);
                if (double.IsNaN(km) || km <= ring)
                {
                    reps.Add(r);
                }
            }

            near[i] = reps.ToArray();
            foreach (int r in near[i])
            {
                if (r != h)
                {
                    Add(h * n + r, i);
                }
            }
        }

        foreach (var list in byPot)
        {
            list?.Sort();
        }

        if (byWork is not null)
        {
            foreach (var list in byWork)
            {
                list?.Sort();
            }
        }
    }

    private void Add(int slot, int i)
    {
        (byPot[slot] ??= []).Add(new Entry(book.Potential[i], Class(i), i));
        if (byWork is not null)
        {
            (byWork[slot] ??= []).Add(new Entry(workOf[i], Class(i), i));
        }
    }

    private void Apply(int i, int to, int how)
    {
        int from = owner[i];
        int hf = from < 0 ? pool : from, ht = to < 0 ? pool : to;
        var ep = new Entry(book.Potential[i], Class(i), i);
        var ew = new Entry(workOf[i], Class(i), i);
        if (byPot.Length == 0)
        {
            // No ring built yet (the exact search): no candidate lists to maintain.
        }
        else if (near is null)
        {
            Remove(byPot[hf], ep);
            Insert(ref byPot[ht], ep);
            if (byWork is not null)
            {
                Remove(byWork[hf], ew);
                Insert(ref byWork[ht], ew);
            }
        }
        else if (near[i] is { } reps)
        {
            foreach (int r in reps)
            {
                if (r != hf)
                {
                    Remove(byPot[hf * n + r], ep);
                    if (byWork is not null)
                    {
                        Remove(byWork[hf * n + r], ew);
                    }
                }

                if (r != ht)
                {
                    Insert(ref byPot[ht * n + r], ep);
                    if (byWork is not null)
                    {
                        Insert(ref byWork[ht * n + r], ew);
                    }
                }
            }
        }

        if (from >= 0)
        {
            pot[from] -= book.Potential[i];
            work[from] -= workOf[i];
        }
        else
        {
            totalPot += book.Potential[i];
            totalWork += workOf[i];
        }

        if (to >= 0)
        {
            pot[to] += book.Potential[i];
            work[to] += workOf[i];
        }
        else
        {
            totalPot -= book.Potential[i];
            totalWork -= workOf[i];
        }

        owner[i] = to;
        lastStep[i] = ++steps;
        if (how >= 0)
        {
            kind[i] = (MoveKind)how;
        }
        else
        {
            kind[i] = MoveKind.Neighbour;
            partner[i] = -1;
        }

        version[hf]++;
        version[ht]++;
    }

    private static void Remove(List<Entry>? list, Entry e)
    {
        if (list is null)
        {
            return;
        }

        int at = list.BinarySearch(e);
        if (at >= 0)
        {
            list.RemoveAt(at);
        }
    }

    private static void Insert(ref List<Entry>? list, Entry e)
    {
        list ??= [];
        int at = list.BinarySearch(e);
        list.Insert(at < 0 ? ~at : at, e);
    }

    /// <summary>Undoes moves whose reversal neither increases the remaining violation nor widens the worst deviation, smallest first.</summary>
    private void Prune()
    {
        var changed = Enumerable.Range(0, owner.Length).Where(i => owner[i] != original[i])
            .OrderBy(i => book.Potential[i]).ThenBy(i => i).ToList();
        foreach (int i in changed)
        {
            double before = TotalViolation();
            int to = owner[i], step = lastStep[i], mate = partner[i];
            var how = kind[i];
            Apply(i, original[i], (int)how);
            double after = TotalViolation();
            if (after > before + Eps || !InCapEverywhere())
            {
                Apply(i, to, (int)how);
                lastStep[i] = step;
                partner[i] = mate;
            }
        }
    }

    private readonly record struct Entry(double Key, int Class, int Index) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Key != other.Key ? Key.CompareTo(other.Key)
            : Class != other.Class ? Class.CompareTo(other.Class)
            : Index.CompareTo(other.Index);
    }

    private readonly record struct Candidate(int D, int R, int Account, int VerD, int VerR);

    private readonly record struct Multi(int A, int B, int ToA, int ToB, double Score);
}
