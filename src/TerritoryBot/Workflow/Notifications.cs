using TerritoryBot.Cards;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Workflow;

/// <summary>A message for one person, queued in the outbox by the workflow and delivered by a background drainer.</summary>
internal sealed record OutboundNotification(string RecipientRepId, string Text, AdaptiveCard? Card = null);

internal enum DeliveryOutcome
{
    /// <summary>The channel delivered it.</summary>
    Delivered,

    /// <summary>This channel cannot reach the person (no Slack id, no stored Teams conversation): try the next channel.</summary>
    NotReachable,

    /// <summary>A transient failure (429, 5xx, timeout): the drainer retries later.</summary>
    RetryLater,
}

/// <summary>
/// A way to reach a person proactively (Teams, Slack). Implementations live with their channel adapter and only
/// translate; the outbox drainer decides order, retries and bookkeeping.
/// </summary>
internal interface INotificationChannel
{
    /// <summary>A short name for logs and the outbox row ("teams", "slack").</summary>
    string Name { get; }

    Task<DeliveryOutcome> SendAsync(Rep recipient, OutboundNotification notification, CancellationToken ct);
}
