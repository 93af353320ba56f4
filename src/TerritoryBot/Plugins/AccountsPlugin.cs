using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Plugins;

/// <summary>Accounts the caller may see: the top list, one account in depth, the score summary and the tier review.</summary>
internal sealed class AccountsPlugin
{
    public const string TopVerb = ScoreCard.TopAccountsVerb;
    public const string ShowVerb = "account.show";
    public const string ScoresVerb = "scores.show";
    public const string TiersVerb = "tiers.review";

    public const int DefaultTop = 10;
    public const int MaxTop = 100;


    [KernelFunction("top_accounts")]
    [Intent("top_accounts", Verbs = [TopVerb])]
    [HelpExample("Top accounts", "my top 10 accounts", 20, RepRole.Rep)]
    [Description("Lists the caller's largest accounts by estimated potential ARR, with tier, status, priority, ICP fit and coverage approach. " +
                 "Reps see their own accounts, managers their team's, ops all.")]
    public IViewModel TopAccounts([FromKernelServices] PluginContext context,
        [Description("How many accounts to list (1–100); default 10.")] int? count = null,
        [Description("Rep id (e.g. R002) to limit the list to that rep's territory; leave empty for everything the caller may see.")] string? repId = null)
    {
        if (Scope(context, repId) is not { } scope)
        {
            return Refusal.NotYours("accounts");
        }

        int top = Math.Clamp(count ?? DefaultTop, 1, MaxTop);
        var scores = context.Workspace.Scores.Accounts;
        var accounts = context.Workspace.Data.Accounts;
        var rows = scope.Positions
            .OrderByDescending(i => scores[i].PotentialArr)
            .ThenBy(i => accounts[i].AccountId, StringComparer.Ordinal)
            .Take(top)
            .Select((i, rank) => TopAccountLine.From(rank + 1, accounts[i], scores[i], scope.OneRep ? null : OwnerName(context, accounts[i])))
            .ToList();
        return new TopAccountsView(scope.Label, scope.Positions.Count, count ?? DefaultTop, rows);
    }

    [KernelFunction("account_lookup")]
    [Intent("account_lookup", Verbs = [ShowVerb])]
    [HelpExample("One account", "tell me about A000017", 30, RepRole.Rep, RepRole.Manager, RepRole.Ops)]
    [Description("Explains one account: ICP fit per dimension with reasons, opportunity score, potential ARR with its range and comparable customers, " +
                 "tier with any recommended tier move, status, priority and open opportunities. Only accounts the caller may see.")]
    public IViewModel AccountLookup([FromKernelServices] PluginContext context,
        [Description("Account id, e.g. A000017 (several may be given separated by commas; the first is explained).")] string accountId)
    {
        var ids = TerritoryPlugin.Ids(accountId);
        if (ids.Count == 0)
        {
            throw new TurnInputException("Which account? Give its id (e.g. A000017) or its name.");
        }

        var workspace = context.Workspace;
        if (context.Caller.IsOps && ids.FirstOrDefault(id => !workspace.Accounts.ContainsKey(id)) is { } unknown)
        {
            // Ops see every account, so saying that one does not exist reveals nothing to them.
            throw new TurnInputException($"There is no account '{TextClip.Clip(unknown, TextClip.EchoedName)}'.");
        }

        // Unknown and not-yours read the same, so the answer does not tell whether an account exists.
        if (ids.Any(id => !workspace.Accounts.TryGetValue(id, out var a) || !context.Caller.CanSeeAccount(a)))
        {
            return Refusal.NotYours("accounts");
        }

        return AccountDetail(context, workspace.Accounts[ids[0]]);
    }

    [KernelFunction("score_summary")]
    [Intent("score_summary", Verbs = [ScoresVerb])]
    [HelpExample("Scores", "score summary", 210, RepRole.Ops)]
    [Description("Summarises account scores for what the caller may see: potential and current ARR, concentration, tier mix and the top accounts.")]
    public IViewModel ScoreSummary([FromKernelServices] PluginContext context,
        [Description("Rep id (e.g. R002) to summarise only that rep's territory; leave empty for everything the caller may see.")] string? repId = null)
    {
        if (Scope(context, repId) is not { } scope)
        {
            return Refusal.NotYours("accounts");
        }

        var scores = context.Workspace.Scores;
        var summary = scope.All ? scores.Summary : scores.SummaryOf(scope.Positions);
        return new ScoreSummaryView(scope.Label, scores.AsOf, summary);
    }

    [KernelFunction("tier_review")]
    [Intent("tier_review", Verbs = [TiersVerb])]
    [HelpExample("Tiers", "tier review", 220, RepRole.Ops)]
    [Description("Lists accounts whose current tier disagrees with their potential and fit, with the recommended tier move and its rationale.")]
    public IViewModel TierReview([FromKernelServices] PluginContext context,
        [Description("Rep id (e.g. R002) to review only that rep's territory; leave empty for everything the caller may see.")] string? repId = null)
    {
        if (Scope(context, repId) is not { } scope)
        {
            return Refusal.NotYours("accounts");
        }

        var scores = context.Workspace.Scores;
        var summary = scope.All ? scores.Summary : scores.SummaryOf(scope.Positions);
        return new TierReviewView(scope.Label, summary.Accounts, summary.MisclassifiedCount, summary.Misclassified);
    }

    private static AccountView AccountDetail(PluginContext context, Account account)
    {
        var workspace = context.Workspace;
        var scores = workspace.Scores;
        int index = scores.IndexOf(account.AccountId);
        var explanation = scores.Explain(index);
        var score = explanation.Score;
        var potential = explanation.Potential;
        var comparables = potential.Comparables.Select(c =>
            workspace.Accounts.TryGetValue(c.AccountId, out var other) && context.Caller.CanSeeAccount(other)
                ? new ComparableLine(c.AccountId, c.Name, c.Industry, c.Employees, c.CurrentArr, c.Similarity)
                // Another rep's customer: described, never named or priced.
                : new ComparableLine(null, null, c.Industry, c.Employees, null, c.Similarity)).ToList();
        var move = scores.SummaryOf([index]).Misclassified.FirstOrDefault();
        var opportunities = workspace.Data.Opportunities
            .Where(o => o.IsOpen && o.AccountId == account.AccountId)
            .OrderByDescending(o => o.Amount).ThenBy(o => o.OpportunityId, StringComparer.Ordinal)
            .Select(o => new OpportunityLine(o.OpportunityId, o.Stage, o.Amount, o.CloseDate, workspace.Reps.GetValueOrDefault(o.OwnerId)?.Name ?? o.OwnerId))
            .ToList();
        string method = potential.Method == PotentialMethod.Comparables
            ? $"Weighted median of {Format.Plural(potential.Comparables.Count, "comparable customer")}, scaled to this account's size."
            : "Too few comparable customers: average deal size × size and fit factors. Treat it as indicative.";
        if (potential.CurrentArrFloorApplied)
        {
            method += " Raised to the current ARR: what a customer pays today is a floor.";
        }

        return new AccountView(
            account.AccountId, account.Name, account.Industry, account.Employees, account.Region, account.City,
            account.OwnerId is null ? null : workspace.Reps.GetValueOrDefault(account.OwnerId)?.Name ?? account.OwnerId,
            score.IcpFit, [.. explanation.Fit.Select(f => new FitLine(f.Dimension.ToString(), f.SubScore, f.Weight, f.Reason))],
            score.OpportunityScore, score.PotentialArr, score.PotentialLow, score.PotentialHigh, method, comparables,
            score.Tier, account.CurrentTier, move?.Move, move?.Rationale,
            score.Status, score.Priority, TierClassifier.CoverageApproach(score.Tier, score.Status),
            account.CurrentArr, opportunities, account.LastActivityDate,
            string.IsNullOrWhiteSpace(account.RelationshipNotes) ? null : account.RelationshipNotes.Trim());
    }

    private sealed record AccountScope(string Label, IReadOnlyList<int> Positions, bool All, bool OneRep = false);

    /// <summary>Positions of the accounts in scope, or null when the caller may not see the named rep.</summary>
    private static AccountScope? Scope(PluginContext context, string? repId)
    {
        var workspace = context.Workspace;
        var caller = context.Caller;
        var accounts = workspace.Data.Accounts;
        var ids = TerritoryPlugin.Ids(repId);
        if (ids.Count == 0 && caller.IsOps)
        {
            return new AccountScope("all accounts", [.. Enumerable.Range(0, accounts.Count)], All: true);
        }

        HashSet<string> owners;
        string label;
        switch (RepScope.Resolve(context, ids, "accounts"))
        {
            case RepScope.Refused:
                return null;
            case RepScope.One one:
                owners = [one.Rep.RepId];
                label = one.Rep.RepId == caller.RepId ? "your accounts" : $"{one.Rep.Name}'s accounts";
                break;
            case RepScope.Team team:
                owners = [.. team.Reps.Select(r => r.RepId)];
                label = team.Label == "your team" ? "your team's accounts" : team.Label;
                break;
            default:
                throw new InvalidOperationException("unknown scope");
        }

        var positions = new List<int>();
        for (int i = 0; i < accounts.Count; i++)
        {
            if (accounts[i].OwnerId is { } owner && owners.Contains(owner))
            {
                positions.Add(i);
            }
        }

        return new AccountScope(label, positions, All: false, OneRep: owners.Count == 1);
    }

    private static string? OwnerName(PluginContext context, Account account) =>
        account.OwnerId is null ? null : context.Workspace.Reps.GetValueOrDefault(account.OwnerId)?.Name ?? account.OwnerId;
}

internal sealed record TopAccountLine(
    int Rank, string AccountId, string Name, string Industry, Tier Tier, AccountStatus Status, Priority Priority, int IcpFit,
    double OpportunityScore, double PotentialArr, string CoverageApproach, string? Owner)
{
    public static TopAccountLine From(int rank, Account a, AccountScore s, string? owner) =>
        new(rank, a.AccountId, a.Name, a.Industry, s.Tier, s.Status, s.Priority, s.IcpFit, s.OpportunityScore, s.PotentialArr,
            TierClassifier.CoverageApproach(s.Tier, s.Status), owner);
}

internal sealed record TopAccountsView(string ScopeLabel, int AccountsInScope, int Requested, IReadOnlyList<TopAccountLine> Accounts) : IViewModel
{
    public string Text => Accounts.Count == 0
        ? $"There are no accounts in {ScopeLabel}."
        : $"Top {Format.Plural(Accounts.Count, "account")} by potential among {ScopeLabel} ({Format.Int(AccountsInScope)} in all):" + string.Concat(Accounts.Select(a =>
            Environment.NewLine + $"{a.Rank}. {a.Name} ({a.AccountId}) {Format.Money(a.PotentialArr)}, {a.Tier}, fit {a.IcpFit}/5, {a.Priority} priority"
            + (a.Owner is null ? "" : $", owner {a.Owner}")));

    public AdaptiveCard? ToCard() => TopAccountsCard.Build(this);
}

internal sealed record FitLine(string Dimension, double SubScore, double Weight, string Reason);

/// <summary>A comparable customer; <see cref="Name"/>, id and ARR are null when it is another rep's account.</summary>
internal sealed record ComparableLine(string? AccountId, string? Name, string Industry, int Employees, double? CurrentArr, double Similarity);

internal sealed record OpportunityLine(string OpportunityId, string Stage, double Amount, DateOnly? CloseDate, string Owner);

internal sealed record AccountView(
    string AccountId, string Name, string Industry, int Employees, string? Region, string? City, string? Owner,
    int IcpFit, IReadOnlyList<FitLine> Fit, double OpportunityScore,
    double PotentialArr, double PotentialLow, double PotentialHigh, string PotentialMethod, IReadOnlyList<ComparableLine> Comparables,
    Tier Tier, Tier? CurrentTier, string? TierMove, string? TierRationale,
    AccountStatus Status, Priority Priority, string CoverageApproach, double CurrentArr,
    IReadOnlyList<OpportunityLine> OpenOpportunities, DateOnly? LastActivity, string? Notes) : IViewModel
{
    public string Text
    {
        get
        {
            var lines = new List<string>
            {
                $"{Name} ({AccountId}): {Industry}, {Format.Int(Employees)} employees{(Region is null ? "" : ", " + Region)}; owner {Owner ?? "none"}.",
                $"ICP fit {IcpFit}/5: " + string.Join("; ", Fit.Select(f => $"{f.Dimension} {Format.Number(f.SubScore, "0.00")} ({f.Reason})")) + ".",
                $"Opportunity score {Format.Number(OpportunityScore)}/100. Potential {Format.Money(PotentialArr)} (range {Format.Money(PotentialLow)}–{Format.Money(PotentialHigh)}). {PotentialMethod}",
            };
            var named = Comparables.Where(c => c.Name is not null).Select(c => $"{c.Name} ({c.AccountId})").ToList();
            if (Comparables.Count > 0)
            {
                lines.Add($"Comparables: {(named.Count > 0 ? string.Join(", ", named) : "none in your book")}"
                    + (named.Count < Comparables.Count ? $"; {Format.Plural(Comparables.Count - named.Count, "other customer")} not named" : "") + ".");
            }

            lines.Add($"Tier {Tier}" + (TierMove is null ? (CurrentTier is null ? " (no tier recorded today)." : " (as recorded).") : $": recommended {TierMove}. {TierRationale}"));
            lines.Add($"Status {TerritoryCard.Status(Status)}, {Priority} priority; coverage: {CoverageApproach}.");
            lines.Add(OpenOpportunities.Count == 0
                ? "No open opportunities."
                : "Open opportunities: " + string.Join("; ", OpenOpportunities.Select(o => $"{o.OpportunityId} {o.Stage} {Format.Money(o.Amount)}, closes {Format.Date(o.CloseDate)}")) + ".");
            lines.Add($"Last activity {Format.Date(LastActivity)}." + (Notes is null ? "" : $" Notes: {Notes}"));
            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => AccountCard.Build(this);
}

internal sealed record ScoreSummaryView(string ScopeLabel, DateOnly AsOf, ScoringSummary Summary) : IViewModel
{
    public string Text =>
        $"Scores for {ScopeLabel} as of {Format.Date(AsOf)}: {Format.Plural(Summary.Accounts, "account")}, potential {Format.Money(Summary.TotalPotentialArr)}, "
        + $"current ARR {Format.Money(Summary.TotalCurrentArr)}; {Summary.Concentration.Sentence}; {Format.Plural(Summary.WhitespaceAccounts, "whitespace account")}, "
        + $"{Format.Plural(Summary.MisclassifiedCount, "tier mismatch", "tier mismatches")}.";

    public AdaptiveCard? ToCard() => ScoreCard.Build(new ScoringResult([]) { Summary = Summary, AsOf = AsOf }, scope: ScopeLabel);
}

internal sealed record TierReviewView(string ScopeLabel, int AccountsInScope, int MisclassifiedCount, IReadOnlyList<MisclassifiedAccount> Accounts) : IViewModel
{
    public int Upgrades => Accounts.Count(a => a.RecommendedTier < a.CurrentTier);

    public string Text => MisclassifiedCount == 0
        ? $"Every account among {ScopeLabel} with a recorded tier sits in the tier its potential and fit call for ({Format.Plural(AccountsInScope, "account")})."
        : $"{Format.Plural(MisclassifiedCount, "account")} of {Format.Int(AccountsInScope)} among {ScopeLabel} {Format.Verb(MisclassifiedCount, "sits", "sit")} in the wrong tier"
          + (Accounts.Count < MisclassifiedCount ? $" (the {Format.Int(Accounts.Count)} largest gaps listed)" : "") + ":"
          + string.Concat(Accounts.Select(a => Environment.NewLine + $"- {a.Name} ({a.AccountId}): {a.Move}. {a.Rationale}"));

    public AdaptiveCard? ToCard() => TierReviewCard.Build(this);
}
