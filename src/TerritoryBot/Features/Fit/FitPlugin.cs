using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

/// <summary>
/// Rep-to-territory fit: smoothed win rates by industry and tier with sample sizes, pipeline coverage against quota,
/// ramping, and the best-fit rep per industry. A rep sees their own row only; a manager their team; ops everyone.
/// </summary>
internal sealed class FitPlugin
{
    public const string ShowVerb = "fit.show";

    /// <summary>Industries listed per rep on the card (the strongest by smoothed rate, with at least one closed deal).</summary>
    public const int IndustriesPerRep = 3;


    [KernelFunction("fit")]
    [Intent("rep_fit", Verbs = [ShowVerb])]
    [HelpExample("Rep fit", "who fits the fintech accounts best", 140, RepRole.Manager, RepRole.Ops)]
    [Description("Shows rep-to-territory fit: each rep's win rates by industry and by tier, smoothed for small samples and shown with the " +
        "number of closed deals, open pipeline against quota, ramping status, and which rep fits each industry best. A rep sees only their " +
        "own row; a manager their team; ops everyone.")]
    public IViewModel Fit([FromKernelServices] PluginContext context,
        [Description("Optional industry to answer first, e.g. 'Financial Services' for 'who fits the fintech accounts best'. Must be an industry of the loaded accounts.")]
        string? industry = null,
        [Description("Optional rep ids to show alone, e.g. [\"R002\"]; a rep may only name themselves, a manager reps on their team.")]
        IReadOnlyList<string>? repIds = null)
    {
        var caller = context.Caller;
        var workspace = context.Workspace;
        var report = EngineResults.Fit(workspace);
        string? label = null;
        if (industry is not null)
        {
            label = report.Industries.FirstOrDefault(i => string.Equals(i, industry.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new TurnInputException($"There is no industry '{TextClip.Clip(industry, TextClip.EchoedName)}' in the accounts. Industries: {Format.List(report.Industries)}.");
        }

        IReadOnlySet<string> visible;
        bool everyone = caller.IsOps;
        string note;
        if (caller.Role == RepRole.Rep)
        {
            // A rep's own row only, whatever they name; naming anyone else (by id or name) is refused.
            if (repIds is not null && repIds.Any(id => !string.Equals(workspace.FindRep(id)?.RepId, caller.RepId, StringComparison.Ordinal)))
            {
                return Refusal.NotYours("fit figures of reps");
            }

            if (!caller.CanSeeRep(caller.RepId))
            {
                return new TextReply("You don't carry a territory, so there is no fit record for you.");
            }

            visible = new HashSet<string>(StringComparer.Ordinal) { caller.RepId };
            note = "These are your own figures; your manager sees how the team compares.";
        }
        else
        {
            var scope = TeamScope.For(caller, workspace)!;
            visible = scope.RepIds;
            note = scope.Note;
            if (repIds is { Count: > 0 })
            {
                var named = repIds.Select(id => workspace.FindRep(id)?.RepId).ToList();
                if (named.Any(id => !scope.Includes(id)))
                {
                    return Refusal.NotYours("fit figures of reps");
                }

                visible = named.Select(id => id!).ToHashSet(StringComparer.Ordinal);
                everyone = false;
            }
        }

        var reps = report.Reps.Where(r => visible.Contains(r.RepId)).ToList();
        bool self = caller.Role == RepRole.Rep;
        var rows = reps.Select(r => Row(r, report)).ToList();
        var best = self ? [] : report.Industries.Select(i => BestFit(i, reps, report.TeamByIndustry[i])).Where(b => b is not null).Select(b => b!).ToList();
        IndustryAnswer? answer = label is null ? null : Answer(label, reps, self);
        return new FitView(self, everyone, note, answer, rows, best, report.PriorStrength);
    }

    private static FitRow Row(RepFit r, FitReport report) => new(
        r.RepId, r.Name, r.Seniority, r.Ramping, r.IndustryStrengths, Rate(r.Overall),
        [.. report.Industries.Select(i => (Industry: i, Rate: r.ByIndustry[i])).Where(x => x.Rate.Deals > 0)
            .OrderByDescending(x => x.Rate.Smoothed).ThenByDescending(x => x.Rate.Deals).ThenBy(x => x.Industry, StringComparer.OrdinalIgnoreCase)
            .Select(x => new NamedRate(x.Industry, Rate(x.Rate)))],
        [.. Enum.GetValues<Tier>().Where(r.BySegment.ContainsKey).Select(t => new NamedRate(t.ToString(), Rate(r.BySegment[t])))],
        r.OpenPipeline, r.Quota, r.PipelineCoverage, r.ThinPipeline);

    private static RateFigure Rate(WinRate w) => new(w.Smoothed, w.Wins, w.Deals);

    /// <summary>The engine's best fit and runner-up (<see cref="FitEngine.BestFitFor"/>) among the reps the caller may see.</summary>
    internal static BestFitRow? BestFit(string industry, IReadOnlyList<RepFit> reps, WinRate team)
    {
        if (reps.Count == 0 || FitEngine.BestFitFor(industry, team, reps) is not { BestRepId: { } bestId } fit)
        {
            return null;
        }

        var best = reps.First(r => r.RepId == bestId);
        var second = fit.RunnerUpRepId is { } secondId ? reps.First(r => r.RepId == secondId) : null;
        return new BestFitRow(industry, best.RepId, best.Name, Rate(best.ByIndustry[industry]), second?.RepId, second?.Name,
            second is null ? null : Rate(second.ByIndustry[industry]));
    }

    private static IndustryAnswer Answer(string industry, IReadOnlyList<RepFit> reps, bool self)
    {
        var ranking = FitEngine.RankIn(industry, reps).Select(r => new RankedRep(r.RepId, r.Name, Rate(r.ByIndustry[industry]))).ToList();
        bool anyDeals = reps.Any(r => r.ByIndustry[industry].Deals > 0);
        return new IndustryAnswer(industry, self || !anyDeals ? null : ranking.FirstOrDefault(), ranking);
    }

}

/// <summary>A smoothed win rate (0..1) with the closed deals behind it.</summary>
internal sealed record RateFigure(double Smoothed, int Wins, int Deals)
{
    public string Shown => Deals == 0
        ? $"{Format.Percent(Smoothed)} (team rate, no closed deals)"
        : $"{Format.Percent(Smoothed)} ({Wins} of {Format.Plural(Deals, "deal")})";
}

internal sealed record NamedRate(string Name, RateFigure Rate);

internal sealed record FitRow(
    string RepId, string Name, Seniority Seniority, bool Ramping, IReadOnlyList<string> Strengths, RateFigure Overall,
    IReadOnlyList<NamedRate> Industries, IReadOnlyList<NamedRate> Segments, double OpenPipeline, double? Quota, double? PipelineCoverage,
    bool ThinPipeline);

internal sealed record BestFitRow(string Industry, string RepId, string Name, RateFigure Rate, string? RunnerUpId, string? RunnerUpName, RateFigure? RunnerUp);

internal sealed record RankedRep(string RepId, string Name, RateFigure Rate);

/// <summary>The answer to "who fits INDUSTRY best": the best rep (null for a rep asking, or when nobody closed a deal there) and every visible rep's rate.</summary>
internal sealed record IndustryAnswer(string Industry, RankedRep? Best, IReadOnlyList<RankedRep> Ranking);

/// <summary>The fit table as the caller may see it. <see cref="Self"/>: a rep's own row, without team comparisons.</summary>
internal sealed record FitView(
    bool Self, bool WholeOrganisation, string ScopeNote, IndustryAnswer? Question, IReadOnlyList<FitRow> Reps, IReadOnlyList<BestFitRow> BestFit,
    double PriorStrength) : IViewModel
{
    public string Text
    {
        get
        {
            var lines = new List<string>();
            if (Question is { } q)
            {
                lines.Add(Sentence(q, Self));
            }

            lines.Add((Self ? "Your fit" : "Rep fit") + $" (win rates smoothed toward the team rate with a {Format.Number(PriorStrength)}-deal prior)." +
                (ScopeNote.Length > 0 ? " " + ScopeNote : ""));
            foreach (var r in Reps)
            {
                var parts = new List<string> { $"overall {r.Overall.Shown}" };
                if (r.Industries.Count > 0)
                {
                    parts.Add("strongest " + string.Join(", ", r.Industries.Take(FitPlugin.IndustriesPerRep).Select(i => $"{i.Name} {i.Rate.Shown}")));
                }

                parts.Add(Pipeline(r));
                if (r.Ramping)
                {
                    parts.Add("ramping");
                }

                lines.Add($"- {r.Name} ({r.RepId}): {string.Join("; ", parts)}");
            }

            if (BestFit.Count > 0)
            {
                lines.Add("Best fit per industry: " + string.Join("; ", BestFit.Select(b => $"{b.Industry} {b.Name} {Format.Percent(b.Rate.Smoothed)}")) + ".");
            }

            return string.Join(Environment.NewLine, lines);
        }
    }

    internal static string Sentence(IndustryAnswer q, bool self)
    {
        if (self)
        {
            return q.Ranking.FirstOrDefault() is { } me
                ? $"Your win rate in {q.Industry}: {me.Rate.Shown}" + (me.Rate.Deals == 0 ? "; it moves once you close deals there." : ".")
                : $"You have no fit record in {q.Industry}.";
        }

        if (q.Best is not { } best)
        {
            return $"Nobody you can see has closed a deal in {q.Industry} yet, so no one stands out; every rep sits at the team rate.";
        }

        var runnerUp = q.Ranking.Skip(1).FirstOrDefault();
        return $"{best.Name} ({best.RepId}) fits {q.Industry} best: {best.Rate.Shown}" +
            (runnerUp is null ? "." : $", ahead of {runnerUp.Name} at {runnerUp.Rate.Shown}.");
    }

    internal static string Pipeline(FitRow r) => r.PipelineCoverage is { } c
        ? $"pipeline {Format.Money(r.OpenPipeline)} = {Format.Multiple(c)} quota{(r.ThinPipeline ? " (thin)" : "")}"
        : $"pipeline {Format.Money(r.OpenPipeline)}, no quota";

    public AdaptiveCard? ToCard() => FitCard.Build(this);
}
