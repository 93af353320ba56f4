namespace TerritoryBot.Core.Query;

/// <summary>
/// Which accounts a query may see, decided by the application from the caller: everything (ops), or the accounts
/// owned by a set of reps (a rep's own book, a manager's team). Unassigned accounts are visible only with
/// <see cref="Everything"/>. Filters naming a rep or team outside the scope are refused, the same way whether or
/// not that rep exists.
/// </summary>
public sealed record QueryScope
{
    private QueryScope(bool everything, IReadOnlySet<string> ownerIds)
    {
        Everything = everything;
        OwnerIds = ownerIds;
    }

    /// <summary>Every account, assigned or not.</summary>
    public bool Everything { get; }

    /// <summary>The reps whose accounts are visible (empty with <see cref="Everything"/>, which sees all).</summary>
    public IReadOnlySet<string> OwnerIds { get; }

    public static QueryScope All { get; } = new(true, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The accounts owned by <paramref name="repIds"/> (rep ids, compared exactly).</summary>
    public static QueryScope Owners(IEnumerable<string> repIds)
    {
        ArgumentNullException.ThrowIfNull(repIds);
        return new QueryScope(false, repIds.Where(id => id is not null).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether accounts owned by <paramref name="repId"/> are visible.</summary>
    public bool IncludesOwner(string? repId) => Everything || (repId is not null && OwnerIds.Contains(repId));
}
