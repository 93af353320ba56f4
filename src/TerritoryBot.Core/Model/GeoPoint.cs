namespace TerritoryBot.Core.Model;

/// <summary>A position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public double DistanceKm(GeoPoint other)
    {
        double lat1 = Latitude * Math.PI / 180, lat2 = other.Latitude * Math.PI / 180;
        double dLat = lat2 - lat1, dLon = (other.Longitude - Longitude) * Math.PI / 180;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
