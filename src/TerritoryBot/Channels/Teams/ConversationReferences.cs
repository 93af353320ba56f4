using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TerritoryBot.Data;

namespace TerritoryBot.Channels.Teams;

/// <summary>Reads and writes <see cref="TeamsConversationEntity"/> rows: what proactive messages need to reach a user.</summary>
internal static class ConversationReferences
{
    /// <summary>
    /// Records where the sender of <paramref name="activity"/> can be reached. Writes only when something changed;
    /// a 1:1 conversation id is kept until a newer 1:1 conversation replaces it (group chats never do).
    /// Returns false when the activity does not name its sender well enough.
    /// </summary>
    public static async Task<bool> RememberAsync(this TerritoryDbContext db, Activity activity, DateTime utcNow, CancellationToken ct) =>
        SenderReference.Of(activity) is { } sender && await db.RememberAsync(sender, utcNow, ct);

    /// <summary>Records <paramref name="sender"/>, writing only when something changed (see the overload above).</summary>
    public static async Task<bool> RememberAsync(this TerritoryDbContext db, SenderReference sender, DateTime utcNow, CancellationToken ct)
    {
        var (aad, userId, botId, serviceUrl, tenant, personal) = sender;
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.TeamsConversations.FirstOrDefaultAsync(r => r.AadObjectId == aad, ct);
            var isNew = row is null;
            row ??= new TeamsConversationEntity { AadObjectId = aad };
            var conversationId = personal ?? row.ConversationId;
            if (!isNew && row.UserId == userId && row.BotId == botId && row.ServiceUrl == serviceUrl
                && row.TenantId == (tenant ?? row.TenantId) && row.ConversationId == conversationId)
            {
                return true;
            }

            row.UserId = userId;
            row.BotId = botId;
            row.ServiceUrl = serviceUrl;
            row.TenantId = tenant ?? row.TenantId;
            row.ConversationId = conversationId;
            row.UpdatedAt = utcNow;
            if (isNew)
            {
                db.TeamsConversations.Add(row);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException) when (isNew && attempt == 0)
            {
                // Two first messages from one person at once: the other insert won; update that row instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static Task<TeamsConversationEntity?> FindTeamsConversationAsync(this TerritoryDbContext db, string aadObjectId, CancellationToken ct)
    {
        var key = aadObjectId.Trim().ToLowerInvariant();
        return db.TeamsConversations.AsNoTracking().FirstOrDefaultAsync(r => r.AadObjectId == key, ct);
    }

    public static async Task SetTeamsConversationIdAsync(this TerritoryDbContext db, string aadObjectId, string conversationId, DateTime utcNow, CancellationToken ct)
    {
        var key = aadObjectId.Trim().ToLowerInvariant();
        var row = await db.TeamsConversations.FirstOrDefaultAsync(r => r.AadObjectId == key, ct);
        if (row is not null)
        {
            row.ConversationId = conversationId;
            row.UpdatedAt = utcNow;
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Where an activity's sender can be reached, as <see cref="ConversationReferences.RememberAsync"/> stores it.</summary>
internal sealed record SenderReference(string Aad, string UserId, string BotId, string ServiceUrl, string? Tenant, string? PersonalConversationId)
{
    /// <summary>Null when the activity does not name its sender well enough.</summary>
    public static SenderReference? Of(Activity activity)
    {
        var aad = activity.From?.AadObjectId?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(aad) || activity.From?.Id is not { Length: > 0 } userId
            || activity.Recipient?.Id is not { Length: > 0 } botId || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return null;
        }

        var personal = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.Ordinal)
            ? activity.Conversation?.Id
            : null;
        return new SenderReference(aad, userId, botId, serviceUrl, activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id, personal);
    }
}

/// <summary>
/// The sender references this instance last stored (or found already stored), so an activity from someone whose
/// reference has not changed costs no database query; before, every activity read the row. Another instance (or a
/// proactive message opening a new 1:1 chat) may have stored a different, equally usable reference since; skipping
/// an unchanged one here then leaves that one in place. Bounded: past <see cref="MaxPeople"/>, new people are not kept.
/// </summary>
internal sealed class RememberedSenders
{
    public const int MaxPeople = 100_000;

    private readonly ConcurrentDictionary<string, SenderReference> remembered = new(StringComparer.Ordinal);

    /// <summary>
    /// Stores the sender's reference unless this instance already stored the same one; <paramref name="database"/> is
    /// only asked for a context when something has to be written.
    /// </summary>
    public async Task RememberAsync(Func<TerritoryDbContext> database, Activity activity, DateTime utcNow, CancellationToken ct)
    {
        if (SenderReference.Of(activity) is not { } sender
            || (remembered.TryGetValue(sender.Aad, out var last) && last == sender))
        {
            return;
        }

        if (await database().RememberAsync(sender, utcNow, ct) && (remembered.ContainsKey(sender.Aad) || remembered.Count < MaxPeople))
        {
            remembered[sender.Aad] = sender;
        }
    }
}
