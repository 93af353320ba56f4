namespace TerritoryBot.Workflow;

// Storage shapes of the reassignment workflow tables (migration 20261122000100_Workflow). Times are UTC.

internal enum ProposalStatus
{
    Pending,
    Applied,
    Rejected,

    /// <summary>Another applied proposal moved one of its accounts first; it can no longer apply as proposed.</summary>
    Superseded,
}

/// <summary>Where a proposal came from.</summary>
internal enum ProposalSource
{
    Chat,
    Scenario,
    Fairness,
    Revert,
}

internal sealed class ProposalEntity
{
    public long Id { get; set; }
    public ProposalStatus Status { get; set; }

    /// <summary>Raised by every decision; card buttons carry the version they were drawn at.</summary>
    public int Version { get; set; }

    public ProposalSource Source { get; set; }

    /// <summary>The scenario name for scenario proposals; null otherwise.</summary>
    public string? SourceDetail { get; set; }

    public string ProposerRepId { get; set; } = "";
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public long? RevertsProposalId { get; set; }
    public List<ProposalMoveEntity> Moves { get; set; } = [];
}

internal sealed class ProposalMoveEntity
{
    public long ProposalId { get; set; }
    public string AccountId { get; set; } = "";

    /// <summary>The owner when the proposal was made; null for an unassigned account. Approval requires it unchanged.</summary>
    public string? FromRepId { get; set; }

    /// <summary>The new owner; null only in a revert that returns an account to unassigned.</summary>
    public string? ToRepId { get; set; }

    /// <summary>Why this account (fairness moves carry the engine's rationale); null for plain chat moves.</summary>
    public string? Rationale { get; set; }
}

/// <summary>One line of the audit trail: who did what, when and why, with the owner before and after for owner changes.</summary>
internal sealed class AuditEntity
{
    public long Id { get; set; }
    public string Actor { get; set; } = "";
    public DateTime At { get; set; }

    /// <summary>proposed, applied, rejected, superseded (see <see cref="AuditActions"/>).</summary>
    public string Action { get; set; } = "";

    public long? ProposalId { get; set; }
    public string? AccountId { get; set; }
    public string? BeforeOwner { get; set; }
    public string? AfterOwner { get; set; }
    public string? Why { get; set; }
}

internal static class AuditActions
{
    public const string Proposed = "proposed";
    public const string Applied = "applied";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";
}

/// <summary>A notification waiting for (or done with) delivery by the outbox drainer.</summary>
internal sealed class OutboxEntity
{
    public long Id { get; set; }
    public string RecipientRepId { get; set; } = "";
    public string Text { get; set; } = "";
    public string? CardJson { get; set; }
    public long? ProposalId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A drainer holds the row until then; an expired claim (a crashed instance) may be taken over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Which drainer holds the claim: only the holder may record the outcome.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>The channel that delivered it.</summary>
    public string? Channel { get; set; }

    /// <summary>Set when delivery stopped for good (nobody reachable, too many attempts); see <see cref="LastError"/>.</summary>
    public DateTime? GaveUpAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>
/// The single row (id 1) whose version rises in the same transaction as every owner change and every import,
/// so each app instance can tell with one cheap query that its cached workspace is out of date.
/// </summary>
internal sealed class DataVersionEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Version { get; set; }
}

/// <summary>Column conversions: statuses and sources are stored in lower case ("pending", "applied"), as the SQL reads them.</summary>
internal static class WorkflowColumns
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<ProposalStatus, string> Status = new(
        v => Name(v), s => Enum.Parse<ProposalStatus>(s, true));

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<ProposalSource, string> Source = new(
        v => Name(v), s => Enum.Parse<ProposalSource>(s, true));

    public static string Name(ProposalStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(ProposalSource source) => source.ToString().ToLowerInvariant();

    /// <summary>SQLite hands times back without a kind; they are stored as UTC.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
