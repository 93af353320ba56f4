using TerritoryBot.Core.Model;

namespace TerritoryBot.Data;

/// <summary>Hand-written conversions between the Core records and the table entities.</summary>
internal static class Mapping
{
    public static AccountEntity ToEntity(this Account a) => new()
    {
        Id = a.AccountId,
        Name = a.Name,
        Industry = a.IndustryLabel ?? a.Industry, // the label as given; normalisation runs at load
        Employees = a.Employees,
        AnnualRevenue = a.AnnualRevenue,
        Country = a.Country,
        Region = a.Region,
        City = a.City,
        PostalCode = a.PostalCode,
        Latitude = a.Location?.Latitude,
        Longitude = a.Location?.Longitude,
        LocationSource = a.LocationSource,
        TechStack = JoinList(a.TechStack),
        GrowthRate = a.GrowthRate,
        FundingStage = a.FundingStage,
        IntentScore = a.IntentScore,
        IsCustomer = a.IsCustomer,
        CurrentArr = a.CurrentArr,
        CurrentTier = a.CurrentTier,
        OwnerId = a.OwnerId,
        NamedAccount = a.NamedAccount,
        LastActivityDate = a.LastActivityDate,
        RelationshipNotes = a.RelationshipNotes,
    };

    public static Account ToModel(this AccountEntity e) => WithSource(new Account
    {
        AccountId = e.Id,
        Name = e.Name,
        Industry = e.Industry,
        Employees = e.Employees,
        AnnualRevenue = e.AnnualRevenue,
        Country = e.Country,
        Region = e.Region,
        City = e.City,
        PostalCode = e.PostalCode,
        Location = Point(e.Latitude, e.Longitude),
        TechStack = SplitList(e.TechStack),
        GrowthRate = e.GrowthRate,
        FundingStage = e.FundingStage,
        IntentScore = e.IntentScore,
        IsCustomer = e.IsCustomer,
        CurrentArr = e.CurrentArr,
        CurrentTier = e.CurrentTier,
        OwnerId = e.OwnerId,
        NamedAccount = e.NamedAccount,
        LastActivityDate = e.LastActivityDate,
        RelationshipNotes = e.RelationshipNotes,
    }, e.LocationSource);

    public static RepEntity ToEntity(this Rep r) => new()
    {
        Id = r.RepId,
        Name = r.Name,
        Email = r.Email,
        Role = r.Role,
        ManagerId = r.ManagerId,
        Seniority = r.Seniority,
        Quota = r.Quota,
        Capacity = r.Capacity,
        Ramping = r.Ramping,
        HomeLatitude = r.Home?.Latitude,
        HomeLongitude = r.Home?.Longitude,
        HomeLocationSource = r.HomeSource,
        Region = r.Region,
        IndustryStrengths = JoinList(r.IndustryStrengths),
        SlackUserId = r.SlackUserId,
        TeamsAadObjectId = r.TeamsAadObjectId,
    };

    public static Rep ToModel(this RepEntity e) => WithSource(new Rep
    {
        RepId = e.Id,
        Name = e.Name,
        Email = e.Email,
        Role = e.Role,
        ManagerId = e.ManagerId,
        Seniority = e.Seniority,
        Quota = e.Quota,
        Capacity = e.Capacity,
        Ramping = e.Ramping,
        Home = Point(e.HomeLatitude, e.HomeLongitude),
        Region = e.Region,
        IndustryStrengths = SplitList(e.IndustryStrengths),
        SlackUserId = e.SlackUserId,
        TeamsAadObjectId = e.TeamsAadObjectId,
    }, e.HomeLocationSource);

    public static OpportunityEntity ToEntity(this Opportunity o) => new()
    {
        Id = o.OpportunityId,
        AccountId = o.AccountId,
        OwnerId = o.OwnerId,
        Amount = o.Amount,
        Stage = o.Stage,
        CreatedDate = o.CreatedDate,
        CloseDate = o.CloseDate,
        LastActivityDate = o.LastActivityDate,
        Notes = o.Notes,
    };

    public static Opportunity ToModel(this OpportunityEntity e) => new()
    {
        OpportunityId = e.Id,
        AccountId = e.AccountId,
        OwnerId = e.OwnerId,
        Amount = e.Amount,
        Stage = e.Stage,
        CreatedDate = e.CreatedDate,
        CloseDate = e.CloseDate,
        LastActivityDate = e.LastActivityDate,
        Notes = e.Notes,
    };

    /// <summary>Lists are stored as in the CSV: `;`-separated (items cannot contain `;`: the loader splits on it).</summary>
    // An unset source reads as given when there are coordinates and none otherwise; it stays unset in that case, so a
    // record reads back equal to the one written, and rows stored before the column existed need nothing.
    private static Account WithSource(Account a, LocationSource? source) =>
        source is { } s && s != a.LocationSource ? a with { LocationSource = s } : a;

    private static Rep WithSource(Rep r, LocationSource? source) =>
        source is { } s && s != r.HomeSource ? r with { HomeSource = s } : r;

    private static GeoPoint? Point(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;

    private static string JoinList(IReadOnlyList<string> items) => string.Join(';', items);

    private static IReadOnlyList<string> SplitList(string text) =>
        text.Length == 0 ? [] : text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
