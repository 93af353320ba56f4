using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Whitespace;

namespace TerritoryBot.Plugins;

/// <summary>A rep's whitespace: high-fit accounts with no relationship, ranked, with what it takes to open them.</summary>
internal sealed class WhitespacePlugin
{
    public const string ShowVerb = "whitespace.show";

    /// <summary>Replaces the names of look-alike customers the caller may not see.</summary>
    public const string UnnamedLookalike = "looks like customers we already serve";


    [KernelFunction("whitespace")]
    [Intent("whitespace", Verbs = [ShowVerb])]
    [HelpExample("Whitespace", "whitespace I should prospect", 40, RepRole.Rep)]
    [Description("Lists a rep's whitespace: the top 15 high-fit accounts with no relationship (not a customer, no open opportunity, no recent activity), " +
                 "with fit rationale, estimated ARR, likely pains, entry persona, trigger signals and an outreach hypothesis, and how many more " +
                 "high-fit accounts this is than the rep already works.")]
    public IViewModel Whitespace([FromKernelServices] PluginContext context,
        [Description("Rep id (e.g. R002) whose whitespace to list; leave empty for the caller's own.")] string? repId = null)
    {
        switch (RepScope.Resolve(context, TerritoryPlugin.Ids(repId), "territories"))
        {
            case RepScope.Refused r:
                return r.Refusal;
            case RepScope.Team team:
                return RepChoiceView.For(team, "whitespace", ShowVerb);
            case RepScope.One one:
                var report = RepPlans.Whitespace(context.Workspace, one.Rep.RepId);
                return new WhitespaceView(report with { Top = [.. report.Top.Select(c => Unnamed(context, c))] });
            default:
                throw new InvalidOperationException("unknown scope");
        }
    }

    /// <summary>
    /// The outreach hypothesis names look-alike customers; those of other reps are another rep's accounts, so for a
    /// caller who may not see them the clause is reworded without names.
    /// </summary>
    private static WhitespaceCandidate Unnamed(PluginContext context, WhitespaceCandidate candidate)
    {
        var workspace = context.Workspace;
        var comparables = workspace.Scores.Explain(candidate.AccountId).Potential.Comparables;
        var hidden = comparables
            .Where(c => !workspace.Accounts.TryGetValue(c.AccountId, out var a) || !context.Caller.CanSeeAccount(a))
            .Select(c => c.Name)
            .Where(n => n.Length > 0 && candidate.OutreachHypothesis.Contains(n, StringComparison.Ordinal))
            .ToList();
        if (hidden.Count == 0)
        {
            return candidate;
        }

        string named = "looks like our customers " + string.Join(" and ", comparables.Take(2).Select(c => c.Name));
        string text = candidate.OutreachHypothesis.Replace(named, UnnamedLookalike, StringComparison.Ordinal);
        if (hidden.Any(n => text.Contains(n, StringComparison.Ordinal)))
        {
            // The engine's wording changed: say less rather than leak a name.
            text = $"{candidate.Name} ({candidate.Industry}, fit {candidate.IcpFit}/5) {UnnamedLookalike}: open with the {candidate.EntryPersona} on {candidate.Pains.FirstOrDefault() ?? "their priorities"}.";
        }

        return candidate with { OutreachHypothesis = text };
    }
}

internal sealed partial record WhitespaceView(WhitespaceReport Report) : IViewModel
{
    public string Text
    {
        get
        {
            var r = Report;
            var lines = new List<string>
            {
                $"Whitespace for {r.RepName} ({r.RepId}): {r.Sentence}",
                $"Scope: {r.ScopeRule}. {Format.Int(r.OwnedWhitespace)} owned, {Format.Int(r.UnassignedWhitespace)} unassigned.",
            };
            lines.AddRange(r.Top.Select(c =>
                $"{c.Rank}. {c.Name} ({c.AccountId}) {Format.Money(c.EstimatedArr)} ({Format.Money(c.EstimatedArrLow)}–{Format.Money(c.EstimatedArrHigh)}), fit {c.IcpFit}/5; "
                + $"why: {string.Join("; ", c.FitRationale.Take(2))}; pains: {string.Join(", ", c.Pains)}; persona: {c.EntryPersona}; "
                + $"triggers: {string.Join(", ", c.TriggerSignals)}. {c.OutreachHypothesis}"));
            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => WhitespaceCard.Build(this);
}
