using Microsoft.EntityFrameworkCore;
using TerritoryBot.Channels.Teams;
using TerritoryBot.Data;
using TerritoryBot.Tests.Data;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>teams_conversations on both providers: insert, no-op, personal conversation kept over group chats, update.</summary>
public abstract class ConversationReferenceContract
{
    private protected abstract Task<TerritoryDbContext> OpenAsync();

    private static Activity From(string conversationId, string type, string serviceUrl = "https://smba.example/emea/") => new()
    {
        Type = "message",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user", AadObjectId = "AAAA-Bbbb" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = type, TenantId = "tenant-1" },
    };

    protected async Task CheckRememberKeepsPersonalConversationAndUpdates()
    {
        await using var db = await OpenAsync();
        await db.TeamsConversations.ExecuteDeleteAsync();
        var t0 = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

        Assert.True(await db.RememberAsync(From("a:dm", "personal"), t0, CancellationToken.None));
        Assert.True(await db.RememberAsync(From("19:group", "groupChat"), t0.AddHours(1), CancellationToken.None));
        db.ChangeTracker.Clear();
        var row = await db.FindTeamsConversationAsync("aaaa-bbbb", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal(("29:user", "28:bot", "a:dm", "tenant-1"), (row.UserId, row.BotId, row.ConversationId, row.TenantId));
        // A group message changed nothing that matters, so nothing was written.
        Assert.Equal(t0, row.UpdatedAt);

        Assert.True(await db.RememberAsync(From("a:dm2", "personal", "https://smba.example/amer/"), t0.AddHours(2), CancellationToken.None));
        db.ChangeTracker.Clear();
        row = await db.FindTeamsConversationAsync("AAAA-BBBB", CancellationToken.None);
        Assert.Equal(("a:dm2", "https://smba.example/amer/", t0.AddHours(2)), (row!.ConversationId, row.ServiceUrl, row.UpdatedAt));
        Assert.Equal(1, await db.TeamsConversations.CountAsync());

        await db.SetTeamsConversationIdAsync("aaaa-bbbb", "a:created", t0.AddHours(3), CancellationToken.None);
        db.ChangeTracker.Clear();
        Assert.Equal("a:created", (await db.FindTeamsConversationAsync("aaaa-bbbb", CancellationToken.None))!.ConversationId);
    }

    protected async Task CheckRememberedSendersQueryOnlyWhenTheReferenceChanges()
    {
        var senders = new RememberedSenders();
        var t0 = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = await OpenAsync())
        {
            await db.TeamsConversations.ExecuteDeleteAsync();
            await senders.RememberAsync(() => db, From("a:dm", "personal"), t0, CancellationToken.None);
        }

        // The same reference again: no database wanted at all.
        await senders.RememberAsync(() => throw new InvalidOperationException("no database needed"), From("a:dm", "personal"), t0.AddHours(1), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            senders.RememberAsync(() => throw new InvalidOperationException("changed: written"), From("a:dm2", "personal"), t0, CancellationToken.None));

        await using var check = await OpenAsync();
        await senders.RememberAsync(() => check, From("a:dm2", "personal"), t0.AddHours(2), CancellationToken.None);
        check.ChangeTracker.Clear();
        var row = await check.FindTeamsConversationAsync("aaaa-bbbb", CancellationToken.None);
        Assert.Equal(("a:dm2", t0.AddHours(2)), (row!.ConversationId, row.UpdatedAt));
    }

    protected async Task CheckRememberWithoutAadObjectIdStoresNothing()
    {
        await using var db = await OpenAsync();
        await db.TeamsConversations.ExecuteDeleteAsync();
        var anonymous = From("a:dm", "personal") with { From = new ChannelAccount { Id = "29:user" } };

        Assert.False(await db.RememberAsync(anonymous, DateTime.UtcNow, CancellationToken.None));
        Assert.Equal(0, await db.TeamsConversations.CountAsync());
    }
}

public sealed class SqliteConversationReferenceTests : ConversationReferenceContract
{
    private protected override Task<TerritoryDbContext> OpenAsync() => TestDatabases.NewSqliteAsync();

    [Fact] public Task Remember_Sequence_KeepsPersonalConversationAndUpdates() => CheckRememberKeepsPersonalConversationAndUpdates();
    [Fact] public Task Remember_NoAadObjectId_StoresNothing() => CheckRememberWithoutAadObjectIdStoresNothing();
    [Fact] public Task RememberedSenders_SameReference_NoQuery() => CheckRememberedSendersQueryOnlyWhenTheReferenceChanges();
}

public sealed class PostgresConversationReferenceTests : ConversationReferenceContract
{
    private protected override Task<TerritoryDbContext> OpenAsync() => TestDatabases.NewPostgresAsync();

    [PostgresFact] public Task Remember_Sequence_KeepsPersonalConversationAndUpdates() => CheckRememberKeepsPersonalConversationAndUpdates();
    [PostgresFact] public Task Remember_NoAadObjectId_StoresNothing() => CheckRememberWithoutAadObjectIdStoresNothing();
    [PostgresFact] public Task RememberedSenders_SameReference_NoQuery() => CheckRememberedSendersQueryOnlyWhenTheReferenceChanges();
}
