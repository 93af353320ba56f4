using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Plugins;

/// <summary>Fairness of the current plan or of a design scenario: spread, outliers, the rep likely to feel short-changed, and the fixing moves.</summary>
internal sealed class FairnessPlugin
{
    public const string ShowVerb = "fairness.show";

    /// <summary>Implemented by the workflow (proposals): turns the suggested moves into a reassignment proposal.</summary>
    public const string ProposeVerb = "proposal.fromFairness";


    [KernelFunction("check")]
    [Intent("fairness_check", Verbs = [ShowVerb])]
    [Access(MinimumRole = RepRole.Manager, Subject = "the fairness check")]
    [HelpExample("Fairness", "fairness check before I announce", 120, RepRole.Manager, RepRole.Ops)]
    [Description("Checks how fair an assignment of accounts to reps is: range of potential and workload across territories, outliers " +
        "against the mean and median, the rep most likely to feel disadvantaged and the concern they will raise, and the smallest set of " +
        "account moves (each with a rationale) that brings every territory inside the ±10% tolerance. Managers see their team's territories only.")]
    public IViewModel Check([FromKernelServices] PluginContext context,
        [Description("Optional scenario to check instead of the current owners: geographic, industry, size, hybrid, opportunity, workload, rebalance, or current.")]
        string? scenario = null,
        [Description("Optional cap on accounts moved by the rebalance scenario, in percent (0–100), when checking rebalance.")]
        double? maxMovedPercent = null)
    {
        if (TeamScope.For(context.Caller, context.Workspace) is not { } scope)
        {
            return TeamScope.TeamOnly("the fairness check");
        }

        var workspace = context.Workspace;
        var name = scenario?.Trim().ToLowerInvariant();
        if (name == ScenarioNames.Current)
        {
            name = null;
        }

        int? cap = name == ScenarioNames.Rebalance && maxMovedPercent is { } p ? ScenarioCap(p) : null;
        if (name is not null && !ScenarioNames.All.Contains(name))
        {
            throw new TurnInputException($"There is no scenario '{TextClip.Clip(name, TextClip.EchoedName)}'. Try one of: {string.Join(", ", ScenarioNames.All)}, or current.");
        }

        var report = workspace.Memo($"fairness:{name ?? "current"}:{cap}", w =>
        {
            IReadOnlyList<Assignment>? assignments = name is null ? null : ScenariosPlugin.Run(w, cap).Scenario(name)!.Assignments;
            try
            {
                return FairnessEngine.Assess(w.Data, w.Scores.Accounts, assignments, w.AsOf);
            }
            catch (ArgumentException e)
            {
                throw new TurnInputException($"I can't check fairness on this data: {e.Message}");
            }
        });
        return View(context, report, scope, name, cap);
    }

    private static FairnessView View(PluginContext context, FairnessReport report, TeamScope scope, string? scenario, int? cap)
    {
        var reps = context.Workspace.Data.Reps;
        var visible = report.Territories.Where(t => scope.Includes(t.RepId)).ToList();
        var rows = visible.Select(t => new FairnessRow(t.RepId, t.RepName, t.PotentialArr, t.Workload, t.AccountCount, t.DeviationPct,
            t.DeviationFromMedianPct, t.WorkloadDeviationPct, t.IsOutlier)).ToList();
        double[] potential = [.. visible.Select(t => t.PotentialArr)];
        double[] workload = [.. visible.Select(t => t.Workload)];
        var s = report.Summary;
        var summary = scope.Everyone
            ? new FairnessFigures(s.Territories, s.MinPotential, s.MaxPotential, s.MedianPotential, s.PotentialGini, s.MinWorkload, s.MaxWorkload, s.WorkloadGini)
            : new FairnessFigures(visible.Count, potential.DefaultIfEmpty().Min(), potential.DefaultIfEmpty().Max(),
                potential.Length == 0 ? 0 : Distribution.Percentile(potential, 0.5), potential.Length == 0 ? 0 : Distribution.Gini(potential),
                workload.DefaultIfEmpty().Min(), workload.DefaultIfEmpty().Max(), workload.Length == 0 ? 0 : Distribution.Gini(workload));

        // The engine picks one rep for the whole organisation; when that rep is not on a manager's team, the team's
        // own low outlier (if any) is the one to prepare for.
        Disadvantaged? disadvantaged = report.MostDisadvantaged is { } d && scope.Includes(d.RepId) && !scope.MentionsOthers(d.Concern, reps)
            ? new Disadvantaged(d.RepId, d.RepName, d.GapPct, d.Concern)
            : rows.Where(r => r.IsOutlier && r.DeviationPct < 0).OrderBy(r => r.DeviationPct).ThenBy(r => r.RepId, StringComparer.Ordinal)
                .Select(r => new Disadvantaged(r.RepId, r.RepName, -r.DeviationPct,
                    $"{r.RepName} has the least potential on your team, {TeamCardParts.Signed(r.DeviationPct)} against the mean territory, " +
                    "and is likely to ask why their book is smaller than their peers'."))
                .FirstOrDefault();

        // A move is shown only when the caller may see both ends and the account itself as it is owned today (in a
        // scenario an account of another team can land on this team's rep; unassigned accounts are for ops only).
        // The card and the text already name the account, both reps and the potential beside each rationale.
        string Say(AccountMove m) => FairnessWording.Rationale(m, report, Name, lead: false);
        bool Visible(AccountMove m) =>
            scope.Includes(m.ToRepId) && (m.FromRepId.Length == 0 ? scope.Everyone : scope.Includes(m.FromRepId))
            && context.Workspace.Accounts.TryGetValue(m.AccountId, out var account) && context.Caller.CanSeeAccount(account)
            && !scope.MentionsOthers(Say(m), reps);
        var moves = report.Adjustments.Moves.Where(Visible).Select(m => new FairnessMove(
            m.AccountId, m.AccountName, m.FromRepId.Length == 0 ? null : m.FromRepId, Name(m.FromRepId), m.ToRepId, Name(m.ToRepId),
            m.PotentialArr, Say(m))).ToList();
        int hidden = report.Adjustments.Moves.Count - moves.Count;

        var findings = report.HistoricalRevenue.Where(h => scope.Includes(h.RepId)).Select(h => h.Sentence)
            .Concat(report.StrengthMismatches.Where(m => scope.Includes(m.RepId)).Select(m => m.Sentence))
            .Concat(scope.Everyone ? report.SeniorityQuota.Findings : [])
            .Where(f => !scope.MentionsOthers(f, reps)).ToList();
        // The plan's before/after figures describe every territory, so only ops get them.
        var a = report.Adjustments;
        var plan = scope.Everyone
            ? new FairnessPlan(a.WithinTolerance, a.MaxAbsDeviationBeforePct, a.MaxAbsDeviationAfterPct,
                a.Explanation + " " + FairnessWording.Workload(a, report.TolerancePct))
            : null;

        return new FairnessView(scenario, cap, report.TolerancePct, scope.Everyone, scope.Note, summary, rows, disadvantaged, moves, hidden,
            plan, findings, scope.Everyone ? report.Summary.UnassignedAccounts : 0);

        string Name(string repId) => repId.Length == 0 ? "unassigned" : context.Workspace.Reps.TryGetValue(repId, out var r) ? r.Name : repId;
    }

    private static int ScenarioCap(double percent) =>
        double.IsFinite(percent) && percent is >= 0 and <= 100
            ? (int)Math.Round(percent, MidpointRounding.AwayFromZero)
            : throw new TurnInputException("The share of accounts moved must be a percentage from 0 to 100.");
}

/// <summary>Spread across the territories shown (the whole organisation for ops, the team for a manager).</summary>
internal sealed record FairnessFigures(
    int Territories, double MinPotential, double MaxPotential, double MedianPotential, double PotentialGini, double MinWorkload,
    double MaxWorkload, double WorkloadGini);

/// <summary>A territory's potential and workload; deviations in percent of the mean (and median) of all territories.</summary>
internal sealed record FairnessRow(
    string RepId, string RepName, double Potential, double Workload, int Accounts, double DeviationPct, double DeviationFromMedianPct,
    double WorkloadDeviationPct, bool IsOutlier);

/// <summary>What the suggested moves achieve across all territories (ops only).</summary>
internal sealed record FairnessPlan(bool WithinTolerance, double MaxDeviationBeforePct, double MaxDeviationAfterPct, string Explanation);

internal sealed record Disadvantaged(string RepId, string RepName, double GapPct, string Concern);

internal sealed record FairnessMove(
    string AccountId, string AccountName, string? FromRepId, string FromName, string ToRepId, string ToName, double Potential, string Rationale);

/// <summary>The fairness check as the caller may see it. <see cref="HiddenMoves"/> counts moves that involve territories outside a manager's team.</summary>
internal sealed partial record FairnessView(
    string? Scenario, int? MaxMovedPct, double TolerancePct, bool WholeOrganisation, string ScopeNote, FairnessFigures Figures,
    IReadOnlyList<FairnessRow> Territories, Disadvantaged? MostDisadvantaged, IReadOnlyList<FairnessMove> Moves, int HiddenMoves,
    FairnessPlan? Plan, IReadOnlyList<string> Findings, int UnassignedAccounts) : IViewModel
{
    public string Subject => Scenario is null ? "the current plan" : $"the {Scenario} scenario";

    public IReadOnlyList<FairnessRow> Outliers => [.. Territories.Where(t => t.IsOutlier)];

    public string Text
    {
        get
        {
            var f = Figures;
            var lines = new List<string>
            {
                $"Fairness of {Subject} (tolerance ±{Format.Number(TolerancePct)}% of the mean)." + (ScopeNote.Length > 0 ? " " + ScopeNote : ""),
                $"Potential ranges from {Format.Money(f.MinPotential)} to {Format.Money(f.MaxPotential)} (median {Format.Money(f.MedianPotential)}, Gini {Format.Number(f.PotentialGini, "0.000")}); " +
                $"workload from {Format.Number(f.MinWorkload)} to {Format.Number(f.MaxWorkload)}.",
                Outliers.Count == 0
                    ? "No territory is outside the tolerance."
                    : "Outside the tolerance: " + string.Join("; ", Outliers.Select(o =>
                        $"{o.RepName} ({o.RepId}) {TeamCardParts.Signed(o.DeviationPct)} vs mean, {TeamCardParts.Signed(o.DeviationFromMedianPct)} vs median")) + ".",
            };
            if (MostDisadvantaged is { } d)
            {
                lines.Add($"Most likely to feel disadvantaged: {d.RepName} ({d.RepId}). {d.Concern}");
            }

            if (Moves.Count > 0)
            {
                lines.Add("Suggested moves:");
                lines.AddRange(Moves.Select(m => $"- {m.AccountName} ({m.AccountId}) from {m.FromName} to {m.ToName}: {m.Rationale}"));
            }

            if (HiddenMoves > 0)
            {
                lines.Add($"{Format.Plural(HiddenMoves, "further move")} involve territories outside your team; sales ops can see them.");
            }

            if (Plan is { Explanation.Length: > 0 } plan)
            {
                lines.Add(plan.Explanation);
            }

            lines.AddRange(Findings);
            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => FairnessCard.Build(this);
}
