using System.Globalization;
using System.IO.Compression;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Import.Geocoding;

/// <summary>
/// The place names and centres the geocoder looks up: countries, states/provinces with their centres, cities and
/// US ZIP code centroids, indexed by <see cref="PlaceKey"/>. Built from the lines tools/gazetteer/build.mjs writes
/// (see NOTICE.md); <see cref="Shipped"/> is the copy embedded in the application.
/// </summary>
internal sealed class Gazetteer
{
    public const string ResourceName = "TerritoryBot.Import.Geocoding.gazetteer.tsv.gz";

    private static readonly Lazy<Gazetteer> ShippedCopy = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> countries = new(StringComparer.Ordinal);
    // Region key (code or name) -> regions of that key, US before Canada: "NL" or "Georgia" alone must pick one.
    private readonly Dictionary<string, List<RegionEntry>> regions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, string Region, string City), CityEntry> cityInRegion = [];
    private readonly Dictionary<(string Country, string City), CityEntry> cityInCountry = [];
    private readonly Dictionary<string, CityEntry> cityAnywhere = new(StringComparer.Ordinal);
    private readonly Dictionary<int, GeoPoint> zips = [];
    private readonly Dictionary<int, GeoPoint> zipPrefixes = [];

    internal sealed record RegionEntry(string Country, string Code, GeoPoint Centre);

    internal sealed record CityEntry(string Country, string Region, GeoPoint Location, long Population);

    /// <summary>The gazetteer embedded in the application, read once on first use (about 0.3 s of CPU).</summary>
    public static Gazetteer Shipped => ShippedCopy.Value;

    public int CityCount => cityInRegion.Count;

    public int ZipCount => zips.Count;

    /// <summary>Reads gazetteer lines; a malformed line is a bug in the build script, so it throws naming the line.</summary>
    public static Gazetteer Parse(TextReader reader)
    {
        var g = new Gazetteer();
        var prefixSums = new Dictionary<int, (double X, double Y, double Z)>();
        string? line;
        long number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            try
            {
                switch (f[0])
                {
                    case "N":
                        g.countries.TryAdd(PlaceKey.Of(f[2]), f[1]);
                        break;
                    case "R":
                        var region = new RegionEntry(f[1], f[2], Point(f[4], f[5]));
                        g.AddRegion(PlaceKey.Of(f[2]), region);
                        g.AddRegion(PlaceKey.Of(f[3]), region);
                        break;
                    case "C":
                        g.AddCity(new CityEntry(f[1], f[2], Point(f[4], f[5]), long.Parse(f[6], CultureInfo.InvariantCulture)), PlaceKey.Of(f[3]));
                        break;
                    case "Z":
                        var zip = int.Parse(f[1], CultureInfo.InvariantCulture);
                        var at = Point(f[2], f[3]);
                        g.zips[zip] = at;
                        var (x, y, z) = at.ToCartesian();
                        var s = prefixSums.GetValueOrDefault(zip / 100);
                        prefixSums[zip / 100] = (s.X + x, s.Y + y, s.Z + z);
                        break;
                    default:
                        throw new FormatException($"unknown record type '{f[0]}'");
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new InvalidDataException($"gazetteer line {number}: {e.Message}", e);
            }
        }

        // A ZIP that is not a ZCTA (PO boxes, single-company ZIPs) still tells its 3-digit area: the mean of the area's ZCTAs.
        foreach (var (prefix, (x, y, z)) in prefixSums)
        {
            double norm = Math.Sqrt(x * x + y * y + z * z);
            g.zipPrefixes[prefix] = new GeoPoint(Math.Asin(z / norm) * 180 / Math.PI, Math.Atan2(y, x) * 180 / Math.PI);
        }

        return g;
    }

    public string? Country(string key) => countries.GetValueOrDefault(key);

    /// <summary>The region of <paramref name="key"/> (code or name) in <paramref name="country"/>, or the first country's when null.</summary>
    public RegionEntry? Region(string key, string? country)
    {
        if (!regions.TryGetValue(key, out var list))
        {
            return null;
        }

        return country is null ? list[0] : list.Find(r => r.Country == country);
    }

    public CityEntry? City(string country, string region, string key) => cityInRegion.GetValueOrDefault((country, region, key));

    public CityEntry? City(string country, string key) => cityInCountry.GetValueOrDefault((country, key));

    public CityEntry? City(string key) => cityAnywhere.GetValueOrDefault(key);

    public GeoPoint? Zip(int zip5) => zips.TryGetValue(zip5, out var p) ? p : null;

    public GeoPoint? ZipArea(int zip5) => zipPrefixes.TryGetValue(zip5 / 100, out var p) ? p : null;

    private void AddRegion(string key, RegionEntry region)
    {
        if (!regions.TryGetValue(key, out var list))
        {
            regions[key] = list = [];
        }

        if (!list.Exists(r => r.Country == region.Country))
        {
            list.Add(region);
        }
    }

    // One name in one scope (a state, a country, the world): the most populous place of that name stands for it.
    private void AddCity(CityEntry city, string key)
    {
        Keep(cityInRegion, (city.Country, city.Region, key), city);
        Keep(cityInCountry, (city.Country, key), city);
        Keep(cityAnywhere, key, city);
    }

    private static void Keep<TKey>(Dictionary<TKey, CityEntry> map, TKey key, CityEntry city)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var old) || old.Population < city.Population)
        {
            map[key] = city;
        }
    }

    private static GeoPoint Point(string lat, string lon) =>
        new(double.Parse(lat, CultureInfo.InvariantCulture), double.Parse(lon, CultureInfo.InvariantCulture));

    private static Gazetteer LoadShipped()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return Parse(reader);
    }
}
