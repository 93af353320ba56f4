using TerritoryBot.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Conversation;

/// <summary>
/// The workspace of the territory database, shared by every turn until the data changes. At most once per
/// <see cref="CheckInterval"/> a turn reads the stored data version (one single-row query); when another instance
/// (or an import) raised it, or the date changed, the workspace is reloaded. <see cref="Invalidate"/> drops it at
/// once (called right after an apply in this process). Concurrent turns wait for one check or load instead of each
/// querying the database.
/// </summary>
internal sealed class DatabaseWorkspaceSource(IServiceScopeFactory scopes, TimeProvider clock) : IWorkspaceSource
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Workspace? current;
    private long checkedAtTicks;

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

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TerritoryDbContext>();
            // The version is read before the data: a change in between makes the next check reload again, never
            // leaves newer data labelled with an older version unnoticed.
            var version = await db.ReadDataVersionAsync(ct);
            var asOf = Today();
            Interlocked.Exchange(ref checkedAtTicks, clock.GetUtcNow().UtcTicks);
            if (current is { } same && same.Version == version && same.AsOf == asOf)
            {
                return same;
            }

            var data = await db.LoadDataSetAsync(ct);
            current = new Workspace(data, asOf, version);
            return current;
        }
        finally
        {
            loading.Release();
        }
    }

    public void Invalidate() => current = null;

    private bool Fresh(Workspace workspace) =>
        clock.GetUtcNow().UtcTicks - Interlocked.Read(ref checkedAtTicks) < CheckInterval.Ticks && workspace.AsOf == Today();

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
