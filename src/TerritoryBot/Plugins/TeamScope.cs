using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

/// <summary>
/// What a team-level answer (scenarios, fairness, coverage, rep fit) may show the caller: ops see every territory,
/// a manager the territories of the reps under them. Engines run on the whole data; views keep only these reps.
/// </summary>
internal sealed record TeamScope(bool Everyone, IReadOnlySet<string> RepIds, int TotalTerritories)
{
    public bool Includes(string? repId) => repId is not null && RepIds.Contains(repId);

    /// <summary>The sentence that tells a manager the figures are about their team only; empty for ops.</summary>
    public string Note => Everyone
        ? ""
        : RepIds.Count == 0
            ? "No territories report to you, so there is nothing of your team to show."
            : $"These figures cover your team only ({Format.Plural(RepIds.Count, "territory", "territories")}).";

    /// <summary>The scope for a manager or ops; null for a rep (who may not see team-level analysis).</summary>
    public static TeamScope? For(Caller caller, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(workspace);
        int total = workspace.Data.Reps.Count(r => r.CarriesTerritory);
        return caller.Role switch
        {
            RepRole.Ops => new TeamScope(true, caller.VisibleRepIds.ToHashSet(StringComparer.Ordinal), total),
            RepRole.Manager => new TeamScope(false, caller.VisibleRepIds.ToHashSet(StringComparer.Ordinal), total),
            _ => null,
        };
    }

    /// <summary>The refusal a rep gets for team-level analysis.</summary>
    public static Refusal TeamOnly(string what) =>
        new($"Sorry, {what} is a team-level view for managers and sales ops, so I can't show it to you. " +
            "Ask me about your own territory, accounts or plan instead.");

    /// <summary>
    /// True when <paramref name="text"/> (an engine sentence) names a territory rep outside the scope, by id or
    /// by name; such sentences are left out of a manager's answer rather than edited.
    /// </summary>
    public bool MentionsOthers(string text, IEnumerable<Rep> reps)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reps);
        if (Everyone)
        {
            return false;
        }

        return reps.Where(r => r.CarriesTerritory && !RepIds.Contains(r.RepId)).Any(r =>
            text.Contains(r.RepId, StringComparison.OrdinalIgnoreCase) || text.Contains(r.Name, StringComparison.OrdinalIgnoreCase));
    }
}
