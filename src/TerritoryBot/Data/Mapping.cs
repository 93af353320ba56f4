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

    public static Account ToModel(this AccountEntity e) => new()
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
        Location = e.Latitude is { } lat && e.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
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
    };

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
        Region = r.Region,
        IndustryStrengths = JoinList(r.IndustryStrengths),
        SlackUserId = r.SlackUserId,
        TeamsAadObjectId = r.TeamsAadObjectId,
    };

    public static Rep ToModel(this RepEntity e) => new()
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
        Home = e.HomeLatitude is { } lat && e.HomeLongitude is { } lon ? new GeoPoint(lat, lon) : null,
        Region = e.Region,
        IndustryStrengths = SplitList(e.IndustryStrengths),
        SlackUserId = e.SlackUserId,
        TeamsAadObjectId = e.TeamsAadObjectId,
    };

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

    public static AccountScoreEntity ToEntity(this AccountScore s, DateTime scoredAtUtc) => new()
    {
        AccountId = s.AccountId,
        IcpFit = s.IcpFit,
        OpportunityScore = s.OpportunityScore,
        PotentialArr = s.PotentialArr,
        PotentialLow = s.PotentialLow,
        PotentialHigh = s.PotentialHigh,
        Tier = s.Tier,
        Status = s.Status,
        Priority = s.Priority,
        Whitespace = s.Whitespace,
        ScoredAt = scoredAtUtc,
    };

    public static AccountScore ToModel(this AccountScoreEntity e) => new()
    {
        AccountId = e.AccountId,
        IcpFit = e.IcpFit,
        OpportunityScore = e.OpportunityScore,
        PotentialArr = e.PotentialArr,
        PotentialLow = e.PotentialLow,
        PotentialHigh = e.PotentialHigh,
        Tier = e.Tier,
        Status = e.Status,
        Priority = e.Priority,
        Whitespace = e.Whitespace,
    };

    /// <summary>Lists are stored as in the CSV: `;`-separated (items cannot contain `;`: the loader splits on it).</summary>
    private static string JoinList(IReadOnlyList<string> items) => string.Join(';', items);

    private static IReadOnlyList<string> SplitList(string text) =>
        text.Length == 0 ? [] : text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
