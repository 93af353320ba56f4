namespace TerritoryBot.Core.Query;

/// <summary>US states, DC and Puerto Rico: USPS two-letter code and name, so "Texas" and "TX" mean the same region.</summary>
public static class UsStates
{
    private static readonly (string Code, string Name)[] Table =
    [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"),
        ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"), ("FL", "Florida"),
        ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"),
        ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"),
        ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
        ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"),
        ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"),
        ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"),
        ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"),
        ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"),
        ("WY", "Wyoming"), ("PR", "Puerto Rico"),
    ];

    private static readonly Dictionary<string, string> CodeByKey = Build();
    private static readonly Dictionary<string, string> NameByCode = Table.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);

    /// <summary>Every (code, name) pair.</summary>
    public static IReadOnlyList<(string Code, string Name)> All => Table;

    /// <summary>The code of a state given by code or name, ignoring case and surrounding space ("texas" → "TX").</summary>
    public static bool TryCode(string? codeOrName, out string code)
    {
        code = "";
        if (codeOrName is null || !CodeByKey.TryGetValue(codeOrName.Trim(), out var found))
        {
            return false;
        }

        code = found;
        return true;
    }

    /// <summary>The name of a state code ("TX" → "Texas"), or null.</summary>
    public static string? Name(string code) => NameByCode.GetValueOrDefault(code);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, name) in Table)
        {
            map[code] = code;
            map[name] = code;
        }

        return map;
    }
}
