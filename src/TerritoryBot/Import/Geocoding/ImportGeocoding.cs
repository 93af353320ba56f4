using System.Globalization;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Import.Geocoding;

/// <summary>How the accounts and reps' homes of an import were placed: counts per source and the ones that could not be.</summary>
internal sealed record GeocodingReport(
    IReadOnlyDictionary<LocationSource, int> Accounts,
    IReadOnlyDictionary<LocationSource, int> Reps,
    int UnplacedAccounts,
    IReadOnlyList<string> UnplacedSamples)
{
    public const int MaxSamples = 10;

    /// <summary>The report's lines for the import summary.</summary>
    public IEnumerable<string> Lines()
    {
        yield return "Account locations: " + Counts(Accounts) + ".";
        if (Reps.Values.Sum() > 0)
        {
            yield return "Rep home bases: " + Counts(Reps) + ".";
        }

        if (UnplacedAccounts > 0)
        {
            yield return string.Format(CultureInfo.InvariantCulture, "{0:N0} account address(es) matched nothing in the gazetteer{1}: {2}",
                UnplacedAccounts, UnplacedAccounts > UnplacedSamples.Count ? $" (first {UnplacedSamples.Count})" : "", string.Join("; ", UnplacedSamples));
        }
    }

    private static string Counts(IReadOnlyDictionary<LocationSource, int> counts) =>
        string.Join(", ", new[] { LocationSource.Given, LocationSource.Postal, LocationSource.City, LocationSource.Region, LocationSource.None }.Select(s => string.Format(CultureInfo.InvariantCulture, "{0:N0} {1}", counts.GetValueOrDefault(s), Describe(s))));

    private static string Describe(LocationSource source) => source switch
    {
        LocationSource.Given => "given",
        LocationSource.Postal => "from the postal code",
        LocationSource.City => "from the city",
        LocationSource.Region => "at their state's or province's centre",
        _ => "without a location",
    };
}

/// <summary>
/// The import step that gives coordinates to accounts and reps' homes that have an address but none given.
/// Given coordinates are never changed. The gazetteer is loaded only when something needs placing.
/// </summary>
internal static class ImportGeocoding
{
    /// <summary>Lower-case name of a source as the data contract writes it (given, postal, city, region, none).</summary>
    public static string Name(LocationSource source) => source.ToString().ToLowerInvariant();

    public static (DataSet Data, GeocodingReport Report) Apply(DataSet data, Func<Geocoder> geocoder)
    {
        ArgumentNullException.ThrowIfNull(data);
        Geocoder? g = null;
        // CRM lists repeat the same few thousand addresses: each distinct one is looked up once.
        var cache = new Dictionary<Place, Geocode>();
        Geocode Locate(Place place)
        {
            if (!cache.TryGetValue(place, out var result))
            {
                g ??= geocoder();
                cache[place] = result = g.Locate(place);
            }

            return result;
        }

        var accountCounts = new Dictionary<LocationSource, int>();
        var unplaced = new List<string>();
        int unplacedCount = 0;
        var accounts = new Account[data.Accounts.Count];
        for (int i = 0; i < accounts.Length; i++)
        {
            var a = data.Accounts[i];
            var place = new Place(a.Country, a.Region, a.City, a.PostalCode);
            if (a.Location is not null || place.IsEmpty)
            {
                accounts[i] = a;
            }
            else
            {
                var found = Locate(place);
                // Unplaced stays as it was: no location reads as source none.
                accounts[i] = found.Location is null ? a : a with { Location = found.Location, LocationSource = found.Source };
                if (found.Location is null && unplacedCount++ < GeocodingReport.MaxSamples)
                {
                    unplaced.Add($"{a.AccountId} ({Describe(place)})");
                }
            }

            accountCounts[accounts[i].LocationSource] = accountCounts.GetValueOrDefault(accounts[i].LocationSource) + 1;
        }

        var repCounts = new Dictionary<LocationSource, int>();
        var reps = new Rep[data.Reps.Count];
        for (int i = 0; i < reps.Length; i++)
        {
            var r = data.Reps[i];
            // A rep's region is their home region, so it places them when nothing more precise is given.
            var place = r.HomePlace ?? new Place(null, r.Region, null, null);
            // The home place is consumed here (it is not stored), so a rep reads the same from a file and the database.
            var read = r.HomePlace is null ? r : r with { HomePlace = null };
            if (r.Home is not null || place.IsEmpty)
            {
                reps[i] = read;
            }
            else
            {
                var found = Locate(place);
                reps[i] = found.Location is null ? read : read with { Home = found.Location, HomeSource = found.Source };
            }

            repCounts[reps[i].HomeSource] = repCounts.GetValueOrDefault(reps[i].HomeSource) + 1;
        }

        return (data with { Accounts = accounts, Reps = reps }, new GeocodingReport(accountCounts, repCounts, unplacedCount, unplaced));
    }

    private static string Describe(Place p) =>
        string.Join(", ", new[] { p.City, p.Region, p.PostalCode, p.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
