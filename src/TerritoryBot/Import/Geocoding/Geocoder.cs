using TerritoryBot.Core.Model;

namespace TerritoryBot.Import.Geocoding;

/// <summary>Coordinates for an address and where they came from.</summary>
internal readonly record struct Geocode(GeoPoint? Location, LocationSource Source)
{
    public static Geocode Unplaced => new(null, LocationSource.None);
}

/// <summary>
/// Places an address with the gazetteer, most precise first: the US ZIP code (ZIP 5 or ZIP+4; a ZIP that is no
/// census area falls back to its 3-digit area after the city is tried), else the city within its region and
/// country, else the centre of the state or province, else nothing. Pure: the same address always gives the same
/// answer, and nothing is read but the gazetteer in memory.
/// </summary>
internal sealed class Geocoder(Gazetteer gazetteer)
{
    private const string UnitedStates = "US";

    public Geocode Locate(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var city = place.City;
        var regionText = place.Region;
        // "Austin, TX" in the city column with no region column: the part after the comma is the region.
        if (string.IsNullOrWhiteSpace(regionText) && city is not null && city.LastIndexOf(',') is var comma and > 0)
        {
            regionText = city[(comma + 1)..];
            city = city[..comma];
        }

        var countryKey = PlaceKey.Of(place.Country);
        // A country that is written but unknown to the gazetteer matches nothing rather than being guessed.
        var country = countryKey.Length == 0 ? null : gazetteer.Country(countryKey) ?? "?";
        var regionKey = PlaceKey.Of(regionText);
        var region = regionKey.Length == 0 ? null : gazetteer.Region(regionKey, country);
        country ??= region?.Country;

        // US ZIP codes only where the address is (or may be) in the US: a German "10115" is no New York ZIP.
        int? zip = country is null or UnitedStates ? Zip(place.PostalCode, country == UnitedStates) : null;
        if (zip is { } z && gazetteer.Zip(z) is { } zipCentre)
        {
            return new Geocode(zipCentre, LocationSource.Postal);
        }

        var cityKey = PlaceKey.Of(city);
        if (cityKey.Length > 0 && FindCity(cityKey, country, region, regionKey.Length > 0) is { } found)
        {
            return new Geocode(found.Location, LocationSource.City);
        }

        if (zip is { } area && gazetteer.ZipArea(area) is { } areaCentre)
        {
            return new Geocode(areaCentre, LocationSource.Postal);
        }

        return region is not null ? new Geocode(region.Centre, LocationSource.Region) : Geocode.Unplaced;
    }

    private Gazetteer.CityEntry? FindCity(string cityKey, string? country, Gazetteer.RegionEntry? region, bool regionWritten)
    {
        if (region is not null)
        {
            // Springfield, MO is not Springfield, IL: a city is looked for in its own state only.
            return gazetteer.City(region.Country, region.Code, cityKey);
        }

        if (country is not null)
        {
            return gazetteer.City(country, cityKey);
        }

        // Neither country nor a known region: the most populous place of the name anywhere, unless a region was
        // written that the gazetteer does not know (then the name alone is too weak a clue).
        return regionWritten ? null : gazetteer.City(cityKey);
    }

    /// <summary>
    /// The 5-digit ZIP of a postal code: "02134", "02134-1234", "021341234", "02134 1234"; in a US address also
    /// "2134", the same code after a spreadsheet dropped its leading zero.
    /// </summary>
    internal static int? Zip(string? postalCode, bool knownUs)
    {
        if (string.IsNullOrWhiteSpace(postalCode))
        {
            return null;
        }

        var s = postalCode.Trim();
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        var rest = s[digits..];
        bool plusFour = rest.Length == 5 && (rest[0] == '-' || rest[0] == ' ') && rest[1..].All(char.IsAsciiDigit);
        bool ok = digits switch
        {
            5 => rest.Length == 0 || plusFour,
            9 => rest.Length == 0,
            4 => knownUs && (rest.Length == 0 || plusFour),
            _ => false,
        };
        if (!ok)
        {
            return null;
        }

        // As a number "2134" and "02134" are the same ZIP, so the dropped zero needs no repair.
        int value = 0;
        for (int i = 0; i < Math.Min(digits, 5); i++)
        {
            value = value * 10 + (s[i] - '0');
        }

        return value;
    }
}
