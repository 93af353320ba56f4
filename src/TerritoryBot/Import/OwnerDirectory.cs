using TerritoryBot.Core.Model;

namespace TerritoryBot.Import;

/// <summary>
/// Resolves the owner values of accounts and deals to reps. Our own files refer to reps by rep_id, exactly (as
/// always). CRM exports write the owner as an id (Salesforce OwnerId, Dynamics ownerid), an email, or a full name
/// (report exports, HubSpot "Company owner", Dynamics "Owner"): those are matched by rep id, then email
/// (case-insensitive), then full name (case- and accent-insensitive, spaces collapsed). A value that matches nobody,
/// or a name two reps share, is a line-level error; it never leaves an account silently unassigned.
/// </summary>
internal sealed class OwnerDirectory
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _names = new(StringComparer.Ordinal);

    public OwnerDirectory(IEnumerable<Rep> reps, IEnumerable<string> ids, string repsFile, bool loose)
    {
        RepsFile = repsFile;
        Loose = loose;
        _ids.UnionWith(ids);
        foreach (var rep in reps)
        {
            if (rep.Email is { } email)
            {
                // null marks a value two reps share: matching it is ambiguous.
                _emails[email.Trim()] = _emails.ContainsKey(email.Trim()) ? null : rep.RepId;
            }

            var name = CrmValues.NameKey(rep.Name);
            if (name.Length > 0)
            {
                _names[name] = _names.ContainsKey(name) ? null : rep.RepId;
            }
        }
    }

    public string RepsFile { get; }

    /// <summary>Match by email and name too (any CRM file involved); otherwise by rep_id only.</summary>
    public bool Loose { get; }

    public int ById { get; private set; }

    public int ByEmail { get; private set; }

    public int ByName { get; private set; }

    /// <summary>The rep id an owner value names, or the problem (to report at the cell).</summary>
    public (string? RepId, string? Problem) Resolve(string value)
    {
        if (_ids.Contains(value))
        {
            ById++;
            return (value, null);
        }

        if (!Loose)
        {
            return (null, $"{ImportErrors.Quote(value)} does not match any rep_id in {RepsFile}");
        }

        if (_emails.TryGetValue(value.Trim(), out var byEmail))
        {
            if (byEmail is null)
            {
                return (null, $"{ImportErrors.Quote(value)} is the email of several people in {RepsFile}");
            }

            ByEmail++;
            return (byEmail, null);
        }

        if (_names.TryGetValue(CrmValues.NameKey(value), out var byName))
        {
            if (byName is null)
            {
                return (null, $"{ImportErrors.Quote(value)} is the name of several people in {RepsFile}; give the owner's id or email");
            }

            ByName++;
            return (byName, null);
        }

        return (null, $"{ImportErrors.Quote(value)} matches no one in {RepsFile} (by id, email or full name)");
    }
}
