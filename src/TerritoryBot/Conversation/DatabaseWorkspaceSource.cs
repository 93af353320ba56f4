using TerritoryBot.Data;

namespace TerritoryBot.Conversation;

/// <summary>
/// The workspace of the territory database, loaded once and shared by every turn until the data changes.
/// <see cref="Invalidate"/> drops it (called after an import or an applied reassignment in this process).
/// Concurrent turns that find no workspace wait for one load instead of each loading the database.
/// </summary>
internal sealed class DatabaseWorkspaceSource(IServiceScopeFactory scopes, TimeProvider clock) : IWorkspaceSource
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Workspace? current;

    public async ValueTask<Workspace> GetAsync(CancellationToken ct)
    {
        if (current is { } ready)
        {
            return ready;
        }

        await loading.WaitAsync(ct);
        try
        {
            if (current is { } loaded)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TerritoryDbContext>();
            var data = await db.LoadDataSetAsync(ct);
            var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            current = new Workspace(data, asOf);
            return current;
        }
        finally
        {
            loading.Release();
        }
    }

    public void Invalidate() => current = null;
}
