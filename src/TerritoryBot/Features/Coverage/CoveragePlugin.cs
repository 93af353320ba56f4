using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Coverage;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

/// <summary>Coverage gaps: capacity against potential by segment and region, uncovered clusters, their cost, where a rep pays most.</summary>
internal sealed class CoveragePlugin
{
    public const string ShowVerb = "gaps.show";


    [KernelFunction("gaps")]
    [Intent("coverage_gaps", Verbs = [ShowVerb])]
    [Access(MinimumRole = RepRole.Manager, Subject = "the coverage-gap analysis")]
    [HelpExample("Coverage gaps", "where are our coverage gaps", 150, RepRole.Manager, RepRole.Ops)]
    [Description("Finds coverage gaps: potential against rep capacity by segment (tier) and region, clusters of high-potential accounts " +
        "nobody covers (no owner or an overloaded one), the revenue opportunity cost of each gap, and where one added rep would recover " +
        "the most. Ops see the whole organisation; a manager sees the analysis of their own team's accounts and reps.")]
    public IViewModel Gaps([FromKernelServices] PluginContext context)
    {
        if (TeamScope.For(context.Caller, context.Workspace) is not { } scope)
        {
            return TeamScope.TeamOnly("the coverage-gap analysis");
        }

        var report = Analyze(context.Workspace, scope);
        var reps = report.Reps.Where(r => scope.Includes(r.RepId))
            .Select(r => new RepCoverage(r.RepId, r.RepName, r.Accounts, r.Capacity, r.DefaultCapacity, r.LoadPct, r.OpportunityCost)).ToList();
        return new CoverageView(scope.Everyone, scope.Note, report.Summary, report.BySegment, report.ByRegion, reps,
            report.Clusters, report.ClusterCount, report.AddRep, report.Findings);
    }

    /// <summary>
    /// Ops: the whole organisation. A manager: the engine run on their team alone (the accounts their reps own, those
    /// reps and the accounts' opportunities, with the organisation's scores), so every figure — segment and region
    /// totals included — is about their team and nothing about other teams' books or unassigned accounts shows.
    /// </summary>
    internal static CoverageReport Analyze(Workspace workspace, TeamScope scope)
    {
        try
        {
            if (scope.Everyone)
            {
                return workspace.Memo("coverage", w => CoverageEngine.Analyze(w.Data, w.Scores.Accounts));
            }

            var key = "coverage:team:" + string.Join(',', scope.RepIds.Order(StringComparer.Ordinal));
            return workspace.Memo(key, w =>
            {
                var accounts = w.Data.Accounts.Where(a => scope.Includes(a.OwnerId)).ToList();
                var ids = accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
                var team = new DataSet(
                    accounts,
                    [.. w.Data.Reps.Where(r => scope.Includes(r.RepId))],
                    [.. w.Data.Opportunities.Where(o => ids.Contains(o.AccountId))],
                    w.Data.Icp);
                return CoverageEngine.Analyze(team, [.. w.Scores.Accounts.Where(s => ids.Contains(s.AccountId))]);
            });
        }
        catch (ArgumentException e)
        {
            throw new TurnInputException($"I can't analyse coverage on this data: {e.Message}");
        }
    }
}

internal sealed record RepCoverage(string RepId, string RepName, int Accounts, int Capacity, bool DefaultCapacity, double LoadPct, double OpportunityCost);

/// <summary>The coverage-gap analysis as the caller may see it (for a manager, computed on their team only).</summary>
internal sealed record CoverageView(
    bool WholeOrganisation, string ScopeNote, CoverageSummary Summary, IReadOnlyList<CoverageSlice> BySegment,
    IReadOnlyList<CoverageSlice> ByRegion, IReadOnlyList<RepCoverage> Reps, IReadOnlyList<GapCluster> Clusters, int ClusterCount,
    HeadcountRecommendation? AddRep, IReadOnlyList<string> Findings) : IViewModel
{
    public string Text
    {
        get
        {
            var s = Summary;
            var lines = new List<string>
            {
                $"Coverage gaps: {Format.Money(s.UncoveredPotential)} of {Format.Money(s.PotentialArr)} potential goes uncovered, " +
                $"an estimated {Format.Money(s.OpportunityCost)} a year in revenue at a {Format.Percent(s.WinRate)} win rate." +
                (ScopeNote.Length > 0 ? " " + ScopeNote : ""),
                $"Capacity {Format.Int((long)Math.Round(s.TotalCapacity))} accounts across {Format.Plural(s.Reps, "rep")} for {Format.Plural(s.Accounts, "account")}" +
                (s.UnassignedAccounts > 0 ? $" ({Format.Int(s.UnassignedAccounts)} without an owner)." : "."),
            };
            lines.Add("By segment: " + string.Join("; ", BySegment.Select(Slice)) + ".");
            lines.Add("By region: " + string.Join("; ", ByRegion.Select(Slice)) + ".");
            lines.AddRange(Clusters.Take(5).Select(c => "- " + c.Sentence));
            if (AddRep is { } add)
            {
                lines.Add(add.Sentence);
            }

            lines.AddRange(Findings);
            return string.Join(Environment.NewLine, lines);
        }
    }

    private static string Slice(CoverageSlice s) =>
        $"{s.Name} {Format.Percent(s.CoveragePct / 100)} covered, {Format.Money(s.OpportunityCost)} opportunity cost";

    public AdaptiveCard? ToCard() => CoverageCard.Build(this);
}
