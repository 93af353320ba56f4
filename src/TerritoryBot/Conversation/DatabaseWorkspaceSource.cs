using TerritoryBot.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Conversation;

/// <summary>
/// The workspace of the territory database, shared by every turn until the data changes. At most once per
/// <see cref="CheckInterval"/> a turn reads the stored data version (one single-row query) and the proposals' stamp
/// (one aggregate); when another instance (or an import) raised the version, or the date changed, the workspace is
/// reloaded; when only the proposals changed, the workspace keeps its data and results under the new stamp.
/// <see cref="Invalidate"/> makes the next turn check at once (called right after this process writes proposals or
/// owners). Concurrent turns wait for one check or load instead of each querying the database.
/// </summary>
internal sealed class DatabaseWorkspaceSource(IServiceScopeFactory scopes, TimeProvider clock) : IWorkspaceSource
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Workspace? current;
    private long checkedAtTicks;
    private long invalidations;
    private long checkedAtInvalidation;

    /// <summary>How stale the workspace may be when another instance changes the data.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    public async ValueTask<Workspace> GetAsync(CancellationToken ct)
    {
        if (current is { } ready && Fresh(ready))
        {
            return ready;
        }

        await loading.WaitAsync(ct);
        try
        {
            if (current is { } loaded && Fresh(loaded))
            {
                return loaded;
            }

            // An Invalidate while this check reads the database makes the next turn check again.
            var invalidation = Interlocked.Read(ref invalidations);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TerritoryDbContext>();
            // The version is read before the data: a change in between makes the next check reload again, never
            // leaves newer data labelled with an older version unnoticed.
            var version = await db.ReadDataVersionAsync(ct);
            var proposals = await db.ReadProposalsStampAsync(ct);
            var asOf = Today();
            Interlocked.Exchange(ref checkedAtTicks, clock.GetUtcNow().UtcTicks);
            Interlocked.Exchange(ref checkedAtInvalidation, invalidation);
            if (current is { } same && same.Version == version && same.AsOf == asOf)
            {
                // Proposals created or decided without an owner change keep everything computed from the data.
                current = same.WithProposalsStamp(proposals);
                return current;
            }

            var data = Import.IndustryTable.Normalize(await db.LoadDataSetAsync(ct));
            current = new Workspace(data, asOf, version, proposals);
            return current;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>The next turn checks the stored versions again (this instance just changed the data or the proposals).</summary>
    public void Invalidate() => Interlocked.Increment(ref invalidations);

    private bool Fresh(Workspace workspace) =>
        clock.GetUtcNow().UtcTicks - Interlocked.Read(ref checkedAtTicks) < CheckInterval.Ticks
        && Interlocked.Read(ref checkedAtInvalidation) == Interlocked.Read(ref invalidations)
        && workspace.AsOf == Today();

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
