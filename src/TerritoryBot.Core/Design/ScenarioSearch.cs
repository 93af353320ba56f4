using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Design;

/// <summary>
/// One scenario's optimisation: construction, then local search with moves and swaps whose effect
/// on the objective is computed in O(1) from per-rep sums. The objective is
/// Σ_r Σ_d f_d(x_rd) + (K/N)·Σ_i c(i, rep(i)), with x_rd = S_rd / T_rd − 1 the relative deviation
/// of rep r on dimension d and c the scenario's per-account cost.
/// </summary>
internal sealed class ScenarioSearch
{
    private const int D = DesignProblem.D;
    private readonly DesignProblem _p;
    private readonly ScenarioSpec _s;
    private readonly DesignOptions _o;
    private readonly int _n, _k, _nInd;
    private readonly double[] _values, _inv;
    private readonly double _costScale, _invUnit;
    private readonly double[] _alpha, _beta, _band;
    private readonly bool[] _key;
    private readonly bool[]? _vertical; // [industry * K + r]
    private readonly double[] _segMismatch = new double[4 * 3];
    private readonly int[] _capacity;

    // Candidate reps per account (CSR).
    private int[] _candStart = [];
    private int[] _cand = [];

    // State.
    private readonly int[] _assign;
    private readonly double[] _sums;
    private readonly double[] _f; // cached f_d(x_rd)
    private readonly int[] _capUsed;
    private readonly List<int>[] _members;
    private readonly int[] _pos;
    private double[] _curCost = [];
    // Under a move cap the price of a move starts high and halves each pass, so the budget goes to
    // the most valuable moves first (a simple Lagrangian schedule for the cap).
    private double _moveScale = 1;
    private int _moved;
    private double _arrMoved;
    private readonly int _maxMoved;
    private readonly double _maxArrMoved;
    private readonly Random _rng;

    public List<DesignIssue> Issues { get; } = [];
    public long Evaluations { get; private set; }
    public long Moves { get; private set; }
    public long Swaps { get; private set; }
    public int Passes { get; private set; }
    public bool StoppedByClock { get; private set; }
    /// <summary>Objective maintained incrementally (start value plus every applied delta).</summary>
    public double TrackedObjective { get; private set; }
    public double InitialObjective { get; private set; }

    public ScenarioSearch(DesignProblem p, ScenarioSpec s, DesignOptions o, int seed)
    {
        _p = p;
        _s = s;
        _o = o;
        _n = p.N;
        _k = p.K;
        _nInd = Math.Max(1, p.IndustryNames.Length);
        _values = p.Values;
        _inv = p.InvTargets;
        _costScale = _n == 0 ? 0 : (double)_k / _n;
        _invUnit = 1 / p.DistanceUnit;
        _alpha = s.Dimensions.Select(w => w.Alpha).ToArray();
        _beta = s.Dimensions.Select(w => w.Beta).ToArray();
        _band = s.Dimensions.Select(w => w.Band).ToArray();
        _rng = new Random(seed);
        _capacity = (int[])p.Capacity.Clone();
        _key = new bool[_n];
        if (s.KeyIsNamedOrStrategic)
        {
            for (int i = 0; i < _n; i++)
            {
                _key[i] = p.Named[i] || p.Tiers[i] == Tier.Strategic;
            }
        }

        double[] preferred = [2, 1.5, 1, 0];
        for (int t = 0; t < 4; t++)
        {
            for (int sen = 0; sen < 3; sen++)
            {
                _segMismatch[t * 3 + sen] = Math.Abs(preferred[t] - sen) / 2;
            }
        }

        if (s.Verticals)
        {
            _vertical = AllocateVerticals();
        }

        _assign = new int[_n];
        _sums = new double[_k * D];
        _f = new double[_k * D];
        _capUsed = new int[_k];
        _members = new List<int>[_k];
        for (int r = 0; r < _k; r++)
        {
            _members[r] = new List<int>(_n / _k + 16);
        }

        _pos = new int[_n];
        if (s.MoveCap)
        {
            double pct = o.MaxMovedPct ?? o.DefaultRebalanceMovedPct;
            _maxMoved = (int)Math.Floor(pct / 100 * p.OwnedAccounts + 1e-9);
            _maxArrMoved = o.MaxArrMovedPct is { } arrPct ? arrPct / 100 * p.TotalArr : double.PositiveInfinity;
        }
        else
        {
            _maxMoved = int.MaxValue;
            _maxArrMoved = double.PositiveInfinity;
        }
    }

    public int[] Assignment => _assign;

    /// <summary>The segment mismatch of tier t at seniority s (0 = the seniority that tier calls for).</summary>
    public static double SegmentMismatch(Tier t, int seniority) => Math.Abs(new double[] { 2, 1.5, 1, 0 }[(int)t] - seniority) / 2;

    // ---------- objective pieces ----------

    private double F(int d, double x)
    {
        unchecked
        {
            double h = Math.Abs(x) - _band[d];
            return h > 0 ? _alpha[d] * x * x + _beta[d] * h * h : _alpha[d] * x * x;
        }
    }

    /// <summary>Scenario cost of giving account i to rep r (before the K/N scale).</summary>
    public double Cost(int i, int r)
    {
        unchecked
        {
            var w = _key[i] ? _s.Key : _s.Other;
            double c = 0;
            if (w.Geo > 0 && _p.HasLocation[i] && _p.HasAnchor[r])
            {
                c += w.Geo * _p.Chord(i, r) * _invUnit;
            }

            if (w.Affinity > 0)
            {
                c += w.Affinity * (1 - _p.Affinity[r * _nInd + _p.Industry[i]]);
            }

            if (w.Segment > 0)
            {
                c += w.Segment * _segMismatch[(int)_p.Tiers[i] * 3 + _p.Seniority[r]];
            }

            if (w.Vertical > 0 && _vertical is not null && !_vertical[_p.Industry[i] * _k + r])
            {
                c += w.Vertical;
            }

            if (w.Move > 0 && _p.Orig[i] >= 0 && r != _p.Orig[i])
            {
                c += w.Move * _moveScale;
            }

            return c;
        }
    }

    /// <summary>The objective recomputed from scratch (O(N·D)); tests compare it with the tracked value.</summary>
    public double FullObjective()
    {
        var sums = new double[_k * D];
        double cost = 0;
        for (int i = 0; i < _n; i++)
        {
            int r = _assign[i];
            for (int d = 0; d < D; d++)
            {
                sums[r * D + d] += _values[i * D + d];
            }

            cost += Cost(i, r);
        }

        double total = cost * _costScale;
        for (int r = 0; r < _k; r++)
        {
            for (int d = 0; d < D; d++)
            {
                total += F(d, X(sums[r * D + d], r, d));
            }
        }

        return total;
    }

    private double X(double sum, int r, int d)
    {
        double inv = _inv[r * D + d];
        return inv == 0 ? 0 : sum * inv - 1;
    }

    /// <summary>Objective change of moving account i from its rep to rep b (O(D)).</summary>
    public double MoveDelta(int i, int b)
    {
        unchecked
        {
            int a = _assign[i];
            double delta = 0;
            int ia = a * D, ib = b * D, iv = i * D;
            for (int d = 0; d < D; d++)
            {
                double v = _values[iv + d];
                if (v == 0)
                {
                    continue;
                }

                delta += F(d, X(_sums[ia + d] - v, a, d)) - _f[ia + d] + F(d, X(_sums[ib + d] + v, b, d)) - _f[ib + d];
            }

            return delta + _costScale * (Cost(i, b) - _curCost[i]);
        }
    }

    /// <summary>Objective change of swapping account i (rep a) with account j (rep b) (O(D)).</summary>
    public double SwapDelta(int i, int j)
    {
        unchecked
        {
            int a = _assign[i], b = _assign[j];
            double delta = 0;
            int ia = a * D, ib = b * D, iv = i * D, jv = j * D;
            for (int d = 0; d < D; d++)
            {
                double dv = _values[iv + d] - _values[jv + d];
                if (dv == 0)
                {
                    continue;
                }

                delta += F(d, X(_sums[ia + d] - dv, a, d)) - _f[ia + d] + F(d, X(_sums[ib + d] + dv, b, d)) - _f[ib + d];
            }

            return delta + _costScale * (Cost(i, b) + Cost(j, a) - _curCost[i] - _curCost[j]);
        }
    }

    // ---------- state changes ----------

    private void Place(int i, int r)
    {
        _assign[i] = r;
        if (_curCost.Length > 0)
        {
            _curCost[i] = Cost(i, r);
        }

        for (int d = 0; d < D; d++)
        {
            _sums[r * D + d] += _values[i * D + d];
        }

        if (_p.CapCounted[i])
        {
            _capUsed[r]++;
        }

        _pos[i] = _members[r].Count;
        _members[r].Add(i);
        if (_p.Orig[i] >= 0 && _p.Orig[i] != r)
        {
            _moved++;
            _arrMoved += _p.Arr[i];
        }
    }

    private void Remove(int i)
    {
        int r = _assign[i];
        for (int d = 0; d < D; d++)
        {
            _sums[r * D + d] -= _values[i * D + d];
        }

        if (_p.CapCounted[i])
        {
            _capUsed[r]--;
        }

        var list = _members[r];
        int last = list[^1];
        list[_pos[i]] = last;
        _pos[last] = _pos[i];
        list.RemoveAt(list.Count - 1);
        if (_p.Orig[i] >= 0 && _p.Orig[i] != r)
        {
            _moved--;
            _arrMoved -= _p.Arr[i];
        }

        _assign[i] = -1;
    }

    private void RefreshF(int r)
    {
        for (int d = 0; d < D; d++)
        {
            _f[r * D + d] = F(d, X(_sums[r * D + d], r, d));
        }
    }

    /// <summary>Applies a move; public so tests can check deltas against full recomputation.</summary>
    public void ApplyMove(int i, int b)
    {
        int a = _assign[i];
        Remove(i);
        Place(i, b);
        RefreshF(a);
        RefreshF(b);
    }

    public void ApplySwap(int i, int j)
    {
        int a = _assign[i], b = _assign[j];
        Remove(i);
        Remove(j);
        Place(i, b);
        Place(j, a);
        RefreshF(a);
        RefreshF(b);
    }

    private int MovedDelta(int i, int from, int to)
    {
        int o = _p.Orig[i];
        return o < 0 ? 0 : (o == from ? 1 : 0) - (o == to ? 1 : 0);
    }

    public bool CanMove(int i, int b)
    {
        unchecked
        {
            int a = _assign[i];
            if (_p.Fixed[i] || a == b || !_p.Allowed(i, b))
            {
                return false;
            }

            if (_p.CapCounted[i] && _capUsed[b] >= _capacity[b])
            {
                return false;
            }

            int dm = MovedDelta(i, a, b);
            return dm <= 0 || (_moved + dm <= _maxMoved && _arrMoved + dm * _p.Arr[i] <= _maxArrMoved + 1e-6);
        }
    }

    public bool CanSwap(int i, int j)
    {
        unchecked
        {
            int a = _assign[i], b = _assign[j];
            if (_p.Fixed[i] || _p.Fixed[j] || a == b || !_p.Allowed(i, b) || !_p.Allowed(j, a))
            {
                return false;
            }

            int cb = (_p.CapCounted[i] ? 1 : 0) - (_p.CapCounted[j] ? 1 : 0);
            if ((cb > 0 && _capUsed[b] + cb > _capacity[b]) || (cb < 0 && _capUsed[a] - cb > _capacity[a]))
            {
                return false;
            }

            int dmi = MovedDelta(i, a, b), dmj = MovedDelta(j, b, a);
            int dm = dmi + dmj;
            double darr = dmi * _p.Arr[i] + dmj * _p.Arr[j];
            return (dm <= 0 || _moved + dm <= _maxMoved) && (darr <= 0 || _arrMoved + darr <= _maxArrMoved + 1e-6);
        }
    }

    public int MovedCount => _moved;

    // ---------- construction ----------

    public void Construct()
    {
        BuildCandidates();
        switch (_s.Construction)
        {
            case Construction.Current:
                ConstructFromCurrent();
                break;
            case Construction.Priced:
                ConstructPriced();
                break;
            default:
                PlaceFixed();
                ConstructGreedy(FreeByPrimaryDescending());
                break;
        }

        for (int r = 0; r < _k; r++)
        {
            RefreshF(r);
        }

        _curCost = new double[_n];
        for (int i = 0; i < _n; i++)
        {
            _curCost[i] = Cost(i, _assign[i]);
        }

        InitialObjective = TrackedObjective = FullObjective();
    }

    private int[] FreeByPrimaryDescending(IEnumerable<int>? subset = null)
    {
        var free = (subset ?? Enumerable.Range(0, _n)).Where(i => _assign[i] < 0).ToArray();
        var keys = free.Select(i => -_values[i * D + _s.Primary]).ToArray();
        Array.Sort(keys, free); // ties keep index order? Array.Sort is unstable: break ties explicitly below
        // Make the order fully deterministic regardless of sort stability.
        int start = 0;
        for (int x = 1; x <= free.Length; x++)
        {
            if (x == free.Length || keys[x] != keys[start])
            {
                Array.Sort(free, start, x - start);
                start = x;
            }
        }

        return free;
    }

    private void PlaceFixed()
    {
        Array.Fill(_assign, -1);
        for (int i = 0; i < _n; i++)
        {
            if (_p.Fixed[i])
            {
                Place(i, _p.Orig[i]);
            }
        }
    }

    private void ConstructGreedy(int[] order)
    {
        for (int r = 0; r < _k; r++)
        {
            RefreshF(r);
        }

        foreach (int i in order)
        {
            int best = -1;
            double bestDelta = double.PositiveInfinity;
            foreach (int r in Candidates(i))
            {
                if (_p.CapCounted[i] && _capUsed[r] >= _capacity[r])
                {
                    continue;
                }

                double delta = InsertDelta(i, r);
                if (delta < bestDelta)
                {
                    bestDelta = delta;
                    best = r;
                }
            }

            best = best >= 0 ? best : Fallback(i);
            Place(i, best);
            RefreshF(best);
        }
    }

    private double InsertDelta(int i, int r)
    {
        double delta = 0;
        for (int d = 0; d < D; d++)
        {
            double v = _values[i * D + d];
            if (v != 0)
            {
                delta += F(d, X(_sums[r * D + d] + v, r, d)) - _f[r * D + d];
            }
        }

        return delta + _costScale * Cost(i, r);
    }

    /// <summary>No candidate had room: scan every allowed rep for room, else overflow the emptiest.</summary>
    private int Fallback(int i)
    {
        int best = -1, overflow = -1;
        double bestLoad = double.PositiveInfinity, bestOver = double.PositiveInfinity;
        for (int r = 0; r < _k; r++)
        {
            if (!_p.Allowed(i, r))
            {
                continue;
            }

            double load = X(_sums[r * D + _s.Primary], r, _s.Primary);
            if (!_p.CapCounted[i] || _capUsed[r] < _capacity[r])
            {
                if (load < bestLoad)
                {
                    bestLoad = load;
                    best = r;
                }
            }
            else
            {
                double over = (double)_capUsed[r] / Math.Max(1, _capacity[r]);
                if (over < bestOver)
                {
                    bestOver = over;
                    overflow = r;
                }
            }
        }

        if (best >= 0)
        {
            return best;
        }

        _capacity[overflow]++;
        _capacityRelaxed++;
        return overflow;
    }

    private int _capacityRelaxed;

    private void ConstructPriced()
    {
        PlaceFixed();
        int prim = _s.Primary;
        var free = FreeByPrimaryDescending();
        double mean = _n > 0 ? _p.Totals[prim] / _n : 1;
        double invMean = mean > 0 ? 1 / mean : 0;
        var baseLoad = new double[_k];
        for (int r = 0; r < _k; r++)
        {
            baseLoad[r] = _sums[r * D + prim];
        }

        var lambda = new double[_k];
        var load = new double[_k];
        double maxWeight = Math.Max(Math.Max(Math.Max(_s.Other.Geo, _s.Other.Affinity), Math.Max(_s.Other.Segment, _s.Other.Vertical)),
            Math.Max(Math.Max(_s.Key.Geo, _s.Key.Affinity), Math.Max(_s.Key.Segment, _s.Key.Vertical)));
        double eta = Math.Max(0.05, maxWeight);
        const int iterations = 15;
        for (int it = 0; it < iterations; it++)
        {
            Array.Copy(baseLoad, load, _k);
            foreach (int i in free)
            {
                double v = _values[i * D + prim], vn = v * invMean;
                int best = -1;
                double bestScore = double.PositiveInfinity;
                foreach (int r in Candidates(i))
                {
                    double score = Cost(i, r) + lambda[r] * vn;
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = r;
                    }
                }

                if (best >= 0)
                {
                    load[best] += v;
                }
            }

            for (int r = 0; r < _k; r++)
            {
                double target = _p.Targets[r * D + prim];
                lambda[r] += eta * (target > 0 ? load[r] / target - 1 : 0);
            }

            eta *= 0.82;
        }

        foreach (int i in free)
        {
            double vn = _values[i * D + prim] * invMean;
            int best = -1;
            double bestScore = double.PositiveInfinity;
            foreach (int r in Candidates(i))
            {
                if (_p.CapCounted[i] && _capUsed[r] >= _capacity[r])
                {
                    continue;
                }

                double score = Cost(i, r) + lambda[r] * vn;
                if (score < bestScore)
                {
                    bestScore = score;
                    best = r;
                }
            }

            Place(i, best >= 0 ? best : Fallback(i));
        }
    }

    private void ConstructFromCurrent()
    {
        Array.Fill(_assign, -1);
        // Keep every current owner that is allowed; accounts the rules force out are placed greedily.
        for (int i = 0; i < _n; i++)
        {
            int o = _p.Orig[i];
            if (o >= 0 && (_p.Fixed[i] || _p.Allowed(i, o)))
            {
                Place(i, o);
            }
        }

        // Capacity: a rep over capacity sheds its smallest free active accounts.
        for (int r = 0; r < _k; r++)
        {
            if (_capUsed[r] <= _capacity[r])
            {
                continue;
            }

            var shed = _members[r].Where(i => _p.CapCounted[i] && !_p.Fixed[i])
                .OrderBy(i => _values[i * D + _s.Primary]).ThenBy(i => i).Take(_capUsed[r] - _capacity[r]).ToArray();
            foreach (int i in shed)
            {
                Remove(i);
            }
        }

        int forced = 0;
        for (int i = 0; i < _n; i++)
        {
            if (_assign[i] < 0 && _p.Orig[i] >= 0)
            {
                forced++;
            }
        }

        ConstructGreedy(FreeByPrimaryDescending());
        if (_moved > _maxMoved)
        {
            Issues.Add(new(_s.Name, "move-cap-too-small",
                $"The rules force {_moved} accounts off their current owner (tier rules or capacity), more than the cap of {_maxMoved}; those moves are made and no others."));
        }
        else if (forced > 0)
        {
            Issues.Add(new(_s.Name, "forced-moves",
                $"{forced} accounts had to leave their current owner because of tier rules or capacity; they count against the move cap."));
        }
    }

    // ---------- candidates ----------

    private ReadOnlySpan<int> Candidates(int i) => _cand.AsSpan(_candStart[i], _candStart[i + 1] - _candStart[i]);

    private void BuildCandidates()
    {
        int m = Math.Max(1, _o.CandidateReps);
        bool all = _k <= 2 * m;
        KdTree?[]? groupTrees = null; // per industry (verticals) or per tier (segments)
        int[][]? keyReps = null; // per industry: best-fit allowed reps for key accounts
        if (!all)
        {
            if (_vertical is not null)
            {
                groupTrees = new KdTree?[_nInd];
                for (int ind = 0; ind < _nInd; ind++)
                {
                    groupTrees[ind] = TreeOf(r => _vertical[ind * _k + r]);
                }
            }
            else if (_s.SegmentGroups)
            {
                groupTrees = new KdTree?[4];
                for (int t = 0; t < 4; t++)
                {
                    groupTrees[t] = TreeOf(r => _segMismatch[t * 3 + _p.Seniority[r]] <= 0.25);
                }
            }

            if (_s.KeyIsNamedOrStrategic)
            {
                keyReps = new int[_nInd][];
                int maxSen = _p.Seniority.Max();
                for (int ind = 0; ind < _nInd; ind++)
                {
                    keyReps[ind] = Enumerable.Range(0, _k).Where(r => _p.Seniority[r] == maxSen)
                        .OrderByDescending(r => _p.Affinity[r * _nInd + ind]).ThenBy(r => r).Take(m).ToArray();
                }
            }
        }

        var start = new int[_n + 1];
        var list = new List<int>(_n * Math.Min(_k, m + 4));
        var buf = new int[m];
        var dist = new double[m];
        var seen = new HashSet<int>();
        var rng = new Random(_o.Seed ^ 0x5EED);
        for (int i = 0; i < _n; i++)
        {
            start[i] = list.Count;
            if (all)
            {
                for (int r = 0; r < _k; r++)
                {
                    if (_p.Allowed(i, r))
                    {
                        list.Add(r);
                    }
                }
            }
            else
            {
                seen.Clear();
                void AddTree(KdTree? tree, List<int> l)
                {
                    if (tree is null)
                    {
                        return;
                    }

                    if (_p.HasLocation[i])
                    {
                        int c = tree.Nearest(_p.AX[i], _p.AY[i], _p.AZ[i], buf, dist);
                        for (int x = 0; x < c; x++)
                        {
                            if (_p.Allowed(i, buf[x]) && seen.Add(buf[x]))
                            {
                                l.Add(buf[x]);
                            }
                        }
                    }
                }

                AddTree(_p.AllReps, list);
                AddTree(_p.AllowedByTier[(int)_p.Tiers[i]], list);
                if (groupTrees is not null)
                {
                    AddTree(groupTrees[_vertical is not null ? _p.Industry[i] : (int)_p.Tiers[i]], list);
                }

                if (keyReps is not null && _key[i])
                {
                    foreach (int r in keyReps[_p.Industry[i]])
                    {
                        if (_p.Allowed(i, r) && seen.Add(r))
                        {
                            list.Add(r);
                        }
                    }
                }

                if (!_p.HasLocation[i] || seen.Count == 0)
                {
                    // No location: a few reps at random (seeded) so such accounts still spread out.
                    for (int tries = 0; tries < 4 * m && seen.Count < m; tries++)
                    {
                        int r = rng.Next(_k);
                        if (_p.Allowed(i, r) && seen.Add(r))
                        {
                            list.Add(r);
                        }
                    }
                }

                int o = _p.Orig[i];
                if (o >= 0 && _p.Allowed(i, o) && seen.Add(o))
                {
                    list.Add(o);
                }
            }
        }

        start[_n] = list.Count;
        _candStart = start;
        _cand = list.ToArray();
    }

    private KdTree? TreeOf(Func<int, bool> include)
    {
        var ids = Enumerable.Range(0, _k).Where(r => _p.HasAnchor[r] && include(r)).ToArray();
        return ids.Length == 0 ? null : new KdTree(ids.Select(r => _p.RX[r]).ToArray(), ids.Select(r => _p.RY[r]).ToArray(), ids.Select(r => _p.RZ[r]).ToArray(), ids);
    }

    /// <summary>
    /// Splits each industry's potential over reps in order of affinity (largest industries first),
    /// like a greedy transportation plan: a rep's target is filled by its best verticals, and a
    /// vertical too large for one rep is split between several.
    /// </summary>
    private bool[] AllocateVerticals()
    {
        var vertical = new bool[_nInd * _k];
        var industryTotal = new double[_nInd];
        for (int i = 0; i < _n; i++)
        {
            industryTotal[_p.Industry[i]] += _values[i * D + DesignProblem.Potential];
        }

        var remaining = new double[_k];
        for (int r = 0; r < _k; r++)
        {
            remaining[r] = _p.Targets[r * D + DesignProblem.Potential];
        }

        foreach (int ind in Enumerable.Range(0, _nInd).OrderByDescending(x => industryTotal[x]).ThenBy(x => x))
        {
            double amount = industryTotal[ind];
            var order = Enumerable.Range(0, _k).OrderByDescending(r => _p.Affinity[r * _nInd + ind])
                .ThenByDescending(r => remaining[r]).ThenBy(r => r).ToArray();
            foreach (int r in order)
            {
                if (amount <= 1e-9 * Math.Max(1, industryTotal[ind]))
                {
                    break;
                }

                if (remaining[r] <= 0)
                {
                    continue;
                }

                double take = Math.Min(amount, remaining[r]);
                vertical[ind * _k + r] = true;
                remaining[r] -= take;
                amount -= take;
            }

            if (amount > 1e-9 * Math.Max(1, industryTotal[ind]) || industryTotal[ind] <= 0)
            {
                int best = order.OrderByDescending(r => remaining[r]).First();
                vertical[ind * _k + best] = true;
            }
        }

        return vertical;
    }

    // ---------- local search ----------

    public void Search()
    {
        unchecked
        {
            var clock = _o.Clock;
            long startTicks = clock?.GetTimestamp() ?? 0;
            var order = Enumerable.Range(0, _n).Where(i => !_p.Fixed[i]).ToArray();
            int samples = Math.Max(0, _o.SwapSamples);
            const double eps = 1e-12;
            for (Passes = 0; Passes < _o.MaxPasses; Passes++)
            {
                if (clock is not null && _o.TimeBudget is { } budget && clock.GetElapsedTime(startTicks) > budget)
                {
                    StoppedByClock = true;
                    break;
                }

                if (Evaluations >= _o.MaxEvaluations)
                {
                    break;
                }

                double before = TrackedObjective;
                if (Passes == 0 && _s.MoveCap)
                {
                    // Under a move cap, spend the first moves on the largest accounts: most balance per move.
                    order = FreeByValue(order);
                    SetMoveScale(256);
                }
                else
                {
                    Shuffle(order);
                }

                foreach (int i in order)
                {
                    int a = _assign[i];
                    double bestDelta = -eps;
                    int bestRep = -1, bestPartner = -1;
                    // Moves to every candidate; swaps only towards the two reps the moves rate best
                    // (where the account "wants" to go), which keeps a visit O(|candidates| + swaps).
                    int dir1 = -1, dir2 = -1;
                    double dir1Delta = double.PositiveInfinity, dir2Delta = double.PositiveInfinity;
                    foreach (int b in Candidates(i))
                    {
                        if (b == a)
                        {
                            continue;
                        }

                        Evaluations++;
                        double delta = MoveDelta(i, b);
                        if (delta < dir1Delta)
                        {
                            dir2 = dir1;
                            dir2Delta = dir1Delta;
                            dir1 = b;
                            dir1Delta = delta;
                        }
                        else if (delta < dir2Delta)
                        {
                            dir2 = b;
                            dir2Delta = delta;
                        }

                        if (delta < bestDelta && CanMove(i, b))
                        {
                            bestDelta = delta;
                            bestRep = b;
                            bestPartner = -1;
                        }
                    }

                    for (int t = 0; t < 2; t++)
                    {
                        int b = t == 0 ? dir1 : dir2;
                        if (b < 0)
                        {
                            continue;
                        }

                        var list = _members[b];
                        for (int s = 0; s < samples && list.Count > 0; s++)
                        {
                            int j = list[_rng.Next(list.Count)];
                            Evaluations++;
                            if (!CanSwap(i, j))
                            {
                                continue;
                            }

                            double delta = SwapDelta(i, j);
                            if (delta < bestDelta)
                            {
                                bestDelta = delta;
                                bestRep = b;
                                bestPartner = j;
                            }
                        }
                    }

                    if (bestRep < 0)
                    {
                        continue;
                    }

                    if (bestPartner < 0)
                    {
                        ApplyMove(i, bestRep);
                        Moves++;
                    }
                    else
                    {
                        ApplySwap(i, bestPartner);
                        Swaps++;
                    }

                    TrackedObjective += bestDelta;
                }

                if (_moveScale > 1)
                {
                    SetMoveScale(_moveScale / 2);
                    continue;
                }

                // Converged when a whole pass gains less than 0.1% of the objective.
                if (before - TrackedObjective <= 1e-3 * Math.Abs(before) + 1e-15)
                {
                    Passes++;
                    break;
                }
            }

            if (_moveScale > 1)
            {
                SetMoveScale(1); // stopped early: report the objective at the real move price
            }

            if (_s.MoveCap && !StoppedByClock)
            {
                PolishMinMax(_s.Primary);
            }

            if (_capacityRelaxed > 0)
            {
                Issues.Add(new(_s.Name, "capacity-exceeded",
                    $"Capacity could not be honoured for {_capacityRelaxed} active account(s): no allowed rep had room, so they went to the allowed rep least over capacity."));
            }
        }
    }

    public int[] CapacityUsed => _capUsed;

    /// <summary>
    /// Min–max polish of the primary dimension for the capped scenario, measured against the proven
    /// optimum (docs/benchmarks.md, design-optimum): the hinge objective is flat inside its band, so the
    /// search stops anywhere inside it; this pass then spends what is left of the move budget on the
    /// territory farthest from target. Each step takes, over every other rep, the single move or swap
    /// (partner found by binary search on value) that brings the pair's larger relative deviation
    /// lowest, and applies it only when that is below the current worst: the worst deviation never
    /// rises and the sorted deviations fall lexicographically, so the pass ends. Cost per step is
    /// O(K · m log m) with m accounts per territory.
    /// </summary>
    private void PolishMinMax(int d)
    {
        int maxSteps = 4 * _n + 16;
        var values = new double[_n];
        for (int step = 0; step < maxSteps; step++)
        {
            int a = -1;
            double worst = 0;
            for (int r = 0; r < _k; r++)
            {
                double dev = Math.Abs(X(_sums[r * D + d], r, d));
                if (_inv[r * D + d] != 0 && dev > worst)
                {
                    (a, worst) = (r, dev);
                }
            }

            if (a < 0 || worst < 1e-12)
            {
                break;
            }

            // x is what a must give (negative: receive) to land exactly on target.
            double x = _sums[a * D + d] - 1 / _inv[a * D + d];
            int bestI = -1, bestJ = -1, bestB = -1;
            double bestMax = worst * (1 - 1e-9);
            for (int b = 0; b < _k; b++)
            {
                if (b == a || _inv[b * D + d] == 0)
                {
                    continue;
                }

                var giver = x > 0 ? _members[a] : _members[b];
                var taker = x > 0 ? _members[b] : _members[a];
                double want = Math.Abs(x);
                // Single moves from the giver.
                foreach (int i in giver)
                {
                    double v = _values[i * D + d];
                    double pair = PairMax(a, b, x > 0 ? v : -v, d);
                    if (pair < bestMax && CanMove(i, x > 0 ? b : a))
                    {
                        (bestI, bestJ, bestB, bestMax) = (i, -1, b, pair);
                    }
                }

                // Swaps: giver's i for taker's j with v_i − v_j ≈ want.
                int m = taker.Count;
                if (m == 0)
                {
                    continue;
                }

                if (values.Length < m)
                {
                    values = new double[m];
                }

                var order = taker.ToArray();
                for (int q = 0; q < m; q++)
                {
                    values[q] = _values[order[q] * D + d];
                }

                Array.Sort(values, order, 0, m);
                foreach (int i in giver)
                {
                    double vi = _values[i * D + d];
                    int at = Array.BinarySearch(values, 0, m, vi - want);
                    at = at < 0 ? ~at : at;
                    for (int q = Math.Max(0, at - 3); q < Math.Min(m, at + 3); q++)
                    {
                        int j = order[q];
                        double net = vi - values[q];
                        double pair = PairMax(a, b, x > 0 ? net : -net, d);
                        if (pair < bestMax && (x > 0 ? CanSwap(i, j) : CanSwap(j, i)))
                        {
                            (bestI, bestJ, bestB, bestMax) = (i, j, b, pair);
                        }
                    }
                }
            }

            if (bestI < 0)
            {
                break;
            }

            if (bestJ < 0)
            {
                ApplyMove(bestI, x > 0 ? bestB : a);
                Moves++;
            }
            else
            {
                ApplySwap(bestI, bestJ);
                Swaps++;
            }
        }

        TrackedObjective = FullObjective();
    }

    /// <summary>The larger relative deviation of a and b after a hands t of dimension d to b.</summary>
    private double PairMax(int a, int b, double t, int d) =>
        Math.Max(Math.Abs(X(_sums[a * D + d] - t, a, d)), Math.Abs(X(_sums[b * D + d] + t, b, d)));

    private void SetMoveScale(double scale)
    {
        _moveScale = scale;
        for (int i = 0; i < _n; i++)
        {
            _curCost[i] = Cost(i, _assign[i]);
        }

        TrackedObjective = FullObjective();
    }

    private void Shuffle(int[] order)
    {
        // Fisher–Yates with the scenario's seeded generator: same seed, same visiting order.
        for (int x = order.Length - 1; x > 0; x--)
        {
            int y = _rng.Next(x + 1);
            (order[x], order[y]) = (order[y], order[x]);
        }
    }

    private int[] FreeByValue(int[] order)
    {
        var keys = order.Select(i => -_values[i * D + _s.Primary]).ToArray();
        var sorted = (int[])order.Clone();
        Array.Sort(sorted);
        keys = sorted.Select(i => -_values[i * D + _s.Primary]).ToArray();
        Array.Sort(keys, sorted);
        return sorted;
    }
}
