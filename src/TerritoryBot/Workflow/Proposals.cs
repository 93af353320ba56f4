using Microsoft.EntityFrameworkCore;
using TerritoryBot.Data;

namespace TerritoryBot.Workflow;

/// <summary>One account in a new proposal: who should own it (null: unassigned, reverts only) and why this account.</summary>
internal sealed record ProposedMove(string AccountId, string? ToRepId, string? Rationale = null);

/// <summary>A proposal to create; moves whose account already belongs to the target are left out.</summary>
internal sealed record NewProposal(
    string ProposerRepId,
    ProposalSource Source,
    IReadOnlyList<ProposedMove> Moves,
    string? Reason,
    string? SourceDetail = null,
    long? RevertsProposalId = null);

internal enum DecisionOutcome
{
    /// <summary>This request made the decision (approved and applied, or rejected).</summary>
    Decided,

    /// <summary>The proposal was already applied, rejected or superseded: nothing changed.</summary>
    AlreadyDecided,

    /// <summary>The card's version is older than the proposal's, although it is still pending: nothing changed.</summary>
    Stale,

    /// <summary>An account no longer belongs to the rep it was proposed from: nothing changed, it stays pending.</summary>
    Conflict,

    NotFound,
}

/// <summary>The result of an approval or a rejection, with the proposal as it now stands (null when not found).</summary>
internal sealed record Decision(DecisionOutcome Outcome, ProposalEntity? Proposal, string? Explanation = null);

/// <summary>
/// The reassignment workflow on the territory database: proposals are created pending, decided once, and an
/// approval applies every move in one transaction (conditional update on id + version + pending, then each owner
/// change conditional on the owner still being the proposed "from"), with the audit trail, the outbox rows and the
/// data version in the same transaction. Any number of concurrent approvals of one proposal, in one process or
/// many, apply it at most once: the first conditional update wins and the others change nothing.
/// </summary>
internal static class Proposals
{
    /// <summary>Current owners of the given accounts (accounts that do not exist are missing from the result).</summary>
    public static async Task<Dictionary<string, string?>> CurrentOwnersAsync(
        this TerritoryDbContext db, IReadOnlyCollection<string> accountIds, CancellationToken ct = default)
    {
        var ids = accountIds.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.OwnerId }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.OwnerId, StringComparer.Ordinal);
    }

    /// <summary>
    /// Stores a pending proposal with its moves (from = the owner now), a "proposed" audit row per move and
    /// <paramref name="notifications"/> in the outbox, in one transaction. Returns null when every move is a no-op.
    /// </summary>
    public static async Task<ProposalEntity?> CreateProposalAsync(
        this TerritoryDbContext db,
        NewProposal proposal,
        DateTime nowUtc,
        Func<ProposalEntity, IEnumerable<OutboxEntity>> notifications,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(notifications);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var owners = await db.CurrentOwnersAsync([.. proposal.Moves.Select(m => m.AccountId)], ct);
        var moves = new List<ProposalMoveEntity>();
        foreach (var move in proposal.Moves.DistinctBy(m => m.AccountId, StringComparer.Ordinal).OrderBy(m => m.AccountId, StringComparer.Ordinal))
        {
            if (!owners.TryGetValue(move.AccountId, out var owner))
            {
                throw new InvalidOperationException($"account {move.AccountId} does not exist");
            }

            if (!string.Equals(owner, move.ToRepId, StringComparison.Ordinal))
            {
                moves.Add(new ProposalMoveEntity { AccountId = move.AccountId, FromRepId = owner, ToRepId = move.ToRepId, Rationale = move.Rationale });
            }
        }

        if (moves.Count == 0)
        {
            return null;
        }

        var entity = new ProposalEntity
        {
            Status = ProposalStatus.Pending,
            Version = 1,
            Source = proposal.Source,
            SourceDetail = proposal.SourceDetail,
            ProposerRepId = proposal.ProposerRepId,
            Reason = proposal.Reason,
            CreatedAt = nowUtc,
            RevertsProposalId = proposal.RevertsProposalId,
            Moves = moves,
        };
        db.Proposals.Add(entity);
        await db.SaveChangesAsync(ct);
        db.AuditTrail.AddRange(moves.Select(m => new AuditEntity
        {
            Actor = proposal.ProposerRepId,
            At = nowUtc,
            Action = AuditActions.Proposed,
            ProposalId = entity.Id,
            AccountId = m.AccountId,
            BeforeOwner = m.FromRepId,
            AfterOwner = m.ToRepId,
            Why = proposal.Reason,
        }));
        db.Outbox.AddRange(notifications(entity));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return entity;
    }

    /// <summary>A proposal with its moves (account id order), or null.</summary>
    public static async Task<ProposalEntity?> LoadProposalAsync(this TerritoryDbContext db, long id, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Moves).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is not null)
        {
            Normalise(proposal);
        }

        return proposal;
    }

    /// <summary>
    /// Pending proposals (oldest first) then the most recently decided ones, all with their moves; limited to those
    /// touching <paramref name="reps"/> (a move from or to one of them, or proposed by one of them) unless it is null.
    /// </summary>
    public static async Task<IReadOnlyList<ProposalEntity>> ListProposalsAsync(
        this TerritoryDbContext db, IReadOnlyCollection<string>? reps, int decidedLimit, CancellationToken ct = default)
    {
        var query = db.Proposals.AsNoTracking();
        if (reps is not null)
        {
            var ids = reps.ToList();
            query = query.Where(p => ids.Contains(p.ProposerRepId)
                || p.Moves.Any(m => (m.FromRepId != null && ids.Contains(m.FromRepId)) || (m.ToRepId != null && ids.Contains(m.ToRepId))));
        }

        var pending = await query.Where(p => p.Status == ProposalStatus.Pending).OrderBy(p => p.Id).Include(p => p.Moves).ToListAsync(ct);
        var decided = await query.Where(p => p.Status != ProposalStatus.Pending).OrderByDescending(p => p.Id).Take(decidedLimit)
            .Include(p => p.Moves).ToListAsync(ct);
        var all = pending.Concat(decided).ToList();
        all.ForEach(Normalise);
        return all;
    }

    /// <summary>The pending revert of an applied proposal, if someone already proposed one.</summary>
    public static async Task<ProposalEntity?> PendingRevertOfAsync(this TerritoryDbContext db, long id, CancellationToken ct = default)
    {
        var revertId = await db.Proposals.AsNoTracking()
            .Where(p => p.RevertsProposalId == id && p.Status == ProposalStatus.Pending)
            .OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        return revertId is { } found ? await db.LoadProposalAsync(found, ct) : null;
    }

    /// <summary>
    /// Approves and applies a pending proposal at most once. <paramref name="expectedVersion"/> is the version the
    /// approver saw (a card button); null means the current one (chat "approve 42"). Everything happens in one
    /// transaction: the conditional status update, each owner change (conditional on the owner still being the
    /// move's "from": otherwise the whole approval is rolled back as a <see cref="DecisionOutcome.Conflict"/>),
    /// superseding other pending proposals that moved the same accounts from their old owner, audit rows,
    /// <paramref name="notifications"/> in the outbox and the data version bump.
    /// </summary>
    public static Task<Decision> ApproveProposalAsync(
        this TerritoryDbContext db,
        long id,
        int? expectedVersion,
        string approverRepId,
        DateTime nowUtc,
        Func<ProposalEntity, IEnumerable<OutboxEntity>> notifications,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        return DecideAsync(
            db, id, expectedVersion, ProposalStatus.Applied, approverRepId, reason: null, nowUtc,
            () => ApplyAsync(db, id, approverRepId, nowUtc, notifications, ct), ct);
    }

    /// <summary>Rejects a pending proposal at most once, with the reason, an audit row and <paramref name="notifications"/>.</summary>
    public static Task<Decision> RejectProposalAsync(
        this TerritoryDbContext db,
        long id,
        int? expectedVersion,
        string rejecterRepId,
        string reason,
        DateTime nowUtc,
        Func<ProposalEntity, IEnumerable<OutboxEntity>> notifications,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(notifications);
        return DecideAsync(
            db, id, expectedVersion, ProposalStatus.Rejected, rejecterRepId, reason, nowUtc,
            async () =>
            {
                db.AuditTrail.Add(new AuditEntity { Actor = rejecterRepId, At = nowUtc, Action = AuditActions.Rejected, ProposalId = id, Why = reason });
                var rejected = await db.LoadProposalAsync(id, ct) ?? throw new InvalidOperationException($"proposal {id} vanished");
                db.Outbox.AddRange(notifications(rejected));
                await db.SaveChangesAsync(ct);
                return null;
            },
            ct);
    }

    /// <summary>
    /// The at-most-once decision both approval and rejection make, in one transaction: the conditional update of a
    /// pending proposal at the expected version (null = the current one) to <paramref name="decision"/>, then
    /// <paramref name="afterClaim"/> (the decision's own writes; an explanation rolls everything back as a
    /// <see cref="DecisionOutcome.Conflict"/>). When the update matches nothing, says why without changing anything.
    /// </summary>
    private static async Task<Decision> DecideAsync(
        TerritoryDbContext db,
        long id,
        int? expectedVersion,
        ProposalStatus decision,
        string deciderRepId,
        string? reason,
        DateTime nowUtc,
        Func<Task<string?>> afterClaim,
        CancellationToken ct)
    {
        var version = expectedVersion ?? await CurrentVersionAsync(db, id, ct);
        if (version is null)
        {
            return new Decision(DecisionOutcome.NotFound, null);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var won = await db.Proposals
                .Where(p => p.Id == id && p.Version == version && p.Status == ProposalStatus.Pending)
                .ExecuteUpdateAsync(
                    s =>
                    {
                        s.SetProperty(p => p.Status, decision)
                            .SetProperty(p => p.Version, p => p.Version + 1)
                            .SetProperty(p => p.DecidedBy, deciderRepId)
                            .SetProperty(p => p.DecidedAt, nowUtc);
                        if (reason is not null)
                        {
                            s.SetProperty(p => p.DecisionReason, reason);
                        }
                    },
                    ct);
            if (won == 1)
            {
                var conflict = await afterClaim();
                if (conflict is null)
                {
                    await transaction.CommitAsync(ct);
                    db.ChangeTracker.Clear();
                    return new Decision(DecisionOutcome.Decided, await db.LoadProposalAsync(id, ct));
                }

                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new Decision(DecisionOutcome.Conflict, await db.LoadProposalAsync(id, ct), conflict);
            }

            await transaction.RollbackAsync(ct);
        }

        return await LostAsync(db, id, ct);
    }

    /// <summary>Owner changes, superseding, audit and outbox of an approval; returns an explanation when a move no longer applies.</summary>
    private static async Task<string?> ApplyAsync(
        TerritoryDbContext db, long id, string approverRepId, DateTime nowUtc,
        Func<ProposalEntity, IEnumerable<OutboxEntity>> notifications, CancellationToken ct)
    {
        var proposal = await db.LoadProposalAsync(id, ct) ?? throw new InvalidOperationException($"proposal {id} vanished");

        // Account id order: two approvals of different proposals lock shared accounts in the same order.
        foreach (var move in proposal.Moves)
        {
            var from = move.FromRepId;
            var changed = await db.Accounts
                .Where(a => a.Id == move.AccountId && a.OwnerId == from)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerId, move.ToRepId), ct);
            if (changed != 1)
            {
                var now = await db.Accounts.AsNoTracking().Where(a => a.Id == move.AccountId).Select(a => new { a.OwnerId }).FirstOrDefaultAsync(ct);
                return now is null
                    ? $"Account {move.AccountId} no longer exists, so proposal #{id} cannot be applied. Nothing was changed."
                    : $"Account {move.AccountId} now belongs to {now.OwnerId ?? "nobody"}, not {from ?? "nobody"} as when it was proposed, " +
                      $"so proposal #{id} cannot be applied as it stands. Nothing was changed; propose the move again.";
            }
        }

        var newOwner = proposal.Moves.ToDictionary(m => m.AccountId, m => m.ToRepId, StringComparer.Ordinal);
        var accountIds = newOwner.Keys.ToList();
        var overlapping = await db.ProposalMoves.AsNoTracking()
            .Where(m => m.ProposalId != id && accountIds.Contains(m.AccountId))
            .Join(db.Proposals.Where(p => p.Status == ProposalStatus.Pending), m => m.ProposalId, p => p.Id, (m, p) => m)
            .ToListAsync(ct);
        var superseded = overlapping.Where(m => !string.Equals(m.FromRepId, newOwner[m.AccountId], StringComparison.Ordinal))
            .Select(m => m.ProposalId).Distinct().Order().ToList();
        var supersededWhy = $"Superseded by proposal #{id}, which moved some of the same accounts first.";
        if (superseded.Count > 0)
        {
            await db.Proposals.Where(p => superseded.Contains(p.Id) && p.Status == ProposalStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.Status, ProposalStatus.Superseded)
                        .SetProperty(p => p.Version, p => p.Version + 1)
                        .SetProperty(p => p.DecidedBy, approverRepId)
                        .SetProperty(p => p.DecidedAt, nowUtc)
                        .SetProperty(p => p.DecisionReason, supersededWhy),
                    ct);
        }

        db.AuditTrail.AddRange(proposal.Moves.Select(m => new AuditEntity
        {
            Actor = approverRepId,
            At = nowUtc,
            Action = AuditActions.Applied,
            ProposalId = id,
            AccountId = m.AccountId,
            BeforeOwner = m.FromRepId,
            AfterOwner = m.ToRepId,
            Why = proposal.Reason,
        }));
        db.AuditTrail.AddRange(superseded.Select(s => new AuditEntity
        {
            Actor = approverRepId, At = nowUtc, Action = AuditActions.Superseded, ProposalId = s, Why = supersededWhy,
        }));
        db.Outbox.AddRange(notifications(proposal));
        await db.SaveChangesAsync(ct);
        await db.BumpDataVersionAsync(ct);
        return null;
    }

    private static async Task<int?> CurrentVersionAsync(TerritoryDbContext db, long id, CancellationToken ct) =>
        await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);

    /// <summary>The conditional update matched nothing: say why without changing anything.</summary>
    private static async Task<Decision> LostAsync(TerritoryDbContext db, long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.LoadProposalAsync(id, ct);
        return current switch
        {
            null => new Decision(DecisionOutcome.NotFound, null),
            { Status: ProposalStatus.Pending } => new Decision(DecisionOutcome.Stale, current),
            _ => new Decision(DecisionOutcome.AlreadyDecided, current),
        };
    }

    private static void Normalise(ProposalEntity proposal)
    {
        proposal.CreatedAt = WorkflowColumns.Utc(proposal.CreatedAt);
        proposal.DecidedAt = proposal.DecidedAt is { } at ? WorkflowColumns.Utc(at) : null;
        proposal.Moves = [.. proposal.Moves.OrderBy(m => m.AccountId, StringComparer.Ordinal)];
    }
}
