using TerritoryBot.Conversation;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Whitespace;

namespace TerritoryBot.Plugins;

/// <summary>
/// Territory plans and whitespace reports the rep plugins read, computed once per workspace and shared by every
/// turn: every rep's plan under the current owners, every rep's plan under the recommended design scenario (for
/// transition packages), and each rep's whitespace.
/// </summary>
internal static class RepPlans
{
    /// <summary>The plan of <paramref name="repId"/> under the current owners (what `territorybot plan` prints).</summary>
    public static TerritoryPlan Current(Workspace workspace, string repId) =>
        workspace.Memo("plans:current", w => ByRep(w, target: null)).GetValueOrDefault(repId)
        ?? throw new ArgumentException($"'{repId}' carries no territory.", nameof(repId));

    /// <summary>The plan of <paramref name="repId"/> under the recommended design scenario, with the accounts changing hands.</summary>
    public static TerritoryPlan Recommended(Workspace workspace, string repId) =>
        workspace.Memo("plans:recommended", w => ByRep(w, target: EngineResults.Design(w).Recommended)).GetValueOrDefault(repId)
        ?? throw new ArgumentException($"'{repId}' carries no territory.", nameof(repId));

    public static WhitespaceReport Whitespace(Workspace workspace, string repId) =>
        workspace.Memo("whitespace:" + repId, w => WhitespaceEngine.ForRep(w.Scores, repId));

    private static Dictionary<string, TerritoryPlan> ByRep(Workspace workspace, string? target)
    {
        var input = new PlanInput
        {
            Data = workspace.Data,
            Scores = workspace.Scores.Accounts,
            Fit = EngineResults.Fit(workspace),
            RepId = "",
            AsOf = workspace.AsOf,
        };
        if (target is not null)
        {
            var scenario = EngineResults.Design(workspace).Scenario(target)
                ?? throw new InvalidOperationException($"The recommended scenario '{target}' is not among the scenarios.");
            // As `plan --scenario` does: a scenario assigns every account, so it is a complete target.
            input = input with { Target = scenario.Assignments, TargetName = $"scenario {scenario.Name}", TargetIsComplete = true };
        }

        var reps = workspace.Data.TerritoryReps.Select(r => r.RepId).ToList();
        return TerritoryPlanner.BuildMany(input, reps)
            .ToDictionary(p => p.Rep.RepId, StringComparer.Ordinal);
    }
}
