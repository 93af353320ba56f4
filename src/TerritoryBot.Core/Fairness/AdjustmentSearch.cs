using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Fairness;

/// <summary>
/// Greedy search for the fewest account moves that bring every territory's potential inside
/// mean × (1 ± tolerance). Each step takes the move with the largest quality-weighted reduction of the
/// total band violation Σ max(0, |p − mean| − tol·mean); when no single move helps, a swap between two
/// territories is tried; a pruning pass then undoes moves that turned out unnecessary.
/// Candidate accounts are found by binary search in per-owner lists sorted by potential, split into
/// preference classes, so a step costs O(pairs × log accounts), not O(accounts × reps).
/// </summary>
internal sealed class AdjustmentSearch
{
    private const int Candidates = 4;
    private const int SwapPairs = 200;
    private const int PoolClass = 3;

    private readonly Book book;
    private readonly int n;
    private readonly int pool;
    private readonly double tol;
    private readonly double[] pot;
    private double total;
    private readonly int[] owner;
    private readonly int[] original;
    private readonly List<Entry>[,] lists;
    private readonly double[] quality;
    private readonly HashSet<string>[] strengths;
    private readonly int[] lastStep;
    private readonly int[] partner;
    private readonly int[] version;
    private readonly (double X, double Y, double Z)[] accountXyz;
    private readonly (double X, double Y, double Z)[] homeXyz;
    private readonly PriorityQueue<Candidate, double> heap = new();
    private readonly FairnessOptions options;
    private int steps;

    public AdjustmentSearch(Book book, bool[] movable, FairnessOptions options)
    {
        this.book = book;
        this.options = options;
        double tolerancePct = options.TolerancePct;
        n = book.RepCount;
        pool = n;
        version = new int[n + 1];
        // A hair stricter than the reported band so floating-point noise cannot leave a territory a
        // billionth of a percent outside after the moves are re-applied.
        tol = tolerancePct / 100 * (1 - 1e-9);
        owner = (int[])book.Owner.Clone();
        original = book.Owner;
        pot = new double[n];
        lists = new List<Entry>[n + 1, PoolClass];
        for (int r = 0; r <= n; r++)
        {
            for (int c = 0; c < PoolClass; c++)
            {
                lists[r, c] = [];
            }
        }

        quality = new double[owner.Length];
        lastStep = new int[owner.Length];
        partner = new int[owner.Length];
        Array.Fill(partner, -1);
        var accounts = book.Data.Accounts;
        for (int i = 0; i < owner.Length; i++)
        {
            int o = owner[i];
            if (o >= 0)
            {
                pot[o] += book.Potential[i];
                total += book.Potential[i];
            }

            bool notes = !string.IsNullOrWhiteSpace(accounts[i].RelationshipNotes);
            bool open = book.OpenPipeline[i] > 0;
            quality[i] = (open ? 0.5 : 1) * (notes ? 0.8 : 1) * (accounts[i].IsCustomer ? 0.9 : 1);
            if (movable[i] && o != Book.HeldOutside)
            {
                lists[o < 0 ? pool : o, Class(i)].Add(new Entry(book.Potential[i], i));
            }
        }

        foreach (var list in lists)
        {
            list.Sort();
        }

        accountXyz = accounts.Select(a => Xyz(a.Location)).ToArray();
        homeXyz = book.Reps.Select(r => Xyz(r.Home)).ToArray();
        strengths = book.Reps
            .Select(r => r.IndustryStrengths.Select(s => s.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase))
            .ToArray();
    }

    /// <summary>Final owner per account after the search (−1 unassigned).</summary>
    public IReadOnlyList<int> Owner => owner;

    public bool HitMoveLimit { get; private set; }

    /// <summary>Runs the search; returns the changed accounts in the order they should be applied.</summary>
    public List<int> Run(int maxMoves)
    {
        // Lazy greedy: the best move of every donor → receiver pair waits in a max-heap. A transfer only
        // changes its two territories (the mean stays put), so after a move only the pairs touching them
        // are re-evaluated; entries of other pairs stay valid and are re-scored exactly when popped
        // (an assignment from the pool shifts the mean). When the heap runs dry it is rebuilt once from
        // scratch, then a swap is tried, before the search gives up.
        double mean = total / n;
        Rebuild(mean);
        bool freshHeap = true;
        while (true)
        {
            mean = total / n;
            double eps = 1e-9 * Math.Max(mean, 1);
            double violation = TotalViolation(mean);
            if (violation <= eps)
            {
                break;
            }

            if (steps >= maxMoves)
            {
                HitMoveLimit = true;
                break;
            }

            if (!heap.TryDequeue(out var c, out _))
            {
                if (!freshHeap)
                {
                    Rebuild(mean);
                    freshHeap = true;
                    continue;
                }

                var swap = BestSwap(mean);
                if (swap.Score > eps && steps + 2 <= maxMoves)
                {
                    partner[swap.A] = swap.B;
                    partner[swap.B] = swap.A;
                    Apply(swap.A, swap.R);
                    Apply(swap.B, swap.D);
                    Rebuild(total / n);
                    continue;
                }

                break;
            }

            if (c.VerD != version[c.D] || c.VerR != version[c.R])
            {
                // Superseded: fresh entries for this pair were pushed when either side changed.
                continue;
            }

            if (c.Account < 0)
            {
                // A pair queued at its upper bound has reached the top: find its actual best move.
                var (best, bestScore) = Evaluate(c.D, c.R, mean, violation);
                if (best >= 0 && bestScore > eps)
                {
                    heap.Enqueue(c with { Account = best }, -bestScore);
                }

                continue;
            }

            double score = Score(c.Account, c.D, c.R, mean, violation);
            if (score <= eps)
            {
                continue;
            }

            if (heap.TryPeek(out _, out double next) && score < -next * (1 - 1e-12))
            {
                heap.Enqueue(c, -score);
                continue;
            }

            Apply(c.Account, c.R);
            freshHeap = false;
            mean = total / n;
            int d = c.D, r = c.R;
            for (int x = 0; x < n; x++)
            {
                if (x != d && x != r)
                {
                    if (d != pool)
                    {
                        PushPair(d, x, mean);
                        PushPair(x, d, mean);
                    }

                    PushPair(r, x, mean);
                    PushPair(x, r, mean);
                }
            }

            if (d != pool)
            {
                PushPair(d, r, mean);
                PushPair(r, d, mean);
                PushPair(pool, d, mean);
            }

            PushPair(pool, r, mean);
            if (heap.Count > 4 * n * n + 1024)
            {
                Rebuild(mean);
            }
        }

        Prune();
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

    private void Rebuild(double mean)
    {
        heap.Clear();
        for (int d = 0; d <= n; d++)
        {
            for (int r = 0; r < n; r++)
            {
                PushPair(d, r, mean);
            }
        }
    }

    /// <summary>
    /// Queues the pair from <paramref name="d"/> (a rep or the pool) to rep <paramref name="r"/> at an upper
    /// bound of what any move between them can gain — the two territories' current violations (the whole
    /// violation for the pool, whose moves shift the mean) — so only pairs that reach the top of the heap
    /// are ever evaluated.
    /// </summary>
    private void PushPair(int d, int r, double mean)
    {
        if (d == r || r == pool)
        {
            return;
        }

        double bound;
        if (d == pool)
        {
            if (!options.AssignUnassigned || pot[r] >= mean || !HasAny(pool))
            {
                return;
            }

            bound = TotalViolation(mean);
        }
        else
        {
            if (pot[d] <= pot[r] || !HasAny(d))
            {
                return;
            }

            bound = Violation(pot[d], mean) + Violation(pot[r], mean);
        }

        if (bound > 1e-9 * Math.Max(mean, 1))
        {
            heap.Enqueue(new Candidate(d, r, -1, version[d], version[r]), -bound);
        }
    }

    private bool HasAny(int holder)
    {
        for (int c = 0; c < PoolClass; c++)
        {
            if (lists[holder, c].Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The best move from <paramref name="d"/> to <paramref name="r"/>: candidates near the ideal transfer size in each preference class.</summary>
    private (int Account, double Score) Evaluate(int d, int r, double mean, double violation)
    {
        int best = -1;
        double bestScore = 0;
        if (d == pool)
        {
            double target = n > 1 ? (mean - pot[r]) * n / (n - 1) : mean;
            for (int c = 0; c < PoolClass; c++)
            {
                foreach (int i in Near(lists[pool, c], target))
                {
                    double score = AssignGain(r, book.Potential[i], mean, violation) * quality[i] * Fit(i, r);
                    if (score > bestScore)
                    {
                        (best, bestScore) = (i, score);
                    }
                }
            }

            return (best, bestScore);
        }

        var (lo, hi) = Plateau(d, r, mean);
        if (hi <= 0)
        {
            return (-1, 0);
        }

        double mid = (Math.Max(lo, 0) + hi) / 2;
        for (int c = 0; c < PoolClass; c++)
        {
            foreach (int i in Near(lists[d, c], mid))
            {
                double gain = TransferGain(d, r, book.Potential[i], mean);
                double score = gain > 0 ? gain * quality[i] * Fit(i, r) : 0;
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }
        }

        return (best, bestScore);
    }

    /// <summary>Exact quality-weighted gain of moving account i from d (rep or pool) to r under the current state.</summary>
    private double Score(int i, int d, int r, double mean, double violation)
    {
        double gain = d == pool ? AssignGain(r, book.Potential[i], mean, violation) : TransferGain(d, r, book.Potential[i], mean);
        return gain > 0 ? gain * quality[i] * Fit(i, r) : 0;
    }

    public int Partner(int account) => partner[account] >= 0 && owner[partner[account]] != original[partner[account]] ? partner[account] : -1;

    public bool InStrengths(int account, int rep) => strengths[rep].Contains(book.Data.Accounts[account].Industry.Trim());

    public bool HasStrengths(int rep) => strengths[rep].Count > 0;

    public double? Distance(int account, int rep) =>
        book.Data.Accounts[account].Location is { } at && book.Reps[rep].Home is { } home ? at.DistanceKm(home) : null;

    private int Class(int i) => book.OpenPipeline[i] > 0 ? 2
        : !string.IsNullOrWhiteSpace(book.Data.Accounts[i].RelationshipNotes) || book.Data.Accounts[i].IsCustomer ? 1
        : 0;

    private double Violation(double p, double mean) => Math.Max(0, Math.Abs(p - mean) - tol * mean);

    private double TotalViolation(double mean)
    {
        double s = 0;
        for (int r = 0; r < n; r++)
        {
            s += Violation(pot[r], mean);
        }

        return s;
    }

    /// <summary>How well account <paramref name="i"/> suits receiver <paramref name="r"/>: strengths and distance.</summary>
    private double Fit(int i, int r)
    {
        double f = strengths[r].Count == 0 ? 0.95 : InStrengths(i, r) ? 1.0 : 0.9;
        if (double.IsNaN(accountXyz[i].X) || double.IsNaN(homeXyz[r].X))
        {
            return f * 0.9;
        }

        // Chord length stands in for the great-circle distance here: within 1,500 km they differ by < 0.5%.
        double dx = accountXyz[i].X - homeXyz[r].X, dy = accountXyz[i].Y - homeXyz[r].Y, dz = accountXyz[i].Z - homeXyz[r].Z;
        return f * (1 - 0.2 * Math.Min(1, Math.Sqrt(dx * dx + dy * dy + dz * dz) / 1500));
    }

    private static (double X, double Y, double Z) Xyz(GeoPoint? p)
    {
        if (p is not { } g)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        return g.ToCartesian(GeoPoint.EarthRadiusKm);
    }

    private double TransferGain(int d, int r, double x, double mean) =>
        Violation(pot[d], mean) + Violation(pot[r], mean) - Violation(pot[d] - x, mean) - Violation(pot[r] + x, mean);

    /// <summary>Gain of handing an unassigned account of potential x to r: the mean moves too.</summary>
    private double AssignGain(int r, double x, double mean, double current)
    {
        double newMean = (total + x) / n;
        double s = 0;
        for (int q = 0; q < n; q++)
        {
            s += Violation(q == r ? pot[q] + x : pot[q], newMean);
        }

        return current - s;
    }

    private Swap BestSwap(double mean)
    {
        var best = default(Swap);
        int tried = 0;
        foreach (var (d, r, _) in ViolatedPairs(mean))
        {
            if (++tried > SwapPairs)
            {
                break;
            }

            var (lo, hi) = Plateau(d, r, mean);
            if (hi <= 0)
            {
                continue;
            }

            double net = (Math.Max(lo, 0) + hi) / 2;
            for (int ca = 0; ca < PoolClass; ca++)
            {
                foreach (int a in Above(lists[d, ca], net, Candidates * 2))
                {
                    double back = book.Potential[a] - net;
                    for (int cb = 0; cb < PoolClass; cb++)
                    {
                        foreach (int b in Near(lists[r, cb], back))
                        {
                            double gain = TransferGain(d, r, book.Potential[a] - book.Potential[b], mean);
                            if (gain <= 0)
                            {
                                continue;
                            }

                            double score = gain * quality[a] * Fit(a, r) * quality[b] * Fit(b, d) / 2;
                            if (score > best.Score)
                            {
                                best = new Swap(a, b, d, r, score);
                            }
                        }
                    }
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Donor → receiver pairs that involve at least one territory outside the band, with an upper
    /// bound on what a move between them can gain, best bound first.
    /// </summary>
    private List<(int D, int R, double Bound)> ViolatedPairs(double mean)
    {
        var v = new double[n];
        for (int r = 0; r < n; r++)
        {
            v[r] = Violation(pot[r], mean);
        }

        var pairs = new List<(int, int, double)>();
        for (int a = 0; a < n; a++)
        {
            if (v[a] <= 0)
            {
                continue;
            }

            bool over = pot[a] > mean;
            for (int b = 0; b < n; b++)
            {
                if (b == a)
                {
                    continue;
                }

                if (over && pot[b] < pot[a])
                {
                    pairs.Add((a, b, v[a] + v[b]));
                }
                else if (!over && pot[b] > pot[a] && !(v[b] > 0 && pot[b] > mean))
                {
                    // Pairs of an over- and an under-band territory were added from the over side.
                    pairs.Add((b, a, v[a] + v[b]));
                }
            }
        }

        pairs.Sort((x, y) => y.Item3 != x.Item3 ? y.Item3.CompareTo(x.Item3) : x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1) : x.Item2.CompareTo(y.Item2));
        return pairs;
    }

    /// <summary>
    /// The transfer sizes x that minimise violation(d after giving x) + violation(r after receiving x):
    /// each term is zero on [e − T, e + T] around its surplus or deficit e, so the sum is minimal between
    /// min(e_d, e_r) + T and max(e_d, e_r) − T (whichever way round they fall).
    /// </summary>
    private (double Lo, double Hi) Plateau(int d, int r, double mean)
    {
        double t = tol * mean;
        double ed = pot[d] - mean, er = mean - pot[r];
        double a = Math.Min(ed, er) + t, b = Math.Max(ed, er) - t;
        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>Up to <see cref="Candidates"/> accounts each side of <paramref name="target"/> potential.</summary>
    private static IEnumerable<int> Near(List<Entry> list, double target)
    {
        if (list.Count == 0)
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

    private static IEnumerable<int> Above(List<Entry> list, double target, int count)
    {
        int at = LowerBound(list, target);
        for (int k = at; k < list.Count && k < at + count; k++)
        {
            if (list[k].Potential > target)
            {
                yield return list[k].Index;
            }
        }
    }

    private static int LowerBound(List<Entry> list, double potential)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Potential < potential)
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

    private void Apply(int i, int to)
    {
        int from = owner[i];
        var entry = new Entry(book.Potential[i], i);
        int c = Class(i);
        var source = lists[from < 0 ? pool : from, c];
        int at = source.BinarySearch(entry);
        source.RemoveAt(at);
        var target = lists[to < 0 ? pool : to, c];
        int insert = target.BinarySearch(entry);
        target.Insert(insert < 0 ? ~insert : insert, entry);
        if (from >= 0)
        {
            pot[from] -= entry.Potential;
        }
        else
        {
            total += entry.Potential;
        }

        if (to >= 0)
        {
            pot[to] += entry.Potential;
        }
        else
        {
            total -= entry.Potential;
        }

        owner[i] = to;
        lastStep[i] = ++steps;
        version[from < 0 ? pool : from]++;
        version[to < 0 ? pool : to]++;
    }

    /// <summary>Undoes moves whose reversal does not increase the remaining violation, smallest first.</summary>
    private void Prune()
    {
        var changed = Enumerable.Range(0, owner.Length).Where(i => owner[i] != original[i])
            .OrderBy(i => book.Potential[i]).ThenBy(i => i).ToList();
        foreach (int i in changed)
        {
            double before = TotalViolation(total / n);
            int to = owner[i], step = lastStep[i];
            Apply(i, original[i]);
            double after = TotalViolation(total / n);
            if (after > before + 1e-9 * Math.Max(total / n, 1))
            {
                Apply(i, to);
                lastStep[i] = step;
            }
        }
    }

    private readonly record struct Entry(double Potential, int Index) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Potential != other.Potential ? Potential.CompareTo(other.Potential) : Index.CompareTo(other.Index);
    }

    private readonly record struct Candidate(int D, int R, int Account, int VerD, int VerR);

    private readonly record struct Swap(int A, int B, int D, int R, double Score);
}
