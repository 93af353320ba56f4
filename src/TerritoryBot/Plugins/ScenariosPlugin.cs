using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Plugins;

/// <summary>Territory design scenarios: the comparison of every scenario, and one scenario in detail. Managers and ops only.</summary>
internal sealed class ScenariosPlugin
{
    public const string CompareVerb = "scenarios.compare";
    public const string ShowVerb = "scenario.show";

    /// <summary>Implemented by the workflow (proposals): turns a scenario's changes into a reassignment proposal.</summary>
    public const string ProposeVerb = "proposal.fromScenario";


    /// <summary>Compare all, or one scenario in detail: the verb decides for buttons; for words, a named scenario or cap without "compare".</summary>
    [RoutesTo("compare", "show")]
    private static (string, KernelArguments) Route(TurnContext turn)
    {
        var e = turn.Entities;
        bool detail = turn.Turn.Action is { } action
            ? action.Verb == ShowVerb
            : (e.Scenario is not null || e.Percent is not null) && !AsksToCompare(turn.Turn.Text);
        var arguments = new KernelArguments();
        if (e.Percent is { } percent)
        {
            arguments["maxMovedPercent"] = percent;
        }

        if (e.Targets is { } targets)
        {
            arguments["targets"] = TargetName(targets);
        }

        if (!detail)
        {
            return ("compare", arguments);
        }

        arguments["scenario"] = e.Scenario ?? ScenarioNames.Rebalance;
        return ("show", arguments);
    }

    private static bool AsksToCompare(string? text) =>
        text is not null && TextMatching.Tokenize(text).Any(w => w.StartsWith("compar", StringComparison.Ordinal) || w is "vs" or "versus" or "all");

    [KernelFunction("compare")]
    [Intent("scenarios", Verbs = [CompareVerb, ShowVerb], Route = nameof(Route))]
    [Access(MinimumRole = RepRole.Manager, Subject = "comparing territory scenarios")]
    [HelpExample("Scenarios", "compare scenarios", 130, RepRole.Manager, RepRole.Ops)]
    [HelpExample("Rebalance", "rebalance with at most 10% of accounts moved", 230, RepRole.Ops)]
    [Description("Compares every territory design scenario (geographic, industry, size, hybrid, opportunity, workload, rebalance) " +
        "with the current plan: balance of potential and workload, continuity, accounts and pipeline moved, and the recommended scenario. " +
        "Managers see their team's territories only; reps may not use it.")]
    public IViewModel Compare([FromKernelServices] PluginContext context,
        [Description("Optional cap on the share of accounts whose owner changes in the rebalance scenario, in percent (0–100), e.g. 10 for 'at most 10% moved'. Omit for the default 15%.")]
        double? maxMovedPercent = null,
        [Description("What each rep's share of potential, workload, accounts and pipeline follows: equal (default), quota or capacity, e.g. quota for 'balance by quota'.")]
        string? targets = null)
    {
        if (TeamScope.For(context.Caller, context.Workspace) is not { } scope)
        {
            return TeamScope.TeamOnly("comparing territory scenarios");
        }

        var cap = Cap(maxMovedPercent);
        var mode = Targets(targets);
        var design = Run(context.Workspace, cap, mode);
        var rows = new List<ScenarioRow> { Row(design, design.Current, scope) };
        rows.AddRange(design.Scenarios.Select(s => Row(design, s, scope)));
        var recommended = design.Scenario(design.Recommended);
        var bars = recommended is null ? [] : Bars(recommended, scope);
        string recommendation = scope.MentionsOthers(design.Recommendation, context.Workspace.Data.Reps) ? "" : design.Recommendation;
        return new ScenarioComparisonView(cap ?? (int)new DesignOptions().DefaultRebalanceMovedPct, cap is not null, scope.Everyone, scope.Note,
            rows, design.Recommended, recommendation, bars)
        {
            Targets = mode,
        };
    }

    [KernelFunction("show")]
    [Access(MinimumRole = RepRole.Manager, Subject = "territory scenarios")]
    [Description("Shows one territory design scenario in detail: every visible territory's potential against its target, workload, " +
        "accounts and a one-line description, the scenario's balance and continuity figures, and any constraint it could not meet.")]
    public IViewModel Show([FromKernelServices] PluginContext context,
        [Description("Scenario name: geographic, industry, size, hybrid, opportunity, workload, rebalance, or current for the plan as it stands.")]
        string scenario,
        [Description("Optional cap on accounts moved by the rebalance scenario, in percent (0–100). Omit for the default 15%.")]
        double? maxMovedPercent = null,
        [Description("What each rep's targets follow: equal (default), quota or capacity.")]
        string? targets = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (TeamScope.For(context.Caller, context.Workspace) is not { } scope)
        {
            return TeamScope.TeamOnly("territory scenarios");
        }

        var cap = Cap(maxMovedPercent);
        var mode = Targets(targets);
        var design = Run(context.Workspace, cap, mode);
        var name = scenario.Trim().ToLowerInvariant();
        var result = name == ScenarioNames.Current ? design.Current
            : design.Scenario(name) ?? throw new TurnInputException(
                $"There is no scenario '{TextClip.Clip(scenario, TextClip.EchoedName)}'. Try one of: {string.Join(", ", ScenarioNames.All)}, or current.");
        var reps = context.Workspace.Data.Reps;
        var issues = result.Issues.Concat(design.Issues.Where(i => i.Scenario is null || i.Scenario == result.Name))
            .Select(i => i.Message).Where(m => !scope.MentionsOthers(m, reps)).Distinct(StringComparer.Ordinal).ToList();
        var territories = result.Territories.Where(t => scope.Includes(t.RepId))
            .Select(t => new ScenarioTerritory(t.RepId, t.RepName, t.Accounts, t.Potential, t.PotentialTarget, t.DeviationPct, t.Workload,
                t.Pipeline, scope.MentionsOthers(t.Coherence, reps) ? "" : t.Coherence))
            .ToList();
        return new ScenarioDetailView(Row(design, result, scope), cap, scope.Everyone, scope.Note, result.Name == design.Recommended,
            territories, issues)
        {
            Targets = mode,
        };
    }

    /// <summary>equal | quota | capacity from a tool call or the router; anything else is said back, not guessed.</summary>
    internal static TargetMode Targets(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "equal" => TargetMode.Equal,
        "quota" => TargetMode.Quota,
        "capacity" => TargetMode.Capacity,
        _ => throw new TurnInputException($"Targets can follow equal shares, quota or capacity, not '{TextClip.Clip(text!, TextClip.EchoedName)}'."),
    };

    internal static string TargetName(TargetMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The targets a design used, in words a manager can repeat.</summary>
    internal static string TargetsText(TargetMode mode) => mode switch
    {
        TargetMode.Quota => "each rep's share follows their quota",
        TargetMode.Capacity => "each rep's share follows their capacity",
        _ => "equal shares for every rep",
    };

    /// <summary>The design run for a move cap and targets: the shared default run, or one run per whole-percent cap and target mode (memoised per workspace).</summary>
    internal static DesignResult Run(Workspace workspace, int? cap, TargetMode targets = TargetMode.Equal)
    {
        try
        {
            return cap is null && targets == TargetMode.Equal
                ? EngineResults.Design(workspace)
                : workspace.Memo($"design:moved={cap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"};targets={TargetName(targets)}", w => DesignEngine.Run(
                    new DesignInput(w.Data, w.Scores.Accounts),
                    new DesignOptions { Affinity = FitEngine.Affinity(EngineResults.Fit(w)), MaxMovedPct = cap, Targets = targets }));
        }
        catch (ArgumentException e)
        {
            throw new TurnInputException($"I can't design territories on this data: {e.Message}");
        }
    }

    /// <summary>Caps are whole percents: it keeps the memo small however many distinct values buttons send.</summary>
    private static int? Cap(double? percent)
    {
        if (percent is not { } p)
        {
            return null;
        }

        if (!double.IsFinite(p) || p < 0 || p > 100)
        {
            throw new TurnInputException("The share of accounts moved must be a percentage from 0 to 100.");
        }

        return (int)Math.Round(p, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A scenario's comparison figures. Ops get the engine's figures for the whole organisation; a manager gets the
    /// same measures recomputed over their team's territories and the accounts their team holds now or would hold.
    /// </summary>
    internal static ScenarioRow Row(DesignResult design, ScenarioResult s, TeamScope scope)
    {
        var m = s.Metrics;
        if (scope.Everyone)
        {
            return new ScenarioRow(s.Name, s.Description, m.Potential.Gini, m.Potential.CoefficientOfVariation, m.Potential.Spread,
                m.Workload.Gini, m.Workload.CoefficientOfVariation, m.ContinuityAccounts, m.ContinuityArr, m.AccountsMoved, m.PipelineMoved,
                s.Issues.Count);
        }

        var team = s.Territories.Where(t => scope.Includes(t.RepId)).ToList();
        double[] potential = [.. team.Select(t => t.Potential)];
        double[] workload = [.. team.Select(t => t.Workload)];
        int kept = 0, owned = 0, moved = 0;
        double pipelineMoved = 0;
        for (int i = 0; i < design.Accounts.Count; i++)
        {
            var account = design.Accounts[i];
            string? before = account.CurrentOwnerId, after = s.RepIdOf(i);
            bool ours = scope.Includes(before) || scope.Includes(after);
            if (scope.Includes(before))
            {
                owned++;
                kept += before == after ? 1 : 0;
            }

            if (ours && before is not null && before != after)
            {
                moved++;
                pipelineMoved += account.OpenPipeline;
            }
        }

        return new ScenarioRow(s.Name, s.Description, Stat(potential, Distribution.Gini), Stat(potential, Distribution.CoefficientOfVariation),
            Stat(potential, Distribution.RelativeSpread), Stat(workload, Distribution.Gini), Stat(workload, Distribution.CoefficientOfVariation),
            owned > 0 ? (double)kept / owned : 1, null, moved, pipelineMoved, null);
    }

    private static double Stat(double[] values, Func<IReadOnlyList<double>, double> statistic) => values.Length == 0 ? 0 : statistic(values);

    private static List<TerritoryBar> Bars(ScenarioResult s, TeamScope scope) =>
        [.. s.Territories.Where(t => scope.Includes(t.RepId)).Select(t => new TerritoryBar(t.RepId, t.RepName, t.Potential, t.DeviationPct))];

}

/// <summary>
/// One scenario's comparison figures. <see cref="ContinuityArr"/> and <see cref="Issues"/> are null in a manager's
/// team view (ARR continuity and constraint issues are organisation-wide).
/// </summary>
internal sealed record ScenarioRow(
    string Name, string Description, double PotentialGini, double PotentialCv, double PotentialSpread, double WorkloadGini,
    double WorkloadCv, double ContinuityAccounts, double? ContinuityArr, int AccountsMoved, double PipelineMoved, int? Issues);

/// <summary>A territory's potential in a scenario and its deviation from its target, in percent.</summary>
internal sealed record TerritoryBar(string RepId, string RepName, double Potential, double DeviationPct);

internal sealed record ScenarioTerritory(
    string RepId, string RepName, int Accounts, double Potential, double Target, double DeviationPct, double Workload, double Pipeline,
    string Description);

/// <summary>Every scenario against the current plan, the recommended one, and its territories' potential.</summary>
internal sealed partial record ScenarioComparisonView(
    int MaxMovedPct, bool CapAsked, bool WholeOrganisation, string ScopeNote, IReadOnlyList<ScenarioRow> Rows, string Recommended,
    string Recommendation, IReadOnlyList<TerritoryBar> RecommendedTerritories) : IViewModel
{
    /// <summary>What every territory's targets followed.</summary>
    public TargetMode Targets { get; init; }

    public string Text
    {
        get
        {
            var lines = new List<string>
            {
                $"Territory scenarios compared with the current plan (rebalance moves at most {MaxMovedPct}% of accounts; targets: {ScenariosPlugin.TargetsText(Targets)})." +
                (ScopeNote.Length > 0 ? " " + ScopeNote : ""),
            };
            lines.AddRange(Rows.Select(r =>
                $"- {r.Name}: potential Gini {Format.Number(r.PotentialGini, "0.000")}, workload Gini {Format.Number(r.WorkloadGini, "0.000")}, " +
                $"continuity {Format.Percent(r.ContinuityAccounts)}, {Format.Plural(r.AccountsMoved, "account")} and {Format.Money(r.PipelineMoved)} pipeline moved"));
            if (Recommendation.Length > 0)
            {
                lines.Add((WholeOrganisation ? "" : "Recommendation for the whole organisation: ") + Recommendation);
            }

            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => ScenariosCard.Build(this);
}

/// <summary>One scenario: its figures, the visible territories and the constraints it could not meet.</summary>
internal sealed record ScenarioDetailView(
    ScenarioRow Scenario, int? MaxMovedPct, bool WholeOrganisation, string ScopeNote, bool IsRecommended,
    IReadOnlyList<ScenarioTerritory> Territories, IReadOnlyList<string> Issues) : IViewModel
{
    /// <summary>What every territory's target followed.</summary>
    public TargetMode Targets { get; init; }

    public string Text
    {
        get
        {
            var s = Scenario;
            var lines = new List<string>
            {
                $"Scenario {s.Name}{(IsRecommended ? " (recommended)" : "")}: {s.Description}" + (ScopeNote.Length > 0 ? " " + ScopeNote : ""),
                $"Targets: {ScenariosPlugin.TargetsText(Targets)}.",
                $"Potential Gini {Format.Number(s.PotentialGini, "0.000")}, CV {Format.Number(s.PotentialCv, "0.000")}, spread {Format.Percent(s.PotentialSpread)} of the mean; " +
                $"workload Gini {Format.Number(s.WorkloadGini, "0.000")}; continuity {Format.Percent(s.ContinuityAccounts)}; " +
                $"{Format.Plural(s.AccountsMoved, "account")} and {Format.Money(s.PipelineMoved)} open pipeline moved.",
            };
            lines.AddRange(Territories.Select(t =>
                $"- {t.RepName} ({t.RepId}): {Format.Money(t.Potential)} potential ({TeamCardParts.Signed(t.DeviationPct)} vs target), workload {Format.Number(t.Workload)}, {Format.Plural(t.Accounts, "account")}"));
            lines.AddRange(Issues.Select(i => "Note: " + i));
            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => ScenarioCard.Build(this);
}
