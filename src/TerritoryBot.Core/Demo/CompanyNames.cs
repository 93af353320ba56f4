namespace TerritoryBot.Core.Demo;

/// <summary>
/// Unique company names: a two-part stem plus an industry ending ("Northpoint Health"); a name already taken
/// gets a corporate descriptor ("Northpoint Health Holdings"), then a number once those run out. Base names are
/// built once per combination and counted in an array, so a million names cost one string each at most.
/// </summary>
internal sealed class CompanyNames
{
    private readonly string[] _suffixes;
    private readonly int[][] _industrySuffixes;
    private readonly int[] _canonical;
    private readonly string?[] _baseNames;
    private readonly int[] _taken;
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);

    public CompanyNames(IReadOnlyList<DemoIndustry> industries)
    {
        _suffixes = [.. industries.SelectMany(i => i.Suffixes).Distinct(StringComparer.Ordinal)];
        _industrySuffixes = [.. industries.Select(i => i.Suffixes.Select(s => Array.IndexOf(_suffixes, s)).ToArray())];
        int combinations = DemoCatalog.NameFirst.Length * DemoCatalog.NameSecond.Length * _suffixes.Length;
        _canonical = new int[combinations];
        Array.Fill(_canonical, -1);
        _baseNames = new string?[combinations];
        _taken = new int[combinations];
    }

    public string Next(int industry, DemoRandom rng)
    {
        int first = rng.Next(DemoCatalog.NameFirst.Length);
        int second = rng.Next(DemoCatalog.NameSecond.Length);
        var suffixes = _industrySuffixes[industry];
        int suffix = suffixes[rng.Next(suffixes.Length)];
        int combination = (first * DemoCatalog.NameSecond.Length + second) * _suffixes.Length + suffix;
        if (_canonical[combination] < 0)
        {
            // Different parts can spell the same text (empty second parts, shared endings): share one counter.
            string text = $"{DemoCatalog.NameFirst[first]}{DemoCatalog.NameSecond[second]} {_suffixes[suffix]}";
            if (!_byText.TryGetValue(text, out int canonical))
            {
                canonical = combination;
                _byText.Add(text, canonical);
                _baseNames[canonical] = text;
            }

            _canonical[combination] = canonical;
        }

        int index = _canonical[combination];
        string name = _baseNames[index]!;
        int c = _taken[index]++;
        var descriptors = DemoCatalog.NameDescriptors;
        return c == 0 ? name
            : c <= descriptors.Length ? $"{name} {descriptors[c - 1]}"
            : $"{name} {descriptors[(c - 1) % descriptors.Length]} {(c - 1) / descriptors.Length + 1}";
    }
}
