using CsCheck;
using TerritoryBot.Core.Model;
using TerritoryBot.Import;
using TerritoryBot.Import.Geocoding;

namespace TerritoryBot.Tests.Import;

/// <summary>The offline geocoder over the shipped gazetteer: examples with known places, properties over mixed addresses.</summary>
public sealed class GeocodingTests
{
    private static readonly Geocoder Geocoder = new(Gazetteer.Shipped);

    private static Geocode Locate(string? country, string? region, string? city, string? postal) =>
        Geocoder.Locate(new Place(country, region, city, postal));

    private static void Near(GeoPoint expected, Geocode actual, double km)
    {
        Assert.NotNull(actual.Location);
        var d = actual.Location!.Value.DistanceKm(expected);
        Assert.True(d <= km, $"{actual.Location} is {d:F1} km from {expected}, more than {km} km");
    }

    [Fact]
    public void Gazetteer_Shipped_HasUsZipsAndWorldCities()
    {
        Assert.True(Gazetteer.Shipped.ZipCount > 30_000);
        Assert.True(Gazetteer.Shipped.CityCount > 30_000);
    }

    [Fact]
    public void Locate_Zip5_PostalCentre()
    {
        var found = Locate("US", "NY", "New York", "10001");
        Assert.Equal(LocationSource.Postal, found.Source);
        Near(new GeoPoint(40.7506, -73.9973), found, 2);
    }

    [Theory]
    [InlineData("10001-1234")]
    [InlineData("100011234")]
    [InlineData(" 10001 1234 ")]
    public void Locate_ZipPlus4_SameAsZip5(string postal)
    {
        Assert.Equal(Locate("US", null, null, "10001"), Locate("US", null, null, postal));
    }

    [Fact]
    public void Locate_UsZipThatLostItsLeadingZero_ReadAsZip5()
    {
        var found = Locate("United States", "MA", null, "2134");
        Assert.Equal(LocationSource.Postal, found.Source);
        Assert.Equal(Locate("US", "MA", null, "02134"), found);
    }

    [Fact]
    public void Locate_GermanPostcode_NotTakenForUsZip()
    {
        // 10115 is Berlin-Mitte, and also a ZIP in New York: the country decides.
        var found = Locate("Germany", null, "Berlin", "10115");
        Assert.Equal(LocationSource.City, found.Source);
        Near(new GeoPoint(52.52, 13.405), found, 15);
    }

    [Theory]
    [InlineData("Austin", "TX")]
    [InlineData("AUSTIN", "Texas")]
    [InlineData("austin", "texas")]
    public void Locate_CityAndState_City(string city, string state)
    {
        var found = Locate(null, state, city, null);
        Assert.Equal(LocationSource.City, found.Source);
        Near(new GeoPoint(30.267, -97.743), found, 10);
    }

    [Fact]
    public void Locate_StateInCityColumn_City()
    {
        Assert.Equal(Locate("US", "TX", "Austin", null), Locate("US", null, "Austin, TX", null));
    }

    [Theory]
    [InlineData("St. Louis", "MO", "Saint Louis", "Missouri")]
    [InlineData("Ft. Worth", "TX", "Fort Worth", "TX")]
    [InlineData("Mt. Pleasant", "SC", "Mount Pleasant", "South Carolina")]
    [InlineData("St Paul", "MN", "Saint Paul", "MN")]
    public void Locate_CommonAbbreviations_SamePlace(string shortCity, string shortState, string longCity, string longState)
    {
        var a = Locate("USA", shortState, shortCity, null);
        var b = Locate("United States of America", longState, longCity, null);
        Assert.Equal(LocationSource.City, a.Source);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Locate_AccentsAndCase_Ignored()
    {
        var a = Locate("Canada", "QC", "Montréal", null);
        var b = Locate("CA", "Quebec", "MONTREAL", null);
        Assert.Equal(LocationSource.City, a.Source);
        Assert.Equal(a, b);
        Near(new GeoPoint(45.5, -73.57), a, 15);
    }

    [Fact]
    public void Locate_SameCityNameInAnotherState_NotConfused()
    {
        var missouri = Locate("US", "MO", "Springfield", null);
        var illinois = Locate("US", "IL", "Springfield", null);
        Near(new GeoPoint(37.21, -93.30), missouri, 15);
        Near(new GeoPoint(39.80, -89.64), illinois, 15);
    }

    [Fact]
    public void Locate_StateOnly_RegionCentre()
    {
        var found = Locate(null, "Colorado", null, null);
        Assert.Equal(LocationSource.Region, found.Source);
        Near(new GeoPoint(39.0, -105.5), found, 200);
    }

    [Fact]
    public void Locate_UnknownCityInKnownState_RegionCentre()
    {
        Assert.Equal(Locate("US", "OR", null, null), Locate("US", "OR", "Qwxzville", null));
        Assert.Equal(LocationSource.Region, Locate("US", "OR", "Qwxzville", null).Source);
    }

    [Theory]
    [InlineData("US", null, "Qwxzville", null)]
    [InlineData(null, null, null, "ABC-12")]
    [InlineData("Atlantis", null, "Paris", null)]
    [InlineData(null, "Nowhere Province", "Qwxzville", null)]
    public void Locate_Unknown_None(string? country, string? region, string? city, string? postal)
    {
        Assert.Equal(Geocode.Unplaced, Locate(country, region, city, postal));
    }

    [Fact]
    public void Locate_NonUsCity_City()
    {
        // GeoNames' names are the English ones (Munich, not München): other-language names are not in the gazetteer.
        Near(new GeoPoint(48.137, 11.575), Locate("Germany", null, "Munich", null), 15);
        Near(new GeoPoint(50.94, 6.96), Locate("DE", null, "KOLN", null), 15);
        Near(new GeoPoint(51.507, -0.128), Locate("United Kingdom", null, "London", null), 15);
        Near(new GeoPoint(35.69, 139.69), Locate("JP", null, "Tokyo", null), 30);
    }

    // Addresses mixing real places, abbreviations, junk and blanks, so properties see every branch.
    private static readonly Gen<Place> Places = Gen.Select(
        Gen.OneOf<string?>(null, "US", "USA", "United States", "Canada", "Germany", "Atlantis", ""),
        Gen.OneOf<string?>(null, "TX", "Texas", "ny", "IL", "QC", "Ontario", "Bavaria", "Nowhere", " "),
        Gen.OneOf<string?>(null, "Austin", "St. Louis", "Springfield", "Toronto", "Berlin", "Qwxzville", "Austin, TX", "MONTRÉAL", ""),
        Gen.OneOf<string?>(null, "10001", "78701-1234", "60601", "2134", "99999", "10115", "ABC", "0"))
        .Select((country, region, city, postal) => new Place(country, region, city, postal));

    [Fact]
    public void Locate_AnyAddress_SourceConsistentWithInput()
    {
        Places.Sample(place =>
        {
            var found = Geocoder.Locate(place);
            Assert.Equal(found.Source == LocationSource.None, found.Location is null);
            switch (found.Source)
            {
                case LocationSource.Postal:
                    Assert.False(string.IsNullOrWhiteSpace(place.PostalCode));
                    break;
                case LocationSource.City:
                    Assert.False(string.IsNullOrWhiteSpace(place.City));
                    break;
                case LocationSource.Region:
                    // The region may also come from "City, ST" in the city column.
                    Assert.True(!string.IsNullOrWhiteSpace(place.Region) || place.City?.Contains(',') == true);
                    break;
                case LocationSource.Given:
                    Assert.Fail("the geocoder never claims a location was given");
                    break;
            }

            if (found.Location is { } at)
            {
                Assert.InRange(at.Latitude, -90, 90);
                Assert.InRange(at.Longitude, -180, 180);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Locate_SameAddress_SameAnswerFromAFreshGazetteer()
    {
        var fresh = new Geocoder(Gazetteer.Shipped);
        Places.Sample(place => Assert.Equal(Geocoder.Locate(place), fresh.Locate(place)), iter: 500);
    }

    private static readonly Gen<Account> Accounts = Gen.Select(
        Places,
        Gen.Select(Gen.Double[-90, 90], Gen.Double[-180, 180]).Select((lat, lon) => new GeoPoint(lat, lon)).Nullable(),
        Gen.Int[0, 1_000_000])
        .Select((place, given, id) => new Account
        {
            AccountId = $"A{id}", Name = "Co", Industry = "Software", Employees = 10,
            Country = place.Country, Region = place.Region, City = place.City, PostalCode = place.PostalCode, Location = given,
        });

    [Fact]
    public void Apply_GivenCoordinates_NeverMoved()
    {
        Accounts.Array[0, 30].Sample(accounts =>
        {
            var data = new DataSet(accounts, [], [], IcpProfile.Default);
            var (located, report) = ImportGeocoding.Apply(data, () => Geocoder);
            Assert.Equal(accounts.Length, located.Accounts.Count);
            for (int i = 0; i < accounts.Length; i++)
            {
                var before = accounts[i];
                var after = located.Accounts[i];
                if (before.Location is { } given)
                {
                    Assert.Equal(given, after.Location);
                    Assert.Equal(LocationSource.Given, after.LocationSource);
                }
                else
                {
                    Assert.NotEqual(LocationSource.Given, after.LocationSource);
                    Assert.Equal(Geocoder.Locate(new Place(before.Country, before.Region, before.City, before.PostalCode)).Location, after.Location);
                }

                Assert.Equal((before.AccountId, before.Country, before.Region, before.City, before.PostalCode), (after.AccountId, after.Country, after.Region, after.City, after.PostalCode));
            }

            Assert.Equal(accounts.Length, report.Accounts.Values.Sum());
            Assert.Equal(located.Accounts.Count(a => a.LocationSource == LocationSource.None), report.Accounts.GetValueOrDefault(LocationSource.None));
        }, iter: 300);
    }

    [Fact]
    public void Apply_NothingToPlace_GazetteerNotLoaded()
    {
        var data = new DataSet([new Account { AccountId = "A1", Name = "Co", Industry = "Software", Employees = 1, City = "Austin", Location = new GeoPoint(1, 2) }], [], [], IcpProfile.Default);
        var (located, _) = ImportGeocoding.Apply(data, () => throw new InvalidOperationException("the gazetteer was loaded"));
        Assert.Equal(new GeoPoint(1, 2), located.Accounts[0].Location);
    }

    [Fact]
    public void Load_FolderWithoutCoordinates_PlacesAccountsAndRepsAndReports()
    {
        using var folder = new TestFolder();
        folder.Set("accounts.csv", 0, "latitude", "").Set("accounts.csv", 0, "longitude", "")
            .Set("accounts.csv", 1, "latitude", "").Set("accounts.csv", 1, "longitude", "").Set("accounts.csv", 1, "postal_code", "")
            .Set("accounts.csv", 2, "city", "Qwxzville").Set("accounts.csv", 2, "country", "US")
            .Set("reps.csv", 2, "home_latitude", "").Set("reps.csv", 2, "home_longitude", "")
            .Set("reps.csv", 2, "home_city", "Chicago").Set("reps.csv", 2, "home_region", "IL");

        var result = DataFolderLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var accounts = result.Data!.Accounts;
        Assert.Equal(LocationSource.Postal, accounts[0].LocationSource);
        Assert.Equal(Locate("US", "NY", "New York", "10001").Location, accounts[0].Location);
        Assert.Equal(LocationSource.City, accounts[1].LocationSource);
        Assert.Equal(LocationSource.None, accounts[2].LocationSource);
        Assert.Null(accounts[2].Location);

        var rosa = result.Data.Reps.Single(r => r.RepId == "R2");
        Assert.Equal(LocationSource.City, rosa.HomeSource);
        Near(new GeoPoint(41.88, -87.63), new Geocode(rosa.Home, rosa.HomeSource), 10);
        Assert.Equal(LocationSource.Given, result.Data.Reps.Single(r => r.RepId == "R1").HomeSource);

        var report = result.Geocoding!;
        Assert.Equal((1, 1, 1), (report.Accounts[LocationSource.Postal], report.Accounts[LocationSource.City], report.Accounts[LocationSource.None]));
        Assert.Equal(1, report.UnplacedAccounts);
        var lines = string.Join("\n", report.Lines());
        Assert.Contains("0 given, 1 from the postal code, 1 from the city", lines);
        Assert.Contains("A3 (Qwxzville, US)", lines);
    }
}
