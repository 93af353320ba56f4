using TerritoryBot.Core.Model;

namespace TerritoryBot.Conversation;

/// <summary>
/// A resolved person and what they may see: a rep their own territory, a manager the territories of the reps
/// who report to them (directly or through other managers), ops everything. Only ops approve reassignments.
/// </summary>
internal sealed class Caller
{
    private readonly HashSet<string> visibleReps;

    private Caller(Rep person, HashSet<string> visibleReps)
    {
        Person = person;
        this.visibleReps = visibleReps;
    }

    public Rep Person { get; }
    public string RepId => Person.RepId;
    public RepRole Role => Person.Role;
    public bool IsOps => Role == RepRole.Ops;
    public bool CanApprove => IsOps;

    /// <summary>The territory-carrying reps this person may see, in id order.</summary>
    public IReadOnlyList<string> VisibleRepIds => [.. visibleReps.Order(StringComparer.Ordinal)];

    public bool CanSeeRep(string repId) => visibleReps.Contains(repId);

    /// <summary>An account is visible when its current owner is; unassigned accounts only to ops.</summary>
    public bool CanSeeAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return IsOps || (account.OwnerId is { } owner && visibleReps.Contains(owner));
    }

    public static Caller For(Rep person, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(workspace);
        var reps = workspace.Data.Reps;
        HashSet<string> visible = person.Role switch
        {
            RepRole.Ops => [.. reps.Where(r => r.CarriesTerritory).Select(r => r.RepId)],
            RepRole.Manager => Reports(person.RepId, reps),
            _ => person.CarriesTerritory ? [person.RepId] : [],
        };
        return new Caller(person, visible);
    }

    /// <summary>Territory reps under a manager, following manager chains (cycle-safe).</summary>
    private static HashSet<string> Reports(string managerId, IReadOnlyList<Rep> reps)
    {
        var byManager = reps.Where(r => r.ManagerId is not null).ToLookup(r => r.ManagerId!, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { managerId };
        var visible = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([managerId]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var report in byManager[id])
            {
                if (!seen.Add(report.RepId))
                {
                    continue;
                }

                if (report.CarriesTerritory)
                {
                    visible.Add(report.RepId);
                }

                queue.Enqueue(report.RepId);
            }
        }

        return visible;
    }
}

/// <summary>Maps a channel identity to a rep record: Teams by AAD object id, Slack by user id, CLI and web chat by rep id.</summary>
internal static class IdentityResolver
{
    public static Rep? Resolve(ChannelUser user, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(workspace);
        var id = user.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var reps = workspace.Data.Reps;
        return user.Channel switch
        {
            // AAD object ids are GUIDs: compare case-insensitively.
            ChannelKind.Teams => reps.FirstOrDefault(r => string.Equals(r.TeamsAadObjectId, id, StringComparison.OrdinalIgnoreCase)),
            // Slack ids are upper case by convention; compare exactly.
            ChannelKind.Slack => reps.FirstOrDefault(r => string.Equals(r.SlackUserId, id, StringComparison.Ordinal)),
            _ => workspace.FindRep(id),
        };
    }
}
