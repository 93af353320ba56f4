using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Plugins;

/// <summary>Whose territory a request is about, after the caller's permissions: one rep, a team, or refused.</summary>
internal abstract record RepScope
{
    /// <summary>One rep's territory the caller may see.</summary>
    public sealed record One(Rep Rep) : RepScope;

    /// <summary>Several territories: a manager's or ops' view when no single rep was named.</summary>
    public sealed record Team(IReadOnlyList<Rep> Reps, string Label) : RepScope;

    public sealed record Refused(Refusal Refusal) : RepScope;

    /// <summary>
    /// Resolves the reps named in a request. Nothing named: the caller's own territory, or for a manager / ops
    /// (who carry none) the territories they see. A named rep the caller may not see is refused with the same
    /// words whether that rep exists, is a manager, or is someone else's report, so the answer reveals nothing.
    /// Naming oneself as a manager means one's team; ops naming a manager get that manager's team.
    /// </summary>
    public static RepScope Resolve(PluginContext context, IReadOnlyList<string> repIds, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(repIds);
        var caller = context.Caller;
        var workspace = context.Workspace;
        var named = repIds.Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => workspace.FindRep(id.Trim())?.RepId ?? id.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();

        foreach (var id in named)
        {
            if (caller.CanSeeRep(id))
            {
                continue;
            }

            bool self = string.Equals(id, caller.RepId, StringComparison.Ordinal);
            bool opsAskingAboutManager = caller.IsOps && workspace.Reps.TryGetValue(id, out var person) && person.Role == RepRole.Manager;
            if (!self && !opsAskingAboutManager)
            {
                return new Refused(Refusal.NotYours(what));
            }
        }

        var visible = named.Where(caller.CanSeeRep).ToList();
        if (visible.Count > 0)
        {
            return new One(workspace.Reps[visible[0]]);
        }

        var manager = named.Select(id => workspace.Reps.GetValueOrDefault(id))
            .FirstOrDefault(r => r is not null && r.Role == RepRole.Manager && r.RepId != caller.RepId);
        if (manager is not null)
        {
            // Only ops get here: the territories under that manager.
            var team = Caller.For(manager, workspace).VisibleRepIds.Select(id => workspace.Reps[id]).ToList();
            return new Team(team, $"{manager.Name}'s team");
        }

        if (caller.Person.CarriesTerritory)
        {
            return new One(caller.Person);
        }

        var reps = caller.VisibleRepIds.Select(id => workspace.Reps[id]).ToList();
        return new Team(reps, caller.IsOps ? "all territories" : "your team");
    }
}
