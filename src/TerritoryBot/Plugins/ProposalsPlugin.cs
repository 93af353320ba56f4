using System.ComponentModel;
using System.Globalization;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Plugins;

/// <summary>
/// Reassignment proposals: anyone proposes (a rep only their own accounts; scenario, fairness and revert proposals
/// managers and ops, within their scope), everyone lists what touches them, and only ops approve or reject — by
/// button or typed words, never by a model (every function that proposes or decides is <c>[Access(Writes = true)]</c>).
/// The plugin is a singleton; each call gets a <see cref="ProposalDesk"/> over the caller and the turn's database.
/// </summary>
internal sealed class ProposalsPlugin(TimeProvider clock, IWorkspaceSource workspaces, OutboxSignal? outbox = null)
{
    /// <summary>Decided proposals listed after the pending ones.</summary>
    public const int RecentDecided = ProposalDesk.RecentDecided;

    private ProposalDesk Desk(PluginContext context, TerritoryDbContext? db) => new(context, clock, workspaces, db, outbox);

    [KernelFunction("propose_moves")]
    [Intent("propose_reassignment", Verbs = [ProposalCard.FromScenarioVerb, ProposalCard.FromFairnessVerb, ProposalCard.RevertVerb], Route = nameof(RouteProposal))]
    [Access(Writes = true)]
    [HelpExample("Propose a move", "move A000017 to R003 because of the Acme relationship", 160, RepRole.Manager, RepRole.Ops)]
    [Description("Proposes moving accounts to another rep. Creates a pending reassignment proposal that sales ops approve or reject; " +
                 "nothing changes until then. A rep may propose moving only their own accounts, a manager their team's, ops any.")]
    public Task<IViewModel> ProposeMovesAsync(
        [FromKernelServices] PluginContext context,
        [Description("Account ids to move, e.g. [\"A000017\"].")] IReadOnlyList<string> accountIds,
        [Description("The rep id of the new owner; must be a rep who carries a territory (role rep).")] string toRepId,
        [Description("Why the accounts should move, in the proposer's words; shown to ops and the reps involved.")] string? reason = null,
        [FromKernelServices] TerritoryDbContext? db = null,
        CancellationToken ct = default) =>
        Desk(context, db).ProposeMovesAsync(accountIds, toRepId, reason, ct);

    [KernelFunction("propose_scenario")]
    [Access(Writes = true)]
    [Description("Proposes the account moves of a territory design scenario (the difference between the scenario and today's owners) " +
                 "as one pending reassignment proposal. Managers (their team's moves) and ops only.")]
    public Task<IViewModel> ProposeScenarioAsync(
        [FromKernelServices] PluginContext context,
        [Description("Scenario name: geographic, industry, size, hybrid, opportunity, workload or rebalance.")] string scenario,
        [Description("Optional reason; defaults to the scenario's description.")] string? reason = null,
        [FromKernelServices] TerritoryDbContext? db = null,
        CancellationToken ct = default) =>
        Desk(context, db).ProposeScenarioAsync(scenario, reason, ct);

    [KernelFunction("propose_fairness_fixes")]
    [Access(Writes = true)]
    [Description("Proposes the fairness assessment's smallest set of account moves that brings every territory inside tolerance, " +
                 "each with its rationale, as one pending reassignment proposal. Managers (their team's moves) and ops only.")]
    public Task<IViewModel> ProposeFairnessFixesAsync(
        [FromKernelServices] PluginContext context,
        [Description("Optional reason; defaults to the fairness assessment's explanation.")] string? reason = null,
        [FromKernelServices] TerritoryDbContext? db = null,
        CancellationToken ct = default) =>
        Desk(context, db).ProposeFairnessFixesAsync(reason, ct);

    [KernelFunction("propose_revert")]
    [Access(Writes = true)]
    [Description("Proposes undoing an applied reassignment proposal: a new pending proposal with every move reversed. " +
                 "Managers (proposals touching their team) and ops only.")]
    public Task<IViewModel> ProposeRevertAsync(
        [FromKernelServices] PluginContext context,
        [Description("The number of the applied proposal to revert.")] int proposalId,
        [Description("Optional reason for the revert.")] string? reason = null,
        [FromKernelServices] TerritoryDbContext? db = null,
        CancellationToken ct = default) =>
        Desk(context, db).ProposeRevertAsync(proposalId, reason, ct);

    [KernelFunction("list_proposals")]
    [Intent("list_proposals", Verbs = [ProposalCard.ShowVerb], Route = nameof(RouteList))]
    [Access(ReadsProposals = true)]
    [HelpExample("Proposals", "list proposals", 170, RepRole.Manager, RepRole.Ops)]
    [Description("Lists reassignment proposals the user may see (ops: all; manager: those touching their team; rep: those touching " +
                 "their own accounts): pending ones first, then the most recently decided.")]
    public Task<IViewModel> ListProposalsAsync(
        [FromKernelServices] PluginContext context, [FromKernelServices] TerritoryDbContext? db = null, CancellationToken ct = default) =>
        Desk(context, db).ListProposalsAsync(ct);

    [KernelFunction("show_proposal")]
    [Access(ReadsProposals = true)]
    [Description("Shows one reassignment proposal with its moves, reason and status.")]
    public Task<IViewModel> ShowProposalAsync(
        [FromKernelServices] PluginContext context,
        [Description("The proposal number.")] int proposalId,
        [FromKernelServices] TerritoryDbContext? db = null,
        CancellationToken ct = default) =>
        Desk(context, db).ShowProposalAsync(proposalId, ct);

    [KernelFunction("approve")]
    [Intent("approve_proposal", Verbs = [ProposalCard.ApproveVerb], Route = nameof(RouteDecision))]
    [Access(Writes = true)]
    [HelpExample("Approve", "approve reassignment 42", 240, RepRole.Ops)]
    [Description("Approves and applies a reassignment proposal (ops only).")]
    public Task<IViewModel> ApproveAsync(
        [FromKernelServices] PluginContext context, int proposalId, int? version = null,
        [FromKernelServices] TerritoryDbContext? db = null, CancellationToken ct = default) =>
        Desk(context, db).ApproveAsync(proposalId, version, ct);

    [KernelFunction("reject")]
    [Intent("reject_proposal", Verbs = [ProposalCard.RejectVerb], Route = nameof(RouteDecision))]
    [Access(Writes = true)]
    [HelpExample("Reject", "reject 42 because the customer is mid-renewal", 250, RepRole.Ops)]
    [Description("Rejects a reassignment proposal with a reason (ops only).")]
    public Task<IViewModel> RejectAsync(
        [FromKernelServices] PluginContext context, int proposalId, int? version = null, string? reason = null,
        [FromKernelServices] TerritoryDbContext? db = null, CancellationToken ct = default) =>
        Desk(context, db).RejectAsync(proposalId, version, reason, ct);

    /// <summary>Which kind of proposal a turn asks for: the verb decides for buttons, the entities for words.</summary>
    [RoutesTo("propose_moves", "propose_scenario", "propose_fairness_fixes", "propose_revert")]
    private static (string, KernelArguments) RouteProposal(TurnContext turn)
    {
        var e = turn.Entities;
        var verb = turn.Turn.Action?.Verb;
        var arguments = new KernelArguments();
        if (e.Reason is { } reason)
        {
            arguments["reason"] = reason;
        }

        if (verb == ProposalCard.FromScenarioVerb || (verb is null && e.Scenario is not null && e.AccountIds.Count == 0))
        {
            arguments["scenario"] = e.Scenario
                ?? throw new TurnInputException("Which scenario should I turn into a proposal? For example \"propose the rebalance scenario\".");
            return ("propose_scenario", arguments);
        }

        if (verb == ProposalCard.FromFairnessVerb || (verb is null && e.FairnessFixes && e.AccountIds.Count == 0))
        {
            return ("propose_fairness_fixes", arguments);
        }

        if (verb == ProposalCard.RevertVerb || (verb is null && e.ProposalNumber is not null && e.AccountIds.Count == 0))
        {
            arguments["proposalId"] = e.ProposalNumber
                ?? throw new TurnInputException("Which proposal should I revert? For example \"revert proposal 42\".");
            return ("propose_revert", arguments);
        }

        if (e.AccountIds.Count == 0 || e.RepIds.Count == 0)
        {
            throw new TurnInputException(
                "Tell me which accounts to move and to whom, for example \"move A000017 to R003 because she knows the buyer\". " +
                "Managers can also say \"propose the rebalance scenario\" or \"propose the fairness fixes\".");
        }

        // "shift Fabrikam from Tom to Priya": the last rep named is the new owner; the old one is read from the data.
        arguments["accountIds"] = e.AccountIds;
        arguments["toRepId"] = e.RepIds[^1];
        return ("propose_moves", arguments);
    }

    /// <summary>"list proposals" lists; "proposal 42" (or its button) shows that one.</summary>
    [RoutesTo("list_proposals", "show_proposal")]
    private static (string, KernelArguments) RouteList(TurnContext turn) =>
        turn.Entities.ProposalNumber is { } id ? ("show_proposal", new() { ["proposalId"] = id }) : ("list_proposals", new());

    /// <summary>Approve and reject name a proposal (and, from a card, the version it was drawn at); reject also takes the reason.</summary>
    private static (string, KernelArguments) RouteDecision(TurnContext turn)
    {
        var e = turn.Entities;
        var arguments = new KernelArguments
        {
            ["proposalId"] = e.ProposalNumber
                ?? throw new TurnInputException("Which proposal? Give its number, for example \"approve 42\" or \"list proposals\"."),
        };
        if (e.ProposalVersion is { } version)
        {
            arguments["version"] = version;
        }

        var function = turn.Match.Intent == Intent.RejectProposal ? "reject" : "approve";
        if (function == "reject" && e.Reason is { } reason)
        {
            arguments["reason"] = reason;
        }

        return (function, arguments);
    }
}

/// <summary>One call's work on proposals: who may do what, the database (<see cref="Proposals"/>), and the views.</summary>
internal sealed class ProposalDesk(
    PluginContext context, TimeProvider clock, IWorkspaceSource workspaces, TerritoryDbContext? db = null, OutboxSignal? outbox = null)
{
    /// <summary>Decided proposals listed after the pending ones.</summary>
    public const int RecentDecided = 10;

    private const string NeedsDatabase =
        "Reassignment proposals live in the territory database, and this session has none (a --data folder is read-only). " +
        "Import the data and ask again without --data.";

    private Caller Caller => context.Caller;
    private Workspace Workspace => context.Workspace;

    public async Task<IViewModel> ProposeMovesAsync(
        IReadOnlyList<string> accountIds,
        string toRepId,
        string? reason,
        CancellationToken ct = default)
    {
        var database = Database();
        var target = Workspace.FindRep(toRepId);
        if (target is null)
        {
            return Caller.IsOps || Caller.Role == Core.Model.RepRole.Manager
                ? new TextReply($"There is no rep '{TextClip.Clip(toRepId, TextClip.EchoedName)}'.")
                : new TextReply($"I can't find a rep '{TextClip.Clip(toRepId, TextClip.EchoedName)}' to move the accounts to.");
        }

        if (!target.CarriesTerritory)
        {
            return new TextReply($"{target.Name} ({target.RepId}) is a {target.Role.ToString().ToLowerInvariant()} and carries no territory; pick a rep.");
        }

        var ids = accountIds.Select(a => Workspace.Accounts.ContainsKey(a) ? a : throw new TurnInputException($"There is no account '{TextClip.Clip(a, TextClip.EchoedName)}'.")).ToList();
        if (ids.Count == 0)
        {
            throw new TurnInputException("Which accounts should move?");
        }

        // Checked against the stored owners, not the cached workspace: the database is what approval will change.
        var owners = await database.CurrentOwnersAsync(ids, ct);
        if (ids.Any(id => !MayMove(owners.GetValueOrDefault(id))))
        {
            return Refusal.NotYours("accounts");
        }

        var already = ids.Where(id => owners.GetValueOrDefault(id) == target.RepId).ToList();
        if (already.Count == ids.Count)
        {
            return new TextReply($"{string.Join(", ", already.Select(AccountName))} already belong{(already.Count == 1 ? "s" : "")} to {target.Name}; nothing to propose.");
        }

        return await CreateAsync(
            new NewProposal(Caller.RepId, ProposalSource.Chat, [.. ids.Select(id => new ProposedMove(id, target.RepId))], CheckReason(reason)), ct);
    }

    public async Task<IViewModel> ProposeScenarioAsync(
        string scenario,
        string? reason,
        CancellationToken ct = default)
    {
        _ = Database();
        if (!MayProposeForTeam())
        {
            return new Refusal("Only managers and sales ops can turn a scenario into a proposal. You can propose moving your own accounts.");
        }

        var result = EngineResults.Design(Workspace).Scenario(scenario);
        if (result is null)
        {
            return new TextReply($"There is no scenario '{TextClip.Clip(scenario, TextClip.EchoedName)}' to propose. Try rebalance, geographic, industry, size, hybrid, opportunity or workload.");
        }

        var moves = result.Assignments
            .Where(a => Workspace.Accounts.TryGetValue(a.AccountId, out var account) && account.OwnerId != a.RepId && InScope(account.OwnerId, a.RepId))
            .Select(a => new ProposedMove(a.AccountId, a.RepId))
            .ToList();
        if (moves.Count == 0)
        {
            return new TextReply($"The {result.Name} scenario moves no accounts{ScopeNote()}; there is nothing to propose.");
        }

        return await CreateAsync(
            new NewProposal(Caller.RepId, ProposalSource.Scenario, moves, CheckReason(reason) ?? TextClip.Clip(result.Description, CardActionData.MaxReasonLength), result.Name), ct);
    }

    public async Task<IViewModel> ProposeFairnessFixesAsync(
        string? reason,
        CancellationToken ct = default)
    {
        _ = Database();
        if (!MayProposeForTeam())
        {
            return new Refusal("Only managers and sales ops can propose the fairness fixes. You can propose moving your own accounts.");
        }

        var report = Workspace.Memo("proposals:fairness", w => FairnessEngine.Assess(w.Data, w.Scores.Accounts, null, w.AsOf));
        var moves = report.Adjustments.Moves
            .Select(m => (Move: m, From: string.IsNullOrEmpty(m.FromRepId) ? null : m.FromRepId))
            .Where(m => InScope(m.From, m.Move.ToRepId))
            .Select(m => new ProposedMove(m.Move.AccountId, m.Move.ToRepId, m.Move.Rationale))
            .ToList();
        if (moves.Count == 0)
        {
            return new TextReply($"The fairness assessment suggests no moves{ScopeNote()}: {report.Adjustments.Explanation}");
        }

        return await CreateAsync(
            new NewProposal(Caller.RepId, ProposalSource.Fairness, moves, CheckReason(reason) ?? TextClip.Clip(report.Adjustments.Explanation, CardActionData.MaxReasonLength)), ct);
    }

    public async Task<IViewModel> ProposeRevertAsync(
        int proposalId,
        string? reason,
        CancellationToken ct = default)
    {
        var database = Database();
        if (!MayProposeForTeam())
        {
            return new Refusal("Only managers and sales ops can revert a reassignment. You can propose moving your own accounts back.");
        }

        var original = await database.LoadProposalAsync(proposalId, ct);
        if (original is null || !MaySee(original))
        {
            return Caller.IsOps ? new TextReply($"There is no proposal #{proposalId}.") : Refusal.NotYours("proposals");
        }

        if (original.Status != ProposalStatus.Applied)
        {
            return new TextReply($"Proposal #{proposalId} is {WorkflowColumns.Name(original.Status)}, not applied, so there is nothing to revert.");
        }

        if (await database.PendingRevertOfAsync(proposalId, ct) is { } existing)
        {
            return View(existing, $"A revert of #{proposalId} is already waiting for approval: proposal #{existing.Id}.");
        }

        var moves = original.Moves.Select(m => new ProposedMove(m.AccountId, m.FromRepId)).ToList();
        var why = CheckReason(reason) ?? $"Revert of proposal #{proposalId}.";
        return await CreateAsync(new NewProposal(Caller.RepId, ProposalSource.Revert, moves, why, RevertsProposalId: proposalId), ct);
    }

    public async Task<IViewModel> ListProposalsAsync(CancellationToken ct = default)
    {
        var database = Database();
        var scope = Caller.IsOps ? null : (IReadOnlyCollection<string>)[.. Caller.VisibleRepIds, Caller.RepId];
        var proposals = await database.ListProposalsAsync(scope, RecentDecided, ct);
        return new ProposalListView(
            [.. proposals.Select(p => ToView(p, null))],
            Caller.IsOps ? "across the company" : Caller.Role == Core.Model.RepRole.Manager ? "touching your team" : "touching your accounts");
    }

    public async Task<IViewModel> ShowProposalAsync(
        int proposalId,
        CancellationToken ct = default)
    {
        var database = Database();
        var proposal = await database.LoadProposalAsync(proposalId, ct);
        if (proposal is null || !MaySee(proposal))
        {
            return Caller.IsOps ? new TextReply($"There is no proposal #{proposalId}.") : Refusal.NotYours("proposals");
        }

        return View(proposal, null);
    }

    /// <summary>Approves and applies a proposal (ops only). Human only: no description, never offered to a model.</summary>
    public async Task<IViewModel> ApproveAsync(int proposalId, int? version, CancellationToken ct = default)
    {
        if (!Caller.CanApprove)
        {
            return new Refusal("Only sales ops can approve reassignments. I can show you the proposal, and ops will see it in their queue.");
        }

        var database = Database();
        var decision = await database.ApproveProposalAsync(proposalId, version, Caller.RepId, Now(), ApprovedNotifications, ct);
        if (decision.Outcome == DecisionOutcome.Decided)
        {
            Changed();
        }

        return Answer(decision, proposalId);
    }

    /// <summary>Rejects a proposal with a reason (ops only). Human only: no description, never offered to a model.</summary>
    public async Task<IViewModel> RejectAsync(int proposalId, int? version, string? reason, CancellationToken ct = default)
    {
        if (!Caller.CanApprove)
        {
            return new Refusal("Only sales ops can reject reassignments.");
        }

        var why = CheckReason(reason);
        if (why is null)
        {
            return new TextReply($"Please give a reason for rejecting proposal #{proposalId}, for example \"reject {proposalId} because the customer is mid-renewal\". Nothing was changed.");
        }

        var database = Database();
        var decision = await database.RejectProposalAsync(proposalId, version, Caller.RepId, why, Now(), RejectedNotifications, ct);
        if (decision.Outcome == DecisionOutcome.Decided)
        {
            Changed();
        }

        return Answer(decision, proposalId);
    }

    /// <summary>
    /// This instance wrote proposals (and, for an approval, owners): its next turn sees them at once (other instances
    /// within a second), and the outbox sends the notifications the write queued.
    /// </summary>
    private void Changed()
    {
        workspaces.Invalidate();
        outbox?.Notify();
    }

    private IViewModel Answer(Decision decision, int proposalId) => decision switch
    {
        { Outcome: DecisionOutcome.NotFound } => new TextReply($"There is no proposal #{proposalId}."),
        { Outcome: DecisionOutcome.Decided, Proposal: { } p } => View(p, null),
        { Outcome: DecisionOutcome.Conflict, Proposal: { } p } => View(p, decision.Explanation),
        { Outcome: DecisionOutcome.Stale, Proposal: { } p } => View(p,
            $"This card was out of date; here is proposal #{p.Id} as it stands now. Nothing was changed."),
        { Proposal: { } p } => View(p, AlreadyDecided(p)),
        _ => new TextReply($"There is no proposal #{proposalId}."),
    };

    private string AlreadyDecided(ProposalEntity p)
    {
        var by = p.DecidedBy is { } id ? RepName(id) : "someone";
        return p.Status switch
        {
            ProposalStatus.Applied => $"Proposal #{p.Id} was already approved by {by} at {ProposalView.When(p.DecidedAt)}. Nothing was changed.",
            ProposalStatus.Rejected => $"Proposal #{p.Id} was already rejected by {by} at {ProposalView.When(p.DecidedAt)}. Nothing was changed.",
            _ => $"Proposal #{p.Id} was superseded at {ProposalView.When(p.DecidedAt)} and can no longer be decided. Nothing was changed.",
        };
    }

    private async Task<IViewModel> CreateAsync(NewProposal proposal, CancellationToken ct)
    {
        var created = await Database().CreateProposalAsync(proposal, Now(), NewProposalNotifications, ct);
        if (created is null)
        {
            return new TextReply("Those accounts already belong to the reps proposed; nothing to propose.");
        }

        Changed();
        var note = Caller.IsOps
            ? $"Proposal #{created.Id} created."
            : $"Proposal #{created.Id} created and sent to sales ops for approval.";
        return View(created, note);
    }

    // --- notifications (queued in the outbox in the same transaction as the change) ---

    /// <summary>Every ops person but the proposer gets the new proposal with its buttons.</summary>
    private IEnumerable<OutboxEntity> NewProposalNotifications(ProposalEntity p)
    {
        var view = ToView(p, null, viewerIsOps: true);
        var card = NotificationCards.Write(view.ToCard());
        foreach (var ops in Workspace.Data.Reps.Where(r => r.Role == Core.Model.RepRole.Ops && r.RepId != p.ProposerRepId))
        {
            yield return Message(ops.RepId, p,
                $"New reassignment proposal #{p.Id} from {RepName(p.ProposerRepId)} ({view.SourceText}, {Accounts(p.Moves.Count)}). " +
                $"Reason: {p.Reason ?? "none given"}. Approve or reject it on the card, or say \"approve {p.Id}\" / \"reject {p.Id} because …\".",
                card);
        }
    }

    /// <summary>The reps who gain or lose accounts, and the proposer, each with what concerns them.</summary>
    private IEnumerable<OutboxEntity> ApprovedNotifications(ProposalEntity p)
    {
        var approver = RepName(Caller.RepId);
        // Read inside the approval's transaction, so it already says applied, by whom and when.
        var card = NotificationCards.Write(ToView(p, null, viewerIsOps: false).ToCard());
        var people = p.Moves.SelectMany(m => new[] { m.FromRepId, m.ToRepId }).Append(p.ProposerRepId)
            .OfType<string>().Distinct(StringComparer.Ordinal).Where(r => r != Caller.RepId).Order(StringComparer.Ordinal);
        foreach (var rep in people)
        {
            var gains = p.Moves.Where(m => m.ToRepId == rep).Select(m => AccountName(m.AccountId)).ToList();
            var losses = p.Moves.Where(m => m.FromRepId == rep).Select(m => AccountName(m.AccountId)).ToList();
            var parts = new List<string>();
            if (gains.Count > 0)
            {
                parts.Add($"you now own {List(gains)}");
            }

            if (losses.Count > 0)
            {
                parts.Add($"you hand over {List(losses)}");
            }

            if (parts.Count == 0)
            {
                parts.Add($"{Accounts(p.Moves.Count)} changed owner");
            }

            var whose = rep == p.ProposerRepId ? "Your reassignment proposal" : "Reassignment proposal";
            yield return Message(rep, p, $"{whose} #{p.Id} was approved by {approver}: {string.Join("; ", parts)}. Reason: {p.Reason ?? "none given"}.", card);
        }
    }

    private IEnumerable<OutboxEntity> RejectedNotifications(ProposalEntity p)
    {
        if (p.ProposerRepId != Caller.RepId)
        {
            yield return Message(p.ProposerRepId, p,
                $"Your reassignment proposal #{p.Id} was rejected by {RepName(Caller.RepId)}: {p.DecisionReason}. Nothing changed.",
                NotificationCards.Write(ToView(p, null, viewerIsOps: false).ToCard()));
        }
    }

    private OutboxEntity Message(string recipient, ProposalEntity p, string text, string? card) => new()
    {
        RecipientRepId = recipient,
        Text = text,
        CardJson = card,
        ProposalId = p.Id,
        CreatedAt = Now(),
        NextAttemptAt = Now(),
    };

    // --- permissions ---

    private bool MayMove(string? owner) => Caller.IsOps || (owner is not null && Caller.CanSeeRep(owner));

    private bool MayProposeForTeam() => Caller.IsOps || Caller.Role == Core.Model.RepRole.Manager;

    /// <summary>Managers propose only moves inside their team; ops anything.</summary>
    private bool InScope(string? from, string? to) =>
        Caller.IsOps || (from is not null && Caller.CanSeeRep(from) && to is not null && Caller.CanSeeRep(to));

    private string ScopeNote() => Caller.IsOps ? "" : " within your team";

    private bool MaySee(ProposalEntity p) =>
        Caller.IsOps || p.ProposerRepId == Caller.RepId
        || p.Moves.Any(m => (m.FromRepId is { } f && Caller.CanSeeRep(f)) || (m.ToRepId is { } t && Caller.CanSeeRep(t)));

    // --- views ---

    private ProposalView View(ProposalEntity p, string? note) => ToView(p, note);

    private ProposalView ToView(ProposalEntity p, string? note, bool? viewerIsOps = null) => new(
        p.Id,
        p.Version,
        WorkflowColumns.Name(p.Status),
        WorkflowColumns.Name(p.Source),
        p.SourceDetail,
        p.ProposerRepId,
        RepName(p.ProposerRepId),
        p.Reason,
        p.CreatedAt,
        p.DecidedBy,
        p.DecidedBy is { } d ? RepName(d) : null,
        p.DecidedAt,
        p.DecisionReason,
        p.RevertsProposalId,
        [.. p.Moves.Select(m => new ProposalMoveView(
            m.AccountId,
            Workspace.Accounts.TryGetValue(m.AccountId, out var a) ? a.Name : m.AccountId,
            m.FromRepId,
            m.FromRepId is { } f ? RepName(f) : null,
            m.ToRepId,
            m.ToRepId is { } t ? RepName(t) : null,
            m.Rationale))],
        note,
        viewerIsOps ?? Caller.IsOps);

    private string RepName(string repId) => Workspace.Reps.TryGetValue(repId, out var rep) ? rep.Name : repId;

    private string AccountName(string accountId) =>
        Workspace.Accounts.TryGetValue(accountId, out var a) ? $"{a.Name} ({accountId})" : accountId;

    private static string List(List<string> items) =>
        items.Count <= 5 ? string.Join(", ", items) : string.Join(", ", items.Take(5)) + $" and {items.Count - 5} more";

    private static string Accounts(int n) => n == 1 ? "1 account" : $"{n.ToString(CultureInfo.InvariantCulture)} accounts";

    // --- input ---


    private static string? CheckReason(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= CardActionData.MaxReasonLength
            ? text
            : throw new TurnInputException($"The reason is longer than {CardActionData.MaxReasonLength} characters; please shorten it.");
    }

    private TerritoryDbContext Database() => db ?? throw new TurnInputException(NeedsDatabase);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

}
