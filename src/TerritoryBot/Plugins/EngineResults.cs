using TerritoryBot.Conversation;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Fit;

namespace TerritoryBot.Plugins;

/// <summary>
/// Engine results that several plugins read, computed once per workspace (data version) and shared by every turn.
/// Options match the CLI defaults, so chat and `territorybot design` / `fit` agree.
/// </summary>
internal static class EngineResults
{
    public static FitReport Fit(Workspace workspace) =>
        workspace.Memo("fit", w => FitEngine.Analyze(w.Data, w.Scores.Accounts));

    /// <summary>Every design scenario with the CLI's default options (rebalance capped at 15% of accounts moved).</summary>
    public static DesignResult Design(Workspace workspace) =>
        workspace.Memo("design:default", w => DesignEngine.Run(
            new DesignInput(w.Data, w.Scores.Accounts),
            new DesignOptions { Affinity = FitEngine.Affinity(Fit(w)) }));
}
