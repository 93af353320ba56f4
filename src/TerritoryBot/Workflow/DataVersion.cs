using Microsoft.EntityFrameworkCore;
using TerritoryBot.Data;

namespace TerritoryBot.Workflow;

/// <summary>
/// The stored data version: raised in the same transaction as every owner change (an applied proposal) and every
/// import, read by <see cref="Conversation.DatabaseWorkspaceSource"/> to notice that another instance changed the data.
/// </summary>
internal static class DataVersion
{
    /// <summary>Raises the version by one inside the caller's transaction.</summary>
    public static async Task BumpDataVersionAsync(this TerritoryDbContext db, CancellationToken ct = default)
    {
        var updated = await db.DataVersion.Where(v => v.Id == DataVersionEntity.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);
        if (updated == 0)
        {
            // The migration inserts the row; this only repairs a database where someone deleted it.
            db.DataVersion.Add(new DataVersionEntity { Version = 1 });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// A stamp of the stored proposals that changes whenever one is created or decided: proposals are never deleted,
    /// and every change raises the row's version, so (count, sum of versions) only ever grows.
    /// </summary>
    public static async Task<string> ReadProposalsStampAsync(this TerritoryDbContext db, CancellationToken ct = default)
    {
        var stamp = await db.Proposals.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Versions = g.Sum(p => (long)p.Version) })
            .FirstOrDefaultAsync(ct);
        return stamp is null ? "0:0" : FormattableString.Invariant($"{stamp.Count}:{stamp.Versions}");
    }

    /// <summary>The current version (0 when the row is missing).</summary>
    public static async Task<long> ReadDataVersionAsync(this TerritoryDbContext db, CancellationToken ct = default) =>
        await db.DataVersion.AsNoTracking().Where(v => v.Id == DataVersionEntity.SingletonId).Select(v => v.Version).FirstOrDefaultAsync(ct);
}
