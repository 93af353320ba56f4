using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TerritoryBot.Cards;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Tests.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Workflow;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>A channel that answers with a scripted outcome per recipient and records what it was asked to send.</summary>
internal sealed class FakeChannel(string name, Func<Rep, DeliveryOutcome> outcome) : INotificationChannel
{
    public string Name => name;
    public ConcurrentBag<(string Recipient, string Text, AdaptiveCard? Card)> Sent { get; } = [];

    public async Task<DeliveryOutcome> SendAsync(Rep recipient, OutboundNotification notification, CancellationToken ct)
    {
        await Task.Yield();
        var result = outcome(recipient);
        if (result == DeliveryOutcome.Delivered)
        {
            Sent.Add((recipient.RepId, notification.Text, notification.Card));
        }

        return result;
    }
}

/// <summary>The outbox drainer on a real database: outcomes, backoff, channel order and claims across drainers.</summary>
public abstract class OutboxContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private protected abstract Task<(DatabaseOptions Options, string ConnectionString)> DatabaseAsync();

    private static OutboxDelivery Delivery(TerritoryDbContext db, TimeProvider clock, params INotificationChannel[] channels) =>
        new(db, channels, Options.Create(new WorkflowOptions { RetryBaseSeconds = 10, MaxAttempts = 3, BatchSize = 5 }), clock, NullLogger<OutboxDelivery>.Instance);

    private async Task<(Func<TerritoryDbContext> Open, List<long> Ids)> SeedAsync(int rows, params string[] recipients)
    {
        var (options, connectionString) = await DatabaseAsync();
        TerritoryDbContext Open() => WorkflowHarness.Context(options, connectionString);
        await using var db = Open();
        await db.MigrateAsync();
        if (options.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("TRUNCATE outbox, proposal_moves, proposals, audit_trail, scenario_assignments, scenarios, icp, opportunities, accounts, reps RESTART IDENTITY");
        }

        await db.ImportDataSetAsync(new DataSet([], [new Rep { RepId = "R1", Name = "One" }, new Rep { RepId = "R2", Name = "Two" }], [], IcpProfile.Default));
        var card = new AdaptiveCard { Body = [new TextBlock("Proposal #1 approved") { Wrap = true }] };
        var entities = Enumerable.Range(0, rows).Select(i => new OutboxEntity
        {
            RecipientRepId = recipients[i % recipients.Length],
            Text = $"message {i}",
            CardJson = NotificationCards.Write(card),
            CreatedAt = Start.UtcDateTime,
            NextAttemptAt = Start.UtcDateTime,
        }).ToList();
        db.Outbox.AddRange(entities);
        await db.SaveChangesAsync();
        return (Open, entities.Select(e => e.Id).ToList());
    }

    private static async Task<OutboxEntity> RowAsync(Func<TerritoryDbContext> open, long id)
    {
        await using var db = open();
        return await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    protected async Task CheckDeliveredByFirstChannelThatReaches()
    {
        var (open, ids) = await SeedAsync(1, "R1");
        var teams = new FakeChannel("teams", _ => DeliveryOutcome.NotReachable);
        var slack = new FakeChannel("slack", _ => DeliveryOutcome.Delivered);
        await using var db = open();

        var finished = await Delivery(db, new ManualClock(Start), teams, slack).DrainOnceAsync(CancellationToken.None);

        Assert.Equal(1, finished);
        var row = await RowAsync(open, ids[0]);
        Assert.Equal(("slack", 1, null, null), (row.Channel, row.Attempts, row.ClaimedUntil, row.GaveUpAt));
        Assert.NotNull(row.DeliveredAt);
        var sent = Assert.Single(slack.Sent);
        Assert.Equal(("R1", "message 0"), (sent.Recipient, sent.Text));
        Assert.Equal("Proposal #1 approved", Assert.IsType<TextBlock>(Assert.Single(sent.Card!.Body)).Text);
        Assert.Empty(teams.Sent);
    }

    protected async Task CheckNobodyReachableGivesUpWithReason()
    {
        var (open, ids) = await SeedAsync(1, "R1");
        await using var db = open();

        await Delivery(db, new ManualClock(Start), new FakeChannel("teams", _ => DeliveryOutcome.NotReachable)).DrainOnceAsync(CancellationToken.None);
        var noChannels = await Delivery(db, new ManualClock(Start)).DrainOnceAsync(CancellationToken.None);

        var row = await RowAsync(open, ids[0]);
        Assert.Equal(OutboxDelivery.NoChannel, row.LastError);
        Assert.NotNull(row.GaveUpAt);
        Assert.Null(row.DeliveredAt);
        Assert.Equal(0, noChannels); // given up rows are not taken again
    }

    protected async Task CheckRetryLaterBacksOffThenDelivers()
    {
        var (open, ids) = await SeedAsync(1, "R1");
        var clock = new ManualClock(Start);
        var failures = 2;
        var flaky = new FakeChannel("teams", _ => Interlocked.Decrement(ref failures) >= 0 ? DeliveryOutcome.RetryLater : DeliveryOutcome.Delivered);
        await using var db = open();
        var delivery = Delivery(db, clock, flaky);

        Assert.Equal(0, await delivery.DrainOnceAsync(CancellationToken.None));
        var first = await RowAsync(open, ids[0]);
        Assert.Equal((1, "teams: retry later"), (first.Attempts, first.LastError));
        Assert.Equal(Start.UtcDateTime.AddSeconds(10), WorkflowColumns.Utc(first.NextAttemptAt));
        Assert.Null(first.ClaimedBy);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await delivery.DrainOnceAsync(CancellationToken.None)); // not due yet: untouched
        Assert.Equal(1, (await RowAsync(open, ids[0])).Attempts);

        clock.Advance(TimeSpan.FromSeconds(5));
        await delivery.DrainOnceAsync(CancellationToken.None);
        Assert.Equal(Start.UtcDateTime.AddSeconds(10 + 20), WorkflowColumns.Utc((await RowAsync(open, ids[0])).NextAttemptAt)); // doubled

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await delivery.DrainOnceAsync(CancellationToken.None));
        var done = await RowAsync(open, ids[0]);
        Assert.Equal((3, "teams"), (done.Attempts, done.Channel));
        Assert.Single(flaky.Sent);
    }

    protected async Task CheckRetryLaterGivesUpAfterMaxAttempts()
    {
        var (open, ids) = await SeedAsync(1, "R1");
        var clock = new ManualClock(Start);
        await using var db = open();
        var delivery = Delivery(db, clock, new FakeChannel("slack", _ => DeliveryOutcome.RetryLater));

        for (var i = 0; i < 3; i++)
        {
            await delivery.DrainOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(1));
        }

        var row = await RowAsync(open, ids[0]);
        Assert.NotNull(row.GaveUpAt);
        Assert.StartsWith("gave up after 3 attempts", row.LastError);
    }

    protected async Task CheckTwoDrainersNeverDeliverTwice()
    {
        var (open, ids) = await SeedAsync(60, "R1", "R2");
        var channel = new FakeChannel("teams", _ => DeliveryOutcome.Delivered);
        var clock = new ManualClock(Start);

        async Task DrainAllAsync()
        {
            await using var db = open();
            var delivery = Delivery(db, clock, channel);
            while (await delivery.DrainOnceAsync(CancellationToken.None) > 0)
            {
            }
        }

        await Task.WhenAll(Task.Run(DrainAllAsync), Task.Run(DrainAllAsync), Task.Run(DrainAllAsync));

        Assert.Equal(60, channel.Sent.Count);
        Assert.Equal(60, channel.Sent.Select(s => s.Text).Distinct().Count());
        await using var check = open();
        Assert.Equal(60, await check.Outbox.CountAsync(o => o.DeliveredAt != null && o.Attempts == 1));
    }

    protected async Task CheckExpiredClaimIsTakenOver()
    {
        var (open, ids) = await SeedAsync(1, "R1");
        var clock = new ManualClock(Start);
        await using (var db = open())
        {
            // Another instance claimed it and died.
            var until = Start.UtcDateTime.AddSeconds(60);
            await db.Outbox.Where(o => o.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, until).SetProperty(o => o.ClaimedBy, "dead"));
        }

        var channel = new FakeChannel("teams", _ => DeliveryOutcome.Delivered);
        await using var mine = open();
        var delivery = Delivery(mine, clock, channel);

        Assert.Equal(0, await delivery.DrainOnceAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await delivery.DrainOnceAsync(CancellationToken.None));
        Assert.Single(channel.Sent);
    }
}

public sealed class SqliteOutboxTests : OutboxContract
{
    [Fact]
    public async Task Drainer_Signalled_DeliversWithoutWaitingForThePoll()
    {
        await using var h = await WorkflowHarness.CreateAsync(null);
        var channel = new FakeChannel("teams", _ => DeliveryOutcome.Delivered);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Workflow:PollSeconds"] = "3600" }).Build())
            .AddTerritoryDbContext(h.Options, h.ConnectionString)
            .AddSingleton<INotificationChannel>(channel)
            .AddWorkflowServices()
            .AddSingleton<OutboxDrainer>()
            .BuildServiceProvider();
        await using var _ = services;
        var drainer = services.GetRequiredService<OutboxDrainer>();
        await drainer.StartAsync(CancellationToken.None);
        try
        {
            // A committed row, then the signal the proposals plugin sends after each commit (the poll is an hour away).
            var signal = services.GetRequiredService<OutboxSignal>();
            await using (var db = h.NewContext())
            {
                db.Outbox.Add(new OutboxEntity { RecipientRepId = WorkflowHarness.Ops, Text = "hello", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }

            signal.Notify();
            for (var i = 0; i < 200 && channel.Sent.IsEmpty; i++)
            {
                await Task.Delay(50);
            }

            Assert.Equal((WorkflowHarness.Ops, "hello"), channel.Sent.Select(s => (s.Recipient, s.Text)).Single());
        }
        finally
        {
            await drainer.StopAsync(CancellationToken.None);
        }
    }

    private protected override Task<(DatabaseOptions Options, string ConnectionString)> DatabaseAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tb-outbox-").FullName, "territory.db");
        return Task.FromResult((new DatabaseOptions { Provider = "Sqlite" }, $"Data Source={file}"));
    }

    [Fact] public Task Drain_SecondChannelReaches_DeliveredThere() => CheckDeliveredByFirstChannelThatReaches();
    [Fact] public Task Drain_NoChannelReaches_GivesUpWithReason() => CheckNobodyReachableGivesUpWithReason();
    [Fact] public Task Drain_RetryLater_BacksOffThenDelivers() => CheckRetryLaterBacksOffThenDelivers();
    [Fact] public Task Drain_AlwaysRetryLater_GivesUpAfterMaxAttempts() => CheckRetryLaterGivesUpAfterMaxAttempts();
    [Fact] public Task Drain_ThreeDrainersAtOnce_EachRowDeliveredOnce() => CheckTwoDrainersNeverDeliverTwice();
    [Fact] public Task Drain_ExpiredClaim_IsTakenOver() => CheckExpiredClaimIsTakenOver();
}

public sealed class PostgresOutboxTests : OutboxContract
{
    private protected override Task<(DatabaseOptions Options, string ConnectionString)> DatabaseAsync() =>
        WorkflowHarness.NewPostgresAsync("tb_outbox_tests");

    [PostgresFact] public Task Drain_SecondChannelReaches_DeliveredThere() => CheckDeliveredByFirstChannelThatReaches();
    [PostgresFact] public Task Drain_NoChannelReaches_GivesUpWithReason() => CheckNobodyReachableGivesUpWithReason();
    [PostgresFact] public Task Drain_RetryLater_BacksOffThenDelivers() => CheckRetryLaterBacksOffThenDelivers();
    [PostgresFact] public Task Drain_AlwaysRetryLater_GivesUpAfterMaxAttempts() => CheckRetryLaterGivesUpAfterMaxAttempts();
    [PostgresFact] public Task Drain_ThreeDrainersAtOnce_EachRowDeliveredOnce() => CheckTwoDrainersNeverDeliverTwice();
    [PostgresFact] public Task Drain_ExpiredClaim_IsTakenOver() => CheckExpiredClaimIsTakenOver();
}
