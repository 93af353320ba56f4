namespace TerritoryBot.Channels.Slack;

/// <summary>
/// Event ids seen recently, so Slack's retries of an event (X-Slack-Retry-Num) are answered once. Bounded (oldest
/// forgotten first) and kept for an hour, well past Slack's last retry (about five minutes after the first try).
/// In memory: with several instances behind one URL a retry can reach another instance and be answered twice;
/// a shared table would close that gap (see docs/slack.md).
/// </summary>
internal sealed class SlackEventIds(TimeProvider clock)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Expires)> order = new();
    private readonly Lock gate = new();

    /// <summary>True the first time an id is seen (within its lifetime); false for a repeat.</summary>
    public bool TryAdd(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var now = clock.GetUtcNow();
        lock (gate)
        {
            while (order.TryPeek(out var oldest) && (oldest.Expires <= now || order.Count >= Capacity))
            {
                order.Dequeue();
                if (seen.TryGetValue(oldest.Id, out var expires) && expires == oldest.Expires)
                {
                    seen.Remove(oldest.Id);
                }
            }

            if (seen.TryGetValue(eventId, out var until) && until > now)
            {
                return false;
            }

            var expiry = now + Lifetime;
            seen[eventId] = expiry;
            order.Enqueue((eventId, expiry));
            return true;
        }
    }

    /// <summary>Forgets an id whose work could not be queued, so Slack's retry is answered.</summary>
    public void Remove(string eventId)
    {
        lock (gate)
        {
            seen.Remove(eventId);
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }
}
