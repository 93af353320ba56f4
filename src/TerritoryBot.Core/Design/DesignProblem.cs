using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Design;

/// <summary>
/// The input flattened into arrays (structure of arrays) shared read-only by every scenario:
/// account values per dimension, unit-sphere coordinates, rep anchors, targets, rules.
/// </summary>
internal sealed class DesignProblem
{
    public const int D = 4; // dimensions: potential, workload, account count, open pipeline
    public const int Potential = 0, Workload = 1, Count = 2, Pipeline = 3;

    public required int N { get; init; }
    public required int K { get; init; }
    public required string[] AccountIds { get; init; }
    public required Account[] Accounts { get; init; }
    public required Rep[] Reps { get; init; }
    public required string[] RepIds { get; init; }

    /// <summary>Values[i * D + d].</summary>
    public required double[] Values { get; init; }
    public required double[] Totals { get; init; }
    /// <summary>Targets[r * D + d] and their inverses (0 when the target is 0).</summary>
    public required double[] Targets { get; init; }
    public required double[] InvTargets { get; init; }
    public required double[] Share { get; init; }
    public required TargetMode TargetMode { get; init; }

    public required double[] AX { get; init; }
    public required double[] AY { get; init; }
    public required double[] AZ { get; init; }
    public required bool[] HasLocation { get; init; }
    public required double[] RX { get; init; }
    public required double[] RY { get; init; }
    public required double[] RZ { get; init; }
    public required bool[] HasAnchor { get; init; }
    public required bool[] HasHome { get; init; }
    /// <summary>Typical account-to-nearest-anchor chord length (unit sphere), the distance unit of costs.</summary>
    public required double DistanceUnit { get; init; }

    public required Tier[] Tiers { get; init; }
    public required AccountStatus[] Status { get; init; }
    public required int[] Industry { get; init; }
    public required string[] IndustryNames { get; init; }
    public required int[] Orig { get; init; }
    public required double[] Arr { get; init; }
    public required double TotalArr { get; init; }
    public required bool[] Fixed { get; init; }
    public required bool[] Named { get; init; }
    public required bool[] CapCounted { get; init; }
    public required int[] Seniority { get; init; }
    /// <summary>Minimum seniority per tier after relaxation (index by (int)Tier).</summary>
    public required int[] MinSeniority { get; init; }
    public required int[] Capacity { get; init; }
    /// <summary>Affinity[r * IndustryNames.Length + industry].</summary>
    public required double[] Affinity { get; init; }
    public required int OwnedAccounts { get; init; }
    public required KdTree? AllReps { get; init; }
    /// <summary>Trees over the reps allowed for each tier (null when every rep is allowed).</summary>
    public required KdTree?[] AllowedByTier { get; init; }
    public required DesignAccount[] AccountInfo { get; init; }
    public required DesignRep[] RepInfo { get; init; }
    public required List<DesignIssue> Issues { get; init; }

    public bool Allowed(int i, int r) => Seniority[r] >= MinSeniority[(int)Tiers[i]];

    /// <summary>Chord distance on the unit sphere between account i and rep r's anchor.</summary>
    public double Chord(int i, int r)
    {
        double dx = AX[i] - RX[r], dy = AY[i] - RY[r], dz = AZ[i] - RZ[r];
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }

    public static (double X, double Y, double Z) ToXyz(GeoPoint p) => p.ToCartesian();

    public static GeoPoint FromXyz(double x, double y, double z)
    {
        double norm = Math.Sqrt(x * x + y * y + z * z);
        if (norm == 0)
        {
            return new GeoPoint(0, 0);
        }

        return new GeoPoint(Math.Asin(z / norm) * 180 / Math.PI, Math.Atan2(y, x) * 180 / Math.PI);
    }

    public static DesignProblem Build(DesignInput input, DesignOptions options)
    {
        var data = input.Data;
        var reps = data.Reps.Where(r => r.CarriesTerritory).ToArray();
        if (reps.Length == 0)
        {
            throw new ArgumentException("No rep with role 'rep' to carry territories.", nameof(input));
        }

        var repIds = reps.Select(r => r.RepId).ToArray();
        var repIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < reps.Length; r++)
        {
            if (!repIndex.TryAdd(reps[r].RepId, r))
            {
                throw new ArgumentException($"Duplicate rep id '{reps[r].RepId}'.", nameof(input));
            }
        }

        var accounts = data.Accounts.ToArray();
        int n = accounts.Length, k = reps.Length;
        var scores = new Dictionary<string, AccountScore>(n, StringComparer.Ordinal);
        foreach (var s in input.Scores)
        {
            scores[s.AccountId] = s;
        }

        var issues = new List<DesignIssue>();
        var pipeline = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var o in data.Opportunities)
        {
            if (o.IsOpen)
            {
                pipeline[o.AccountId] = (pipeline.TryGetValue(o.AccountId, out var v) ? v : 0) + Math.Max(0, o.Amount);
            }
        }

        var industries = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var industryNames = new List<string>();
        var values = new double[n * D];
        var totals = new double[D];
        var ax = new double[n]; var ay = new double[n]; var az = new double[n];
        var hasLoc = new bool[n];
        var tiers = new Tier[n]; var status = new AccountStatus[n];
        var industry = new int[n]; var orig = new int[n]; var arr = new double[n];
        var fixedA = new bool[n]; var named = new bool[n]; var capCounted = new bool[n];
        var info = new DesignAccount[n];
        var ids = new string[n];
        bool protect = options.ProtectPipeline;
        int owned = 0, namedWithoutOwner = 0;
        double totalArr = 0;
        for (int i = 0; i < n; i++)
        {
            var a = accounts[i];
            ids[i] = a.AccountId;
            if (!scores.TryGetValue(a.AccountId, out var s))
            {
                throw new ArgumentException($"Account '{a.AccountId}' has no score.", nameof(input));
            }

            if (!double.IsFinite(s.PotentialArr) || s.PotentialArr < 0)
            {
                throw new ArgumentException($"Account '{a.AccountId}' has an invalid potential {s.PotentialArr}.", nameof(input));
            }

            double pipe = pipeline.TryGetValue(a.AccountId, out var pv) ? pv : 0;
            bool hasOpen = pipeline.ContainsKey(a.AccountId);
            tiers[i] = s.Tier;
            status[i] = s.Status;
            double work = options.Workload.Of(s.Tier, s.Status);
            values[i * D + Potential] = s.PotentialArr;
            values[i * D + Workload] = work;
            values[i * D + Count] = 1;
            values[i * D + Pipeline] = pipe;
            for (int d = 0; d < D; d++)
            {
                totals[d] += values[i * D + d];
            }

            if (!industries.TryGetValue(a.Industry, out var ind))
            {
                ind = industryNames.Count;
                industries[a.Industry] = ind;
                industryNames.Add(a.Industry);
            }

            industry[i] = ind;
            orig[i] = a.OwnerId is not null && repIndex.TryGetValue(a.OwnerId, out var o) ? o : -1;
            owned += orig[i] >= 0 ? 1 : 0;
            arr[i] = Math.Max(0, a.CurrentArr);
            totalArr += arr[i];
            if (a.Location is { } loc)
            {
                (ax[i], ay[i], az[i]) = ToXyz(loc);
                hasLoc[i] = true;
            }

            named[i] = a.NamedAccount;
            string? lockReason = null;
            if (a.NamedAccount && orig[i] >= 0)
            {
                lockReason = "named account";
            }
            else if (a.NamedAccount)
            {
                namedWithoutOwner++;
            }
            else if (protect && hasOpen && orig[i] >= 0)
            {
                lockReason = "open pipeline";
            }

            fixedA[i] = lockReason is not null;
            capCounted[i] = options.CapacityCountsAllAccounts || s.Status is AccountStatus.ActiveCustomer or AccountStatus.ActiveProspect;
            info[i] = new DesignAccount(a.AccountId, s.PotentialArr, work, pipe, s.Tier, s.Status,
                orig[i] >= 0 ? a.OwnerId : null, lockReason);
        }

        if (namedWithoutOwner > 0)
        {
            issues.Add(new(null, "named-without-owner",
                $"{namedWithoutOwner} named account(s) have no current owner who carries a territory, so they cannot be locked; they are placed like any other account."));
        }

        // Targets: share per rep from the target mode, ramping reduction, normalised (TargetShares).
        var shareSet = TargetShares.Compute(reps, options.Targets, options.RampingFactor, options.DefaultCapacity);
        var share = shareSet.Shares.ToArray();
        if (shareSet.FellBackToEqual)
        {
            issues.Add(new(null, "targets-equal-fallback",
                $"No rep has a {(options.Targets == TargetMode.Quota ? "quota" : "capacity")}, so targets are equal shares instead of {options.Targets.ToString().ToLowerInvariant()} shares."));
        }
        else if (shareSet.Filled.Count > 0)
        {
            issues.Add(new(null, "targets-filled",
                $"{shareSet.Filled.Count} rep(s) have no {(options.Targets == TargetMode.Quota ? "quota" : "capacity")} and were given the team mean for their target: {string.Join(", ", shareSet.Filled.Take(10))}{(shareSet.Filled.Count > 10 ? ", …" : "")}."));
        }

        var targets = new double[k * D];
        var inv = new double[k * D];
        for (int r = 0; r < k; r++)
        {
            for (int d = 0; d < D; d++)
            {
                targets[r * D + d] = totals[d] * share[r];
                inv[r * D + d] = targets[r * D + d] > 0 ? 1 / targets[r * D + d] : 0;
            }
        }

        // Rep anchors: home, else the centre of the current book, else the centre of all accounts.
        var rx = new double[k]; var ry = new double[k]; var rz = new double[k];
        var hasAnchor = new bool[k]; var hasHome = new bool[k];
        var sumX = new double[k]; var sumY = new double[k]; var sumZ = new double[k]; var cnt = new int[k];
        double gx = 0, gy = 0, gz = 0; int gc = 0;
        for (int i = 0; i < n; i++)
        {
            if (!hasLoc[i])
            {
                continue;
            }

            gx += ax[i]; gy += ay[i]; gz += az[i]; gc++;
            if (orig[i] >= 0)
            {
                sumX[orig[i]] += ax[i]; sumY[orig[i]] += ay[i]; sumZ[orig[i]] += az[i]; cnt[orig[i]]++;
            }
        }

        int homeless = 0;
        for (int r = 0; r < k; r++)
        {
            if (reps[r].Home is { } h)
            {
                (rx[r], ry[r], rz[r]) = ToXyz(h);
                hasAnchor[r] = hasHome[r] = true;
            }
            else if (cnt[r] > 0 || gc > 0)
            {
                homeless++;
                var p = cnt[r] > 0 ? FromXyz(sumX[r], sumY[r], sumZ[r]) : FromXyz(gx, gy, gz);
                (rx[r], ry[r], rz[r]) = ToXyz(p);
                hasAnchor[r] = true;
            }
        }

        if (homeless > 0)
        {
            issues.Add(new(null, "rep-without-home",
                $"{homeless} rep(s) have no home location; the centre of their current book (or of all accounts) stands in for it."));
        }

        var anchorIds = Enumerable.Range(0, k).Where(r => hasAnchor[r]).ToArray();
        var allTree = anchorIds.Length > 0 ? new KdTree(anchorIds.Select(r => rx[r]).ToArray(), anchorIds.Select(r => ry[r]).ToArray(), anchorIds.Select(r => rz[r]).ToArray(), anchorIds) : null;

        // Distance unit: mean chord to the nearest anchor over a deterministic sample of accounts.
        double unit = 0; int unitCount = 0;
        if (allTree is not null)
        {
            Span<int> one = stackalloc int[1];
            Span<double> oneD = stackalloc double[1];
            int step = Math.Max(1, n / 5000);
            for (int i = 0; i < n; i += step)
            {
                if (hasLoc[i] && allTree.Nearest(ax[i], ay[i], az[i], one, oneD) == 1)
                {
                    unit += Math.Sqrt(oneD[0]);
                    unitCount++;
                }
            }
        }

        unit = unitCount > 0 && unit > 0 ? unit / unitCount : 50 / GeoPoint.EarthRadiusKm;
        unit = Math.Max(unit, 5 / GeoPoint.EarthRadiusKm);

        // Tier rules, relaxed to the most senior level present when nobody qualifies.
        var seniority = reps.Select(r => (int)r.Seniority).ToArray();
        int maxSeniority = seniority.Max();
        var minSen = new int[4];
        foreach (var (tier, sen) in options.MinSeniorityByTier)
        {
            minSen[(int)tier] = (int)sen;
            if ((int)sen > maxSeniority)
            {
                minSen[(int)tier] = maxSeniority;
                issues.Add(new(null, "tier-rule-unsatisfiable",
                    $"The rule '{tier} only to {sen} reps' cannot be met: no {sen.ToString().ToLowerInvariant()} rep carries a territory. {tier} accounts go to the most senior reps available ({((Seniority)maxSeniority).ToString().ToLowerInvariant()})."));
            }
        }

        var byTier = new KdTree?[4];
        for (int t = 0; t < 4; t++)
        {
            if (minSen[t] > seniority.Min())
            {
                var allowedIds = anchorIds.Where(r => seniority[r] >= minSen[t]).ToArray();
                byTier[t] = allowedIds.Length > 0 ? new KdTree(allowedIds.Select(r => rx[r]).ToArray(), allowedIds.Select(r => ry[r]).ToArray(), allowedIds.Select(r => rz[r]).ToArray(), allowedIds) : null;
            }
        }

        // Capacity.
        var capacity = new int[k];
        for (int r = 0; r < k; r++)
        {
            capacity[r] = reps[r].Capacity ?? options.DefaultCapacity ?? int.MaxValue;
            if (capacity[r] < 0)
            {
                throw new ArgumentException($"Rep '{reps[r].RepId}' has a negative capacity.", nameof(input));
            }
        }

        // Affinity matrix.
        int nInd = Math.Max(1, industryNames.Count);
        var affinity = new double[k * nInd];
        for (int r = 0; r < k; r++)
        {
            var strengths = new HashSet<string>(reps[r].IndustryStrengths, StringComparer.OrdinalIgnoreCase);
            IReadOnlyDictionary<string, double>? given = null;
            options.Affinity?.TryGetValue(reps[r].RepId, out given);
            for (int ind = 0; ind < industryNames.Count; ind++)
            {
                double value = strengths.Count == 0 ? 0.5 : strengths.Contains(industryNames[ind]) ? 1 : 0.2;
                if (given is not null)
                {
                    foreach (var (key, v) in given)
                    {
                        if (key.Equals(industryNames[ind], StringComparison.OrdinalIgnoreCase))
                        {
                            value = Math.Clamp(v, 0, 1);
                        }
                    }
                }

                affinity[r * nInd + ind] = value;
            }
        }

        var repInfo = new DesignRep[k];
        for (int r = 0; r < k; r++)
        {
            repInfo[r] = new DesignRep(reps[r].RepId, reps[r].Name, reps[r].Seniority, reps[r].Ramping, share[r],
                targets[r * D + Potential], targets[r * D + Workload], capacity[r] == int.MaxValue ? null : capacity[r]);
        }

        return new DesignProblem
        {
            N = n, K = k, AccountIds = ids, Accounts = accounts, Reps = reps, RepIds = repIds,
            Values = values, Totals = totals, Targets = targets, InvTargets = inv, Share = share, TargetMode = options.Targets,
            AX = ax, AY = ay, AZ = az, HasLocation = hasLoc, RX = rx, RY = ry, RZ = rz, HasAnchor = hasAnchor, HasHome = hasHome,
            DistanceUnit = unit, Tiers = tiers, Status = status, Industry = industry, IndustryNames = industryNames.ToArray(),
            Orig = orig, Arr = arr, TotalArr = totalArr, Fixed = fixedA, Named = named, CapCounted = capCounted,
            Seniority = seniority, MinSeniority = minSen, Capacity = capacity, Affinity = affinity, OwnedAccounts = owned,
            AllReps = allTree, AllowedByTier = byTier, AccountInfo = info, RepInfo = repInfo, Issues = issues,
        };
    }
}
