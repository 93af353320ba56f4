using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

/// <summary>A rep's territory: the overview card, the territory document summary and the transition package.</summary>
internal sealed class TerritoryPlugin
{
    public const string ShowVerb = "territory.show";
    public const string DocVerb = "territory.doc";
    public const string TransitionVerb = "transition.show";

    /// <summary>Accounts listed on the territory card (the rest are one button away).</summary>
    public const int CardAccounts = 5;

    [KernelFunction("my_territory")]
    [Intent("my_territory", Verbs = [ShowVerb])]
    [HelpExample("Your territory", "show my territory", 10, RepRole.Rep)]
    [HelpExample("Team territories", "show R002's territory", 110, RepRole.Manager, RepRole.Ops)]
    [Description("Shows a rep's territory: accounts, potential and current ARR, tier mix and the largest accounts. " +
                 "Managers and sales ops who name no rep get one row per territory they may see.")]
    public IViewModel MyTerritory([FromKernelServices] PluginContext context,
        [Description("Rep id (e.g. R002) whose territory to show; leave empty for the caller's own territory or, for a manager or ops, their team overview.")]
        string? repId = null)
    {
        switch (RepScope.Resolve(context, Ids(repId), "territories"))
        {
            case RepScope.Refused r:
                return r.Refusal;
            case RepScope.Team team:
                return TeamOverview(context, team);
            case RepScope.One one:
                var plan = RepPlans.Current(context.Workspace, one.Rep.RepId);
                var top = plan.Portfolio.OrderByDescending(p => p.Score.PotentialArr)
                    .ThenBy(p => p.Account.AccountId, StringComparer.Ordinal)
                    .Take(CardAccounts)
                    .Select((p, i) => AccountLine.From(i + 1, p))
                    .ToList();
                return new TerritoryView(one.Rep.RepId, one.Rep.Name, context.Workspace.AsOf, plan.Totals, plan.Tiers, top);
            default:
                throw new InvalidOperationException("unknown scope");
        }
    }

    [KernelFunction("territory_document")]
    [Intent("territory_doc", Verbs = [DocVerb])]
    [HelpExample("Territory document", "territory doc", 60, RepRole.Rep)]
    [Description("Summarises a rep's territory document: portfolio totals, the strategic hypothesis, coverage approach by tier and the first-quarter coverage sequence. " +
                 "The full Markdown document comes from `territorybot plan --rep REP`.")]
    public IViewModel TerritoryDocument([FromKernelServices] PluginContext context,
        [Description("Rep id (e.g. R002) whose territory document to summarise; leave empty for the caller's own.")]
        string? repId = null)
    {
        switch (RepScope.Resolve(context, Ids(repId), "territories"))
        {
            case RepScope.Refused r:
                return r.Refusal;
            case RepScope.Team team:
                return RepChoiceView.For(team, "territory document", DocVerb);
            case RepScope.One one:
                var plan = RepPlans.Current(context.Workspace, one.Rep.RepId);
                // The first sentence places the territory against the team's median: other reps' numbers, left out here.
                var hypothesis = plan.Totals.Accounts > 0 ? plan.Hypothesis.Skip(1).ToList() : plan.Hypothesis.ToList();
                var coverage = plan.Tiers.Where(t => t.Accounts > 0)
                    .Select(t => new TierCoverage(t.Tier, t.Accounts, t.Potential, t.Cadence, t.TouchesPerAccount))
                    .ToList();
                return new TerritoryDocView(one.Rep.RepId, one.Rep.Name, context.Workspace.AsOf, plan.Totals, hypothesis, coverage,
                    plan.Sequence, plan.SequencePerWeek, plan.SequenceOverflow);
            default:
                throw new InvalidOperationException("unknown scope");
        }
    }

    [KernelFunction("transition_package")]
    [Intent("transition_package", Verbs = [TransitionVerb])]
    [HelpExample("Transition package", "transition package", 70, RepRole.Rep)]
    [Description("Lists the accounts that change hands between the current owners and the recommended territory design scenario for a rep: " +
                 "open opportunities, pipeline, last activity, relationship notes and who runs each hand-over.")]
    public IViewModel TransitionPackage([FromKernelServices] PluginContext context,
        [Description("Rep id (e.g. R002) whose transition package to show; leave empty for the caller's own.")]
        string? repId = null)
    {
        switch (RepScope.Resolve(context, Ids(repId), "territories"))
        {
            case RepScope.Refused r:
                return r.Refusal;
            case RepScope.Team team:
                return RepChoiceView.For(team, "transition package", TransitionVerb);
            case RepScope.One one:
                var plan = RepPlans.Recommended(context.Workspace, one.Rep.RepId);
                var caller = context.Caller;
                // An account another rep owns today stays theirs until a move is approved: only its count is shown.
                var shown = plan.Transitions.Where(t => caller.CanSeeAccount(t.Account)).Select(TransitionLine.From).ToList();
                int hidden = plan.Transitions.Count - shown.Count;
                return new TransitionView(one.Rep.RepId, one.Rep.Name, EngineResults.Design(context.Workspace).Recommended,
                    [.. shown.Where(t => t.Incoming)], [.. shown.Where(t => !t.Incoming)], hidden);
            default:
                throw new InvalidOperationException("unknown scope");
        }
    }

    private static TeamOverviewView TeamOverview(PluginContext context, RepScope.Team team)
    {
        var rows = team.Reps.Select(r =>
        {
            var t = RepPlans.Current(context.Workspace, r.RepId).Totals;
            return new TeamOverviewView.Territory(r.RepId, r.Name, t.Accounts, t.Potential, t.CurrentArr, t.OpenPipeline);
        }).ToList();
        int? unassigned = context.Caller.IsOps && team.Label == "all territories"
            ? context.Workspace.Data.Accounts.Count(a => a.OwnerId is null || !context.Workspace.Reps.TryGetValue(a.OwnerId, out var o) || !o.CarriesTerritory)
            : null;
        return new TeamOverviewView(team.Label, context.Workspace.AsOf, rows, unassigned);
    }

    internal static IReadOnlyList<string> Ids(string? repIds) =>
        string.IsNullOrWhiteSpace(repIds) ? [] : repIds.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One account on a list: rank, identity, tier and money.</summary>
internal sealed record AccountLine(int Rank, string AccountId, string Name, string Industry, Tier Tier, AccountStatus Status, int IcpFit,
    double PotentialArr, double CurrentArr)
{
    public static AccountLine From(int rank, PortfolioAccount p) =>
        new(rank, p.Account.AccountId, p.Account.Name, p.Account.Industry, p.Score.Tier, p.Score.Status, p.Score.IcpFit, p.Score.PotentialArr, p.Account.CurrentArr);
}

internal sealed record TerritoryView(
    string RepId, string RepName, DateOnly AsOf, TerritoryTotals Totals, IReadOnlyList<TierSummary> Tiers, IReadOnlyList<AccountLine> TopAccounts)
    : IViewModel
{
    public string Text
    {
        get
        {
            var t = Totals;
            var text = $"{RepName}'s territory ({RepId}) as of {Format.Date(AsOf)}: {Format.Plural(t.Accounts, "account")}, potential {Format.Money(t.Potential)}, "
                + $"current ARR {Format.Money(t.CurrentArr)} ({Format.Percent(t.Penetration)} penetration); {Format.Plural(t.Customers, "customer")}, "
                + $"{Format.Plural(t.ActiveProspects, "active prospect")} with {Format.Money(t.OpenPipeline)} open pipeline, {Format.Int(t.Whitespace)} whitespace.";
            if (TopAccounts.Count > 0)
            {
                text += Environment.NewLine + "Largest accounts: " + string.Join("; ", TopAccounts.Select(a => $"{a.Rank}. {a.Name} ({a.AccountId}) {Format.Money(a.PotentialArr)}")) + ".";
            }

            return text;
        }
    }

    public AdaptiveCard? ToCard() => TerritoryCard.Build(this);
}

internal sealed record TeamOverviewView(string ScopeLabel, DateOnly AsOf, IReadOnlyList<TeamOverviewView.Territory> Territories, int? UnassignedAccounts)
    : IViewModel
{
    public sealed record Territory(string RepId, string Name, int Accounts, double Potential, double CurrentArr, double OpenPipeline)
    {
        public double Penetration => Potential <= 0 ? 0 : CurrentArr / Potential;
    }

    public string Text =>
        $"{char.ToUpperInvariant(ScopeLabel[0])}{ScopeLabel[1..]} as of {Format.Date(AsOf)}: {Format.Plural(Territories.Count, "territory", "territories")}, "
        + $"{Format.Plural(Territories.Sum(t => t.Accounts), "account")}, potential {Format.Money(Territories.Sum(t => t.Potential))}, current ARR {Format.Money(Territories.Sum(t => t.CurrentArr))}."
        + (UnassignedAccounts is > 0 ? $" {Format.Plural(UnassignedAccounts.Value, "account")} {Format.Verb(UnassignedAccounts.Value, "has", "have")} no territory owner." : "")
        + string.Concat(Territories.Select(t => Environment.NewLine
            + $"- {t.Name} ({t.RepId}): {Format.Plural(t.Accounts, "account")}, potential {Format.Money(t.Potential)}, current ARR {Format.Money(t.CurrentArr)}"));

    public AdaptiveCard? ToCard() => TeamOverviewCard.Build(this);
}

internal sealed record TierCoverage(Tier Tier, int Accounts, double Potential, string Cadence, int TouchesPerQuarter);

internal sealed partial record TerritoryDocView(
    string RepId, string RepName, DateOnly AsOf, TerritoryTotals Totals, IReadOnlyList<string> Hypothesis, IReadOnlyList<TierCoverage> Coverage,
    IReadOnlyList<SequenceTouch> Sequence, int SequencePerWeek, int SequenceOverflow) : IViewModel
{
    public string FullDocumentCommand => $"territorybot plan --rep {RepId}";

    public string Text
    {
        get
        {
            var lines = new List<string>
            {
                $"Territory document for {RepName} ({RepId}) as of {Format.Date(AsOf)}: {Format.Plural(Totals.Accounts, "account")}, potential {Format.Money(Totals.Potential)}, current ARR {Format.Money(Totals.CurrentArr)}.",
            };
            lines.AddRange(Hypothesis);
            lines.AddRange(Coverage.Select(c => $"- {c.Tier}: {Format.Plural(c.Accounts, "account")} ({Format.Money(c.Potential)}): {c.Cadence}, {Format.Plural(c.TouchesPerQuarter, "touch", "touches")} per account per quarter."));
            if (Sequence.Count > 0)
            {
                lines.Add($"Q1 sequence ({Format.Plural(SequencePerWeek, "first touch", "first touches")} a week): "
                    + string.Join("; ", Sequence.Take(5).Select(s => $"week {s.Week}: {s.Name} ({s.AccountId}) — {s.Action}"))
                    + (Sequence.Count > 5 ? $"; and {Format.Int(Sequence.Count - 5)} more." : "."));
            }

            lines.Add($"The full document: {FullDocumentCommand}");
            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => TerritoryDocCard.Build(this);
}

internal sealed record TransitionLine(
    string AccountId, string Name, bool Incoming, string? FromName, string? ToName, int OpenOpportunities, double OpenPipeline, double Potential,
    DateOnly? LastActivity, string? Notes, string? TransitionOwner)
{
    public static TransitionLine From(Transition t) =>
        new(t.Account.AccountId, t.Account.Name, t.Direction == TransitionDirection.Incoming, t.FromName ?? (t.FromRepId is null ? "unassigned" : t.FromRepId),
            t.ToName ?? t.ToRepId ?? "unassigned", t.OpenOpportunities, t.OpenPipeline, t.Score?.PotentialArr ?? 0, t.LastActivity,
            string.IsNullOrWhiteSpace(t.RelationshipNotes) ? null : t.RelationshipNotes.Trim(), t.TransitionOwnerName ?? t.TransitionOwnerId);

    public string Details =>
        (Incoming ? $"from {FromName}" : $"to {ToName}")
        + $" · {Format.Plural(OpenOpportunities, "open opportunity", "open opportunities")}"
        + $" · last activity {Format.Date(LastActivity)}"
        + (TransitionOwner is null ? "" : $" · hand-over: {TransitionOwner}")
        + (Notes is null ? "" : $" · notes: {Notes}");
}

internal sealed record TransitionView(
    string RepId, string RepName, string Scenario, IReadOnlyList<TransitionLine> Incoming, IReadOnlyList<TransitionLine> Outgoing, int NotShown)
    : IViewModel
{
    public const string NotShownNote = "owned today by colleagues outside what you can see (or unassigned); their details come once the move is approved";

    public string Text
    {
        get
        {
            var lines = new List<string>
            {
                $"Transition package for {RepName} ({RepId}): current owners → recommended scenario {Scenario}. "
                + $"{Format.Plural(Incoming.Count + NotShown, "account")} in, {Format.Plural(Outgoing.Count, "account")} out.",
            };
            lines.AddRange(Incoming.Select(t => $"- In: {t.Name} ({t.AccountId}) {Format.Money(t.OpenPipeline)} pipeline, {t.Details}"));
            lines.AddRange(Outgoing.Select(t => $"- Out: {t.Name} ({t.AccountId}) {Format.Money(t.OpenPipeline)} pipeline, {t.Details}"));
            if (NotShown > 0)
            {
                lines.Add($"{Format.Plural(NotShown, "incoming account")} {Format.Verb(NotShown, "is", "are")} {NotShownNote}.");
            }

            if (Incoming.Count + Outgoing.Count + NotShown == 0)
            {
                lines.Add("No account changes hands for this territory.");
            }

            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => TransitionCard.Build(this);
}
