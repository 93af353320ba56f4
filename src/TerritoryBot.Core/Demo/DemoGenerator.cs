using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Demo;

/// <summary>
/// Generates a realistic synthetic sales universe (accounts, reps, opportunities, ICP) from a seed.
/// </summary>
/// <remarks>
/// The generator is a causal model: firmographics (metro, industry, size, tech stack, growth) are drawn
/// first; a latent ICP fit and a latent potential ARR are computed from them plus noise; everything
/// commercial (intent, being a customer, current ARR, opportunities, last year's tier and plan) is then drawn
/// from the latent values plus noise. Nothing observable feeds back into the latent truth, so the latent
/// values are a fair yardstick for the scoring engine, which only ever sees the observable columns.
///
/// Latent model (docs/demo-data.md explains the choices):
///   sizeScore   = 1 inside the ICP employee range, falling with log-distance outside it
///   techScore   = sum of ICP affinities of the techs in the stack / sum of all ICP affinities
///   growthScore = clamp((growth + 0.05) / 0.35, 0, 1)
///   fit         = clamp(0.05 + 0.40·industryWeight + 0.25·sizeScore + 0.20·techScore + 0.10·growthScore + N(0, 0.04), 0, 1)
///   potential   = averageAcv · (employees / 1000)^0.68 · industryMultiplier · (0.5 + fit)
///                 · revenuePerEmployeeNoise^0.25 · exp(N(0, 0.3))
/// A customer's current ARR is its potential times a penetration in [0.2, 0.9), so it is a floor below potential.
/// </remarks>
public static class DemoGenerator
{
    /// <summary>Exponent of employees in the potential: bigger companies buy more, but less than linearly.</summary>
    internal const double SizeExponent = 0.68;

    internal const double PotentialNoiseSigma = 0.3;
    internal const double CustomerShare = 0.08;
    internal const double UnassignedShare = 0.05;
    internal const double NamedShare = 0.022;
    internal const double MisclassifiedShare = 0.12;

    /// <summary>Largest over smallest territory share in last year's plan before exceptions.</summary>
    internal const double PlanSkew = 2.2;

    /// <summary>Generates the universe described by <paramref name="options"/>; the same options give the same universe.</summary>
    public static DemoUniverse Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Accounts, 1, nameof(options.Accounts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Accounts, DemoOptions.MaxAccounts, nameof(options.Accounts));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Reps, 1, nameof(options.Reps));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Reps, DemoOptions.MaxReps, nameof(options.Reps));
        if (options.AsOf < new DateOnly(1950, 1, 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AsOf, "AsOf must be 1950-01-01 or later.");
        }

        return new Builder(options).Build();
    }

    /// <summary>The ICP profile the demo universe is generated against (written as icp.json).</summary>
    public static IcpProfile Icp { get; } = new()
    {
        Product = DemoCatalog.Product,
        AverageAcv = DemoCatalog.AverageAcv,
        TargetIndustries = DemoCatalog.Industries.ToDictionary(i => i.Name, i => i.IcpWeight, StringComparer.OrdinalIgnoreCase),
        EmployeeRange = new EmployeeRange(DemoCatalog.IcpMinEmployees, DemoCatalog.IcpMaxEmployees),
        TechAffinity = DemoCatalog.Techs.Where(t => t.IcpAffinity > 0).ToDictionary(t => t.Name, t => t.IcpAffinity, StringComparer.OrdinalIgnoreCase),
        Competitors = [DemoCatalog.Competitor],
    };

    /// <summary>Holds the per-account columns as arrays while the phases run, so a million accounts stay cheap.</summary>
    private sealed class Builder
    {
        private const int NoOwner = -1;
        private const sbyte NoTier = -1;
        private const int NoDate = 0;

        private static readonly string[] Stages = ["Discovery", "Qualification", "Proposal", "Negotiation"];
        private static readonly double[] StageCumulative = DemoRandom.Cumulative([0.35, 0.28, 0.22, 0.15]);

        private readonly DemoOptions _options;
        private readonly int _n;
        private readonly int _k;
        private readonly int _asOf;
        private readonly DemoIndustry[] _industries = DemoCatalog.Industries;
        private readonly DemoTech[] _techs = DemoCatalog.Techs;
        private readonly int _competitorBit;

        // Observable firmographics.
        private readonly int[] _metro, _city, _zip, _industry, _employees, _techMask;
        private readonly double[] _lat, _lon, _revenue, _growthObserved, _intent;
        private readonly string?[] _funding;

        // Latent truth and what is drawn from it.
        private readonly double[] _fit, _potential, _perceived, _arr;
        private readonly bool[] _inMarket, _customer, _named;
        private readonly sbyte[] _tier;
        private readonly int[] _owner, _lastActivity;

        // Reps (role rep), index 0..k-1.
        private readonly Seniority[] _seniority;
        private readonly bool[] _ramping;
        private readonly double[] _skill;
        private readonly int[][] _strengths;
        private readonly int[] _homeMetro;
        private readonly int _rampStart;

        private readonly List<Opportunity> _opportunities = [];
        private readonly string[] _accountIds;
        private readonly string[] _repIds;

        public Builder(DemoOptions options)
        {
            _options = options;
            _n = options.Accounts;
            _k = options.Reps;
            _asOf = options.AsOf.DayNumber;
            _rampStart = _asOf - 110;
            _competitorBit = Array.FindIndex(_techs, t => t.Name == DemoCatalog.Competitor);

            _metro = new int[_n];
            _city = new int[_n];
            _zip = new int[_n];
            _industry = new int[_n];
            _employees = new int[_n];
            _techMask = new int[_n];
            _lat = new double[_n];
            _lon = new double[_n];
            _revenue = new double[_n];
            _growthObserved = new double[_n];
            _intent = new double[_n];
            _funding = new string?[_n];
            _fit = new double[_n];
            _potential = new double[_n];
            _perceived = new double[_n];
            _arr = new double[_n];
            _inMarket = new bool[_n];
            _customer = new bool[_n];
            _named = new bool[_n];
            _tier = new sbyte[_n];
            _owner = new int[_n];
            _lastActivity = new int[_n];

            _seniority = new Seniority[_k];
            _ramping = new bool[_k];
            _skill = new double[_k];
            _strengths = new int[_k][];
            _homeMetro = new int[_k];
            _accountIds = new string[_n];
            for (int i = 0; i < _n; i++)
            {
                _accountIds[i] = AccountId(i);
            }

            _repIds = new string[_k];
            for (int r = 0; r < _k; r++)
            {
                _repIds[r] = RepId(r);
            }
        }

        public DemoUniverse Build()
        {
            PlaceAccounts(new DemoRandom(_options.Seed, 1));
            DrawFirmographicsAndLatents(new DemoRandom(_options.Seed, 2));
            DrawCommercialState(new DemoRandom(_options.Seed, 3));
            var repRng = new DemoRandom(_options.Seed, 4);
            DrawTeam(repRng);
            DrawLastYearsPlan(new DemoRandom(_options.Seed, 5));
            DrawOpportunities(new DemoRandom(_options.Seed, 6));
            DrawActivity(new DemoRandom(_options.Seed, 7));

            var textRng = new DemoRandom(_options.Seed, 8);
            var accounts = BuildAccounts(textRng);
            var reps = BuildReps(repRng);
            var data = new DataSet(accounts, reps, _opportunities, Icp);

            return new DemoUniverse(data, new AccountValues(_accountIds, _potential), new AccountValues(_accountIds, _fit));
        }

        // Metro by size, city inside the metro, Rayleigh-distributed jitter in km around the city centre.
        private void PlaceAccounts(DemoRandom rng)
        {
            var metros = DemoCatalog.Metros;
            var metroCum = DemoRandom.Cumulative(metros.Select(m => m.Weight));
            var cityCum = metros.Select(m => DemoRandom.Cumulative(m.Cities.Select(c => c.Weight))).ToArray();
            var industryCum = metros.Select(m => DemoRandom.Cumulative(_industries.Select(ind =>
                ind.Share * m.Tilt.Where(t => t.Industry == ind.Name).Select(t => t.Factor).DefaultIfEmpty(1).First()))).ToArray();

            for (int i = 0; i < _n; i++)
            {
                int m = rng.Pick(metroCum);
                int c = rng.Pick(cityCum[m]);
                var city = metros[m].Cities[c];
                double r = Math.Min(4, Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble()))) * city.SpreadKm;
                double angle = rng.NextDouble() * 2 * Math.PI;
                double lat = city.Latitude + r * Math.Cos(angle) / 111.32;
                double lon = city.Longitude + r * Math.Sin(angle) / (111.32 * Math.Cos(city.Latitude * Math.PI / 180));
                _metro[i] = m;
                _city[i] = c;
                _lat[i] = Math.Round(lat, 5);
                _lon[i] = Math.Round(lon, 5);
                _zip[i] = rng.Next(city.ZipLow, city.ZipHigh + 1);
                _industry[i] = rng.Pick(industryCum[m]);
            }
        }

        private void DrawFirmographicsAndLatents(DemoRandom rng)
        {
            double totalAffinity = _techs.Sum(t => t.IcpAffinity);
            for (int i = 0; i < _n; i++)
            {
                var ind = _industries[_industry[i]];

                // Heavy tail: mostly log-normal (median ~110 × industry factor), 3% Pareto giants.
                double e = rng.Chance(0.03)
                    ? 2000 * Math.Sqrt(ind.SizeFactor) * Math.Pow(1 - rng.NextDouble(), -1 / 0.9)
                    : 110 * ind.SizeFactor * Math.Exp(1.2 * rng.Normal());
                int employees = (int)Math.Round(Math.Clamp(e, 2, 400_000));
                _employees[i] = employees;
                double log10Emp = Math.Log10(employees);

                // Tech stack: modern data tools follow a latent sophistication; bigger companies run more tools.
                double sophistication = Math.Clamp(ind.TechSophistication + 0.06 * Math.Log10(employees / 200.0) + 0.18 * rng.Normal(), 0, 1);
                double sizeBoost = Math.Clamp(0.6 + 0.2 * log10Emp, 0.6, 1.6);
                int mask = 0;
                double affinity = 0;
                for (int t = 0; t < _techs.Length; t++)
                {
                    var tech = _techs[t];
                    double p = tech.Prevalence * sizeBoost * (tech.Modern ? 0.3 + 1.6 * sophistication : 1);
                    if (rng.Chance(Math.Min(0.95, p)))
                    {
                        mask |= 1 << t;
                        affinity += tech.IcpAffinity;
                    }
                }

                _techMask[i] = mask;
                double techScore = totalAffinity > 0 ? affinity / totalAffinity : 0;

                // Growth: small companies grow faster and more erratically.
                double smallness = Math.Clamp((3 - log10Emp) / 2, 0, 1);
                double growth = Math.Clamp(ind.GrowthMean + 0.10 * smallness + (0.06 + 0.12 * smallness) * rng.Normal(), -0.4, 2.0);
                double growthScore = Math.Clamp((growth + 0.05) / 0.35, 0, 1);
                _growthObserved[i] = rng.Chance(0.88) ? Math.Round(growth + 0.02 * rng.Normal(), 3) : double.NaN;

                double fit = Math.Clamp(
                    0.05 + 0.40 * ind.IcpWeight + 0.25 * SizeScore(employees) + 0.20 * techScore + 0.10 * growthScore + 0.04 * rng.Normal(),
                    0, 1);
                _fit[i] = fit;

                double revenueNoise = Math.Exp(0.35 * rng.Normal());
                _revenue[i] = rng.Chance(0.9) ? RoundSignificant(employees * ind.RevenuePerEmployee * revenueNoise, 3) : double.NaN;

                _potential[i] = DemoCatalog.AverageAcv
                    * Math.Pow(employees / 1000.0, SizeExponent)
                    * ind.PotentialMultiplier
                    * (0.5 + fit)
                    * Math.Pow(revenueNoise, 0.25)
                    * Math.Exp(PotentialNoiseSigma * rng.Normal());
                _funding[i] = rng.Chance(0.92) ? FundingStage(ind.Name, employees, rng) : null;
            }
        }

        internal static double SizeScore(int employees)
        {
            if (employees < DemoCatalog.IcpMinEmployees)
            {
                return Math.Max(0, 1 - Math.Log(DemoCatalog.IcpMinEmployees / (double)Math.Max(1, employees)) / Math.Log(20));
            }

            if (employees > DemoCatalog.IcpMaxEmployees)
            {
                return Math.Max(0.2, 1 - Math.Log(employees / (double)DemoCatalog.IcpMaxEmployees) / Math.Log(50));
            }

            return 1;
        }

        private static string? FundingStage(string industry, int employees, DemoRandom rng)
        {
            if (industry is "Government" or "Education")
            {
                return null;
            }

            (string Stage, double Weight)[] table = employees switch
            {
                < 25 => [("Seed", 0.45), ("Series A", 0.25), ("Private", 0.30)],
                < 100 => [("Seed", 0.15), ("Series A", 0.35), ("Series B", 0.20), ("Private", 0.30)],
                < 500 => [("Series A", 0.10), ("Series B", 0.25), ("Series C", 0.20), ("Private Equity", 0.15), ("Private", 0.30)],
                < 2000 => [("Series C", 0.15), ("Series D+", 0.20), ("Private Equity", 0.25), ("Private", 0.20), ("Public", 0.20)],
                < 10000 => [("Series D+", 0.10), ("Private Equity", 0.25), ("Private", 0.15), ("Public", 0.50)],
                _ => [("Private Equity", 0.10), ("Private", 0.05), ("Public", 0.85)],
            };
            double target = rng.NextDouble();
            foreach (var (stage, weight) in table)
            {
                target -= weight;
                if (target < 0)
                {
                    return stage;
                }
            }

            return table[^1].Stage;
        }

        // Intent, customers, ARR, last year's tier and the named-account list, all drawn from the latent values.
        private void DrawCommercialState(DemoRandom rng)
        {
            for (int i = 0; i < _n; i++)
            {
                double fit = _fit[i];
                bool inMarket = rng.Chance(0.04 + 0.30 * Math.Pow(fit, 1.5));
                _inMarket[i] = inMarket;
                double intent = Math.Clamp(15 + 50 * fit + (inMarket ? 22 : 0) + 12 * rng.Normal(), 0, 100);
                _intent[i] = rng.Chance(0.85) ? Math.Round(intent) : double.NaN;
            }

            // Customers: more likely with high fit and size; the scale is solved so about 8% are customers.
            var weight = new double[_n];
            for (int i = 0; i < _n; i++)
            {
                weight[i] = Math.Exp(4 * _fit[i] + 0.3 * Math.Log(_employees[i] / 200.0));
            }

            double scale = SolveScale(weight, CustomerShare * _n, 0.85);
            for (int i = 0; i < _n; i++)
            {
                bool customer = rng.Chance(Math.Min(0.85, scale * weight[i]));
                _customer[i] = customer;
                if (customer)
                {
                    _arr[i] = Math.Floor(_potential[i] * rng.Uniform(0.2, 0.9));
                    if (_competitorBit >= 0 && (_techMask[i] & (1 << _competitorBit)) != 0 && rng.Chance(0.85))
                    {
                        _techMask[i] &= ~(1 << _competitorBit);
                    }
                }

                // Last year's view of the potential: the truth seen through a little noise.
                _perceived[i] = _potential[i] * Math.Exp(0.15 * rng.Normal());
            }

            var sortedPerceived = (double[])_perceived.Clone();
            Array.Sort(sortedPerceived);
            DrawLastYearsTiers(sortedPerceived, rng);
            DrawNamedAccounts(sortedPerceived, rng);
        }

        // Solves s in sum(min(cap, s·w)) = target by bisection on log s.
        private static double SolveScale(double[] weight, double target, double cap)
        {
            double lo = -40, hi = 40;
            for (int iter = 0; iter < 45; iter++)
            {
                double mid = (lo + hi) / 2, s = Math.Exp(mid), sum = 0;
                foreach (var w in weight)
                {
                    sum += Math.Min(cap, s * w);
                }

                if (sum < target)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return Math.Exp((lo + hi) / 2);
        }

        // Tiers by quantile of the perceived potential (top 2% Strategic, next 10% Enterprise, next 30%
        // Commercial), then ~12% moved one tier up or down: last year's classification was not perfect.
        private void DrawLastYearsTiers(double[] sorted, DemoRandom rng)
        {
            double strategic = Quantile(sorted, 0.98), enterprise = Quantile(sorted, 0.88), commercial = Quantile(sorted, 0.58);
            for (int i = 0; i < _n; i++)
            {
                double p = _perceived[i];
                int tier = p >= strategic ? 0 : p >= enterprise ? 1 : p >= commercial ? 2 : 3;
                if (rng.Chance(MisclassifiedShare))
                {
                    tier = tier == 0 ? 1 : tier == 3 ? 2 : tier + (rng.Chance(0.5) ? 1 : -1);
                }

                _tier[i] = (sbyte)tier;
            }

            static double Quantile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        }

        // Named accounts: mostly the largest customers, plus a few very large prospects.
        private void DrawNamedAccounts(double[] sorted, DemoRandom rng)
        {
            var customers = new List<(double Key, int Index)>();
            for (int i = 0; i < _n; i++)
            {
                if (_customer[i])
                {
                    customers.Add((Math.Log(_perceived[i]) + 0.3 * rng.Normal(), i));
                }
            }

            customers.Sort((a, b) => b.Key.CompareTo(a.Key));
            int namedCustomers = Math.Min(customers.Count, (int)Math.Round(NamedShare * _n));
            for (int j = 0; j < namedCustomers; j++)
            {
                _named[customers[j].Index] = true;
            }

            double top1 = sorted[Math.Min(_n - 1, (int)(0.99 * _n))];
            for (int i = 0; i < _n; i++)
            {
                if (!_customer[i] && _perceived[i] >= top1 && rng.Chance(0.3))
                {
                    _named[i] = true;
                }
            }
        }

        // Seniority mix, one ramping rep when the team has at least five, win-rate skill and industry strengths.
        private void DrawTeam(DemoRandom rng)
        {
            int seniors = _k >= 2 ? Math.Max(1, (int)Math.Round(0.25 * _k)) : 0;
            int juniors = _k >= 3 ? Math.Max(1, (int)Math.Round(0.30 * _k)) : 0;
            for (int r = 0; r < _k; r++)
            {
                _seniority[r] = r < seniors ? Seniority.Senior : r < seniors + juniors ? Seniority.Junior : Seniority.Mid;
            }

            rng.Shuffle(_seniority);
            if (_k >= 5)
            {
                int[] juniorIndexes = [.. Enumerable.Range(0, _k).Where(r => _seniority[r] == Seniority.Junior)];
                _ramping[juniorIndexes.Length > 0 ? rng.Pick(juniorIndexes) : rng.Next(_k)] = true;
            }

            var industryCum = DemoRandom.Cumulative(_industries.Select(i => i.Share));
            for (int r = 0; r < _k; r++)
            {
                double baseSkill = _seniority[r] switch { Seniority.Senior => 0.37, Seniority.Junior => 0.22, _ => 0.30 };
                _skill[r] = baseSkill + 0.04 * rng.Normal() - (_ramping[r] ? 0.05 : 0);
                int count = 1 + rng.Next(3);
                var strengths = new List<int>(count);
                for (int attempt = 0; strengths.Count < count && attempt < 20; attempt++)
                {
                    int ind = rng.Pick(industryCum);
                    if (!strengths.Contains(ind))
                    {
                        strengths.Add(ind);
                    }
                }

                _strengths[r] = [.. strengths];
            }
        }

        /// <summary>
        /// Last year's plan: accounts ordered along a tour of the country (metro, city, postal code) and cut
        /// into contiguous runs, one per rep, with deliberately unequal shares of the potential (seniors got
        /// more, the ramping rep less, and noise), stretched so the largest share is 2.2× the smallest.
        /// Then history: ~3% of accounts sit with a rep elsewhere, some named accounts were handed to senior
        /// reps, and ~5% of small prospects have no owner at all.
        /// </summary>
        private void DrawLastYearsPlan(DemoRandom rng)
        {
            // Unassigned: prospects only, more often the poorly fitting ones.
            double eligible = 0, meanWeight = 0;
            for (int i = 0; i < _n; i++)
            {
                if (!_customer[i] && !_named[i])
                {
                    eligible++;
                    meanWeight += 1.4 - 0.8 * _fit[i];
                }
            }

            double baseRate = eligible > 0 ? Math.Min(1, UnassignedShare * _n / eligible) : 0;
            meanWeight = eligible > 0 ? meanWeight / eligible : 1;
            var order = new List<int>(_n);
            for (int i = 0; i < _n; i++)
            {
                bool unassigned = !_customer[i] && !_named[i] && rng.Chance(baseRate * (1.4 - 0.8 * _fit[i]) / meanWeight);
                _owner[i] = NoOwner;
                if (!unassigned)
                {
                    order.Add(i);
                }
            }

            // Geographic order: the metro table is a tour of the country; inside a metro, city then postal code.
            var keys = new long[order.Count];
            var items = order.ToArray();
            for (int j = 0; j < items.Length; j++)
            {
                int i = items[j];
                keys[j] = (((long)_metro[i] * 8 + _city[i]) * 100_000 + _zip[i]) * DemoOptions.MaxAccounts + i;
            }

            Array.Sort(keys, items);

            var share = TerritoryShares(rng);
            double total = 0;
            foreach (var i in items)
            {
                total += _potential[i];
            }

            var metroCounts = new int[_k, DemoCatalog.Metros.Length];
            double cumulative = 0, boundary = share[0] * total;
            int rep = 0;
            foreach (var i in items)
            {
                // Move to the next rep once this account's midpoint passes the current rep's boundary.
                while (rep < _k - 1 && cumulative + _potential[i] / 2 > boundary)
                {
                    rep++;
                    boundary += share[rep] * total;
                }

                cumulative += _potential[i];
                _owner[i] = rep;
                metroCounts[rep, _metro[i]]++;
            }

            for (int r = 0; r < _k; r++)
            {
                int best = -1;
                for (int m = 0; m < DemoCatalog.Metros.Length; m++)
                {
                    if (metroCounts[r, m] > 0 && (best < 0 || metroCounts[r, m] > metroCounts[r, best]))
                    {
                        best = m;
                    }
                }

                // A rep whose run is empty (tiny universes) still gets a home along the tour.
                _homeMetro[r] = best >= 0 ? best : (int)((long)r * DemoCatalog.Metros.Length / _k);
            }

            int[] seniorReps = [.. Enumerable.Range(0, _k).Where(r => _seniority[r] == Seniority.Senior)];
            foreach (var i in items)
            {
                if (_named[i] && seniorReps.Length > 0 && rng.Chance(0.4))
                {
                    _owner[i] = rng.Pick(seniorReps);
                }
                else if (!_named[i] && _k > 1 && rng.Chance(0.03))
                {
                    _owner[i] = rng.Next(_k);
                }
            }

            // Accounts without an owner were never classified.
            for (int i = 0; i < _n; i++)
            {
                if (_owner[i] == NoOwner)
                {
                    _tier[i] = NoTier;
                }
            }
        }

        private double[] TerritoryShares(DemoRandom rng)
        {
            var log = new double[_k];
            for (int r = 0; r < _k; r++)
            {
                double factor = _seniority[r] switch { Seniority.Senior => 1.35, Seniority.Junior => 0.8, _ => 1.0 };
                log[r] = Math.Log(factor * (_ramping[r] ? 0.7 : 1)) + 0.15 * rng.Normal();
            }

            double min = log.Min(), max = log.Max();
            double stretch = max > min ? Math.Log(PlanSkew) / (max - min) : 0;
            var share = new double[_k];
            for (int r = 0; r < _k; r++)
            {
                share[r] = Math.Exp((log[r] - min) * stretch);
            }

            double sum = share.Sum();
            for (int r = 0; r < _k; r++)
            {
                share[r] /= sum;
            }

            return share;
        }

        private double WinProbability(int rep, int industry) =>
            Math.Clamp(_skill[rep] + _industries[industry].WinEase + (_strengths[rep].Contains(industry) ? 0.07 : 0), 0.05, 0.8);

        /// <summary>
        /// Closed won deals reproduce every customer's ARR (first deal plus expansions); for each win, the
        /// number of losses by the same rep in the same industry is geometric with the rep × industry win
        /// probability, so observed win rates differ by rep and industry. Open deals follow latent in-market
        /// status (new logos) or whitespace left at customers (expansions).
        /// </summary>
        private void DrawOpportunities(DemoRandom rng)
        {
            int industries = _industries.Length;
            var (repBucketStart, repBucket) = BucketProspects(i => _owner[i] == NoOwner ? -1 : _owner[i] * industries + _industry[i], _k * industries);
            var (industryBucketStart, industryBucket) = BucketProspects(i => _industry[i], industries);

            Span<double> weights = stackalloc double[3];
            Span<int> dates = stackalloc int[3];
            for (int i = 0; i < _n; i++)
            {
                if (!_customer[i])
                {
                    continue;
                }

                int deals = rng.Chance(0.5) ? 1 : rng.Chance(0.7) ? 2 : 3;
                double weightSum = 0;
                for (int d = 0; d < deals; d++)
                {
                    weights[d] = d == 0 ? 1 : rng.Uniform(0.15, 0.5);
                    weightSum += weights[d];
                    dates[d] = _asOf - rng.Next(7, 1096);
                }

                dates[..deals].Sort();
                double remaining = _arr[i];
                for (int d = 0; d < deals; d++)
                {
                    double amount = Math.Max(0, d == deals - 1 ? remaining : Math.Round(_arr[i] * weights[d] / weightSum));
                    remaining -= amount;
                    int owner = DealOwner(_owner[i], dates[d], rng);
                    AddClosed(i, owner, amount, dates[d], won: true, rng);

                    int losses = Geometric(WinProbability(owner, _industry[i]), rng);
                    for (int l = 0; l < losses; l++)
                    {
                        int target = PickProspect(repBucketStart, repBucket, owner * industries + _industry[i], rng);
                        if (target < 0)
                        {
                            target = PickProspect(industryBucketStart, industryBucket, _industry[i], rng);
                        }

                        if (target >= 0)
                        {
                            // A ramping rep only lost deals since starting.
                            int closed = _asOf - rng.Next(7, _ramping[owner] ? _asOf - _rampStart : 1096);
                            AddClosed(target, owner, Math.Max(100, RoundTo(_potential[target] * rng.Uniform(0.3, 0.8), 100)), closed, won: false, rng);
                        }
                    }
                }
            }

            for (int i = 0; i < _n; i++)
            {
                if (_owner[i] == NoOwner)
                {
                    continue;
                }

                double pOpen = _customer[i] ? 0.10 + (_inMarket[i] ? 0.2 : 0) : _inMarket[i] ? 0.65 : 0.02;
                if (!rng.Chance(pOpen))
                {
                    continue;
                }

                double amount = _customer[i]
                    ? Math.Max(1000, RoundTo((_potential[i] - _arr[i]) * rng.Uniform(0.3, 0.8), 100))
                    : Math.Max(1000, RoundTo(_potential[i] * rng.Uniform(0.35, 0.9), 100));
                int stage = rng.Pick(StageCumulative);
                int created = _asOf - rng.Next(5 + 20 * stage, 60 + 60 * stage);
                // Expected close dates lie ahead, except for ~8% of slipped deals whose date has passed.
                int close = rng.Chance(0.08) ? _asOf - rng.Next(1, 31) : _asOf + rng.Next(10, 60 + 40 * (3 - stage));
                close = close > created ? close : _asOf + rng.Next(10, 60);
                int activity = rng.Chance(0.85) ? _asOf - rng.Next(0, 31) : _asOf - rng.Next(31, 121);
                activity = Math.Max(activity, created);
                int owner = _k > 1 && rng.Chance(0.03) ? rng.Next(_k) : _owner[i];
                _opportunities.Add(new Opportunity
                {
                    OpportunityId = OpportunityId(_opportunities.Count),
                    AccountId = _accountIds[i],
                    OwnerId = _repIds[owner],
                    Amount = amount,
                    Stage = Stages[stage],
                    CreatedDate = DateOnly.FromDayNumber(created),
                    CloseDate = DateOnly.FromDayNumber(close),
                    LastActivityDate = DateOnly.FromDayNumber(activity),
                    Notes = rng.Chance(0.12) ? Fill(rng.Pick(DemoCatalog.OpportunityNotes), rng) : null,
                });
                Touch(i, activity);
            }
        }

        // Most deals were closed by today's owner; others by a former owner. A ramping rep closed nothing before starting.
        private int DealOwner(int owner, int closeDay, DemoRandom rng)
        {
            bool former = _k > 1 && (rng.Chance(0.2) || (_ramping[owner] && closeDay < _rampStart));
            if (!former)
            {
                return owner;
            }

            int other = rng.Next(_k - 1);
            other = other >= owner ? other + 1 : other;
            return _ramping[other] && closeDay < _rampStart ? FirstNonRamping(owner) : other;
        }

        private int FirstNonRamping(int except)
        {
            for (int r = 0; r < _k; r++)
            {
                if (!_ramping[r] && r != except)
                {
                    return r;
                }
            }

            return except;
        }

        private void AddClosed(int account, int owner, double amount, int closeDay, bool won, DemoRandom rng)
        {
            int cycle = (int)Math.Round(30 + 25 * Math.Log(1 + amount / 5000) + rng.Next(0, 41));
            string? notes = won
                ? (rng.Chance(0.08) ? Fill(rng.Pick(DemoCatalog.OpportunityNotes), rng) : null)
                : (rng.Chance(0.4) ? Fill(rng.Pick(DemoCatalog.LostNotes), rng) : null);
            _opportunities.Add(new Opportunity
            {
                OpportunityId = OpportunityId(_opportunities.Count),
                AccountId = _accountIds[account],
                OwnerId = _repIds[owner],
                Amount = amount,
                Stage = won ? "Closed Won" : "Closed Lost",
                CreatedDate = DateOnly.FromDayNumber(closeDay - cycle),
                CloseDate = DateOnly.FromDayNumber(closeDay),
                LastActivityDate = DateOnly.FromDayNumber(closeDay),
                Notes = notes,
            });
            Touch(account, closeDay);
        }

        private void Touch(int account, int day)
        {
            if (day > _lastActivity[account])
            {
                _lastActivity[account] = Math.Min(day, _asOf);
            }
        }

        // Prospects (non-customers) grouped by a key with a counting sort: start offsets plus one flat index array.
        private (int[] Start, int[] Items) BucketProspects(Func<int, int> key, int buckets)
        {
            var start = new int[buckets + 1];
            for (int i = 0; i < _n; i++)
            {
                int b = _customer[i] ? -1 : key(i);
                if (b >= 0)
                {
                    start[b + 1]++;
                }
            }

            for (int b = 0; b < buckets; b++)
            {
                start[b + 1] += start[b];
            }

            var items = new int[start[buckets]];
            var next = (int[])start.Clone();
            for (int i = 0; i < _n; i++)
            {
                int b = _customer[i] ? -1 : key(i);
                if (b >= 0)
                {
                    items[next[b]++] = i;
                }
            }

            return (start, items);
        }

        // A prospect from the bucket, preferring better fits (reps lose deals they chose to pursue).
        private int PickProspect(int[] start, int[] items, int bucket, DemoRandom rng)
        {
            int from = start[bucket], count = start[bucket + 1] - from;
            if (count == 0)
            {
                return -1;
            }

            int pick = items[from + rng.Next(count)];
            for (int attempt = 0; attempt < 3 && !rng.Chance(0.35 + 0.65 * _fit[pick]); attempt++)
            {
                pick = items[from + rng.Next(count)];
            }

            return pick;
        }

        private static int Geometric(double p, DemoRandom rng) =>
            Math.Min(12, (int)Math.Floor(Math.Log(1 - rng.NextDouble()) / Math.Log(1 - p)));

        // Customers are worked recently; some other owned accounts were touched long ago; most are untouched.
        private void DrawActivity(DemoRandom rng)
        {
            for (int i = 0; i < _n; i++)
            {
                if (_customer[i])
                {
                    Touch(i, _asOf - (rng.Chance(0.8) ? rng.Next(0, 46) : rng.Next(46, 201)));
                }
                else if (_lastActivity[i] != NoDate)
                {
                    Touch(i, Math.Min(_asOf, _lastActivity[i] + rng.Next(0, 31)));
                }
                else if (_owner[i] != NoOwner ? rng.Chance(0.25) : rng.Chance(0.05))
                {
                    Touch(i, _asOf - (_owner[i] != NoOwner ? rng.Next(180, 901) : rng.Next(400, 1201)));
                }
            }
        }

        private Account[] BuildAccounts(DemoRandom rng)
        {
            var accounts = new Account[_n];
            var stacks = new Dictionary<int, string[]>();
            var zips = new Dictionary<int, string>();
            var names = new CompanyNames(_industries);
            for (int i = 0; i < _n; i++)
            {
                var ind = _industries[_industry[i]];
                var city = DemoCatalog.Metros[_metro[i]].Cities[_city[i]];
                if (!stacks.TryGetValue(_techMask[i], out var stack))
                {
                    stack = new string[System.Numerics.BitOperations.PopCount((uint)_techMask[i])];
                    for (int t = 0, j = 0; t < _techs.Length; t++)
                    {
                        if ((_techMask[i] & (1 << t)) != 0)
                        {
                            stack[j++] = _techs[t].Name;
                        }
                    }

                    stacks.Add(_techMask[i], stack);
                }

                if (!zips.TryGetValue(_zip[i], out var zip))
                {
                    zip = _zip[i].ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                    zips.Add(_zip[i], zip);
                }

                accounts[i] = new Account
                {
                    AccountId = _accountIds[i],
                    Name = names.Next(_industry[i], rng),
                    Industry = ind.Name,
                    Employees = _employees[i],
                    AnnualRevenue = double.IsNaN(_revenue[i]) ? null : _revenue[i],
                    Country = "US",
                    Region = city.State,
                    City = city.Name,
                    PostalCode = zip,
                    Location = new GeoPoint(_lat[i], _lon[i]),
                    TechStack = stack,
                    GrowthRate = double.IsNaN(_growthObserved[i]) ? null : _growthObserved[i],
                    FundingStage = _funding[i],
                    IntentScore = double.IsNaN(_intent[i]) ? null : _intent[i],
                    IsCustomer = _customer[i],
                    CurrentArr = _arr[i],
                    CurrentTier = _tier[i] == NoTier ? null : (Tier)_tier[i],
                    OwnerId = _owner[i] == NoOwner ? null : _repIds[_owner[i]],
                    NamedAccount = _named[i],
                    LastActivityDate = _lastActivity[i] == NoDate ? null : DateOnly.FromDayNumber(_lastActivity[i]),
                    RelationshipNotes = _customer[i] && rng.Chance(0.4) ? Fill(rng.Pick(DemoCatalog.RelationshipNotes), rng) : null,
                };
            }

            return accounts;
        }

        private Rep[] BuildReps(DemoRandom rng)
        {
            double totalPotential = _potential.Sum();
            double midQuota = RoundTo(Math.Max(100_000, 0.035 * totalPotential / _k), 5000);
            double accountsPerRep = (double)_n / _k;
            var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var slackIds = new HashSet<string>(StringComparer.Ordinal);
            var reps = new Rep[_k + 2];
            string managerId = RepId(_k);
            for (int r = 0; r < _k; r++)
            {
                double level = _seniority[r] switch { Seniority.Senior => 1.3, Seniority.Junior => 0.75, _ => 1.0 };
                double capacityLevel = _seniority[r] switch { Seniority.Senior => 1.15, Seniority.Junior => 0.85, _ => 1.0 };
                var home = DemoCatalog.Metros[_homeMetro[r]].Cities[0];
                reps[r] = Person(_repIds[r], RepRole.Rep, home, rng, emails, slackIds) with
                {
                    ManagerId = managerId,
                    Seniority = _seniority[r],
                    Quota = RoundTo(midQuota * level * (_ramping[r] ? 0.5 : 1), 5000),
                    Capacity = Math.Max(1, (int)Math.Round(accountsPerRep * 0.8 * capacityLevel * (_ramping[r] ? 0.6 : 1))),
                    Ramping = _ramping[r],
                    IndustryStrengths = [.. _strengths[r].Select(s => _industries[s].Name)],
                };
            }

            // The manager sits in the largest metro, ops in the second largest.
            var bySize = Enumerable.Range(0, DemoCatalog.Metros.Length).OrderByDescending(m => DemoCatalog.Metros[m].Weight).ToArray();
            reps[_k] = Person(managerId, RepRole.Manager, DemoCatalog.Metros[bySize[0]].Cities[0], rng, emails, slackIds) with { Seniority = Seniority.Senior };
            reps[_k + 1] = Person(RepId(_k + 1), RepRole.Ops, DemoCatalog.Metros[bySize[1]].Cities[0], rng, emails, slackIds);
            return reps;
        }

        private static Rep Person(string id, RepRole role, DemoCity home, DemoRandom rng, HashSet<string> emails, HashSet<string> slackIds)
        {
            string first = rng.Pick(DemoCatalog.FirstNames), last = rng.Pick(DemoCatalog.LastNames);
            string local = $"{first}.{last}".ToLowerInvariant();
            string email = $"{local}@{DemoCatalog.EmailDomain}";
            for (int n = 2; !emails.Add(email); n++)
            {
                email = $"{local}{n}@{DemoCatalog.EmailDomain}";
            }

            string slack;
            do
            {
                slack = SlackId(rng);
            }
            while (!slackIds.Add(slack));

            double r = 3 * rng.NextDouble(), angle = rng.NextDouble() * 2 * Math.PI;
            return new Rep
            {
                RepId = id,
                Name = $"{first} {last}",
                Email = email,
                Role = role,
                Home = new GeoPoint(
                    Math.Round(home.Latitude + r * Math.Cos(angle) / 111.32, 5),
                    Math.Round(home.Longitude + r * Math.Sin(angle) / (111.32 * Math.Cos(home.Latitude * Math.PI / 180)), 5)),
                Region = home.State,
                SlackUserId = slack,
                TeamsAadObjectId = TeamsId(rng),
            };
        }

        private static string SlackId(DemoRandom rng)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            Span<char> chars = stackalloc char[11];
            chars[0] = 'U';
            for (int c = 1; c < chars.Length; c++)
            {
                chars[c] = alphabet[rng.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        // A version-4 GUID from the seeded stream, so chat identities are reproducible too.
        private static string TeamsId(DemoRandom rng)
        {
            Span<byte> bytes = stackalloc byte[16];
            for (int b = 0; b < 16; b++)
            {
                bytes[b] = (byte)rng.Next(256);
            }

            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes).ToString("D");
        }

        private static string Fill(string template, DemoRandom rng) => template
            .Replace("{title}", rng.Pick(DemoCatalog.Titles), StringComparison.Ordinal)
            .Replace("{competitor}", DemoCatalog.Competitor, StringComparison.Ordinal)
            .Replace("{month}", rng.Pick(DemoCatalog.Months), StringComparison.Ordinal);

        private static double RoundTo(double value, double step) => Math.Round(value / step) * step;

        private static double RoundSignificant(double value, int digits)
        {
            if (value <= 0)
            {
                return 0;
            }

            double scale = Math.Pow(10, Math.Floor(Math.Log10(value)) + 1 - digits);
            return Math.Round(value / scale) * scale;
        }
    }

    internal static string AccountId(int index) => "A" + (index + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    internal static string RepId(int index) => "R" + (index + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    internal static string OpportunityId(int index) => "O" + (index + 1).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
