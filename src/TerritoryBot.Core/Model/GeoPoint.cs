namespace TerritoryBot.Core.Model;

/// <summary>A position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Mean Earth radius (IUGG), the one radius every distance in the engines uses.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public double DistanceKm(GeoPoint other)
    {
        double lat1 = Latitude * Math.PI / 180, lat2 = other.Latitude * Math.PI / 180;
        double dLat = lat2 - lat1, dLon = (other.Longitude - Longitude) * Math.PI / 180;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The point on a sphere of <paramref name="radius"/> in Cartesian coordinates: chord distances between
    /// such points order like great-circle distances, so spatial indexes can work in three dimensions.
    /// </summary>
    public (double X, double Y, double Z) ToCartesian(double radius = 1)
    {
        double lat = Latitude * Math.PI / 180, lon = Longitude * Math.PI / 180;
        return (radius * Math.Cos(lat) * Math.Cos(lon), radius * Math.Cos(lat) * Math.Sin(lon), radius * Math.Sin(lat));
    }
}
