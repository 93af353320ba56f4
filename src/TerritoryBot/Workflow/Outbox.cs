using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TerritoryBot.Data;

namespace TerritoryBot.Workflow;

/// <summary>The <c>Workflow</c> configuration section: how the outbox is drained.</summary>
internal sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>How often the drainer looks for due rows when nobody signals it (other instances' rows, retries).</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a claim lasts; a row claimed by a crashed instance is taken over after this.</summary>
    [Range(1, 3600)]
    public double ClaimSeconds { get; set; } = 60;

    /// <summary>Rows claimed per pass.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Retry-later outcomes before the drainer gives up on a row.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry delay; each further attempt doubles it (capped at an hour).</summary>
    [Range(0, 3600)]
    public double RetryBaseSeconds { get; set; } = 10;
}

/// <summary>Wakes the drainer when a transaction has committed new outbox rows (polling covers other instances).</summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: many commits during one pass need only one more pass.
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread released it first; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// One pass over the outbox: claims due rows with a conditional update (so two instances never hold the same
/// row), delivers each through the registered <see cref="INotificationChannel"/>s in order and records the outcome
/// (delivered, retry later with backoff, or given up: nobody reachable / too many attempts).
/// </summary>
internal sealed class OutboxDelivery(
    TerritoryDbContext db,
    IEnumerable<INotificationChannel> channels,
    IOptions<WorkflowOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    public const string NoChannel = "no channel reaches this person";

    private readonly string claimant = Guid.NewGuid().ToString("N");
    private readonly IReadOnlyList<INotificationChannel> channels = [.. channels];

    /// <summary>Delivers what is due now; returns how many rows this pass finished (delivered or given up).</summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = Now();
        var due = await db.Outbox.AsNoTracking()
            .Where(o => o.DeliveredAt == null && o.GaveUpAt == null && o.NextAttemptAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(settings.BatchSize).ToListAsync(ct);
        var finished = 0;
        foreach (var id in due)
        {
            var claimedUntil = Now().AddSeconds(settings.ClaimSeconds);
            var claimNow = Now();
            var claimed = await db.Outbox
                .Where(o => o.Id == id && o.DeliveredAt == null && o.GaveUpAt == null && (o.ClaimedUntil == null || o.ClaimedUntil < claimNow))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, claimedUntil).SetProperty(o => o.ClaimedBy, claimant), ct);
            if (claimed == 1 && await DeliverAsync(id, settings, ct))
            {
                finished++;
            }
        }

        return finished;
    }

    private async Task<bool> DeliverAsync(long id, WorkflowOptions settings, CancellationToken ct)
    {
        var row = await db.Outbox.AsNoTracking().FirstAsync(o => o.Id == id, ct);
        var recipient = await db.Reps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == row.RecipientRepId, ct);
        if (recipient is null)
        {
            await GiveUpAsync(id, $"recipient {row.RecipientRepId} is not in the reps table", ct);
            return true;
        }

        var notification = new OutboundNotification(row.RecipientRepId, row.Text, NotificationCards.Read(row.CardJson));
        foreach (var channel in channels)
        {
            DeliveryOutcome outcome;
            string? error = null;
            try
            {
                outcome = await channel.SendAsync(recipient.ToModel(), notification, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A channel that throws is treated as a transient failure: the row is retried, never lost.
                logger.LogWarning(e, "Notification channel {Channel} failed for outbox row {Id}", channel.Name, id);
                outcome = DeliveryOutcome.RetryLater;
                error = $"{channel.Name}: {e.GetType().Name}: {e.Message}";
            }

            switch (outcome)
            {
                case DeliveryOutcome.Delivered:
                    await FinishAsync(id, s => s.SetProperty(o => o.DeliveredAt, Now()).SetProperty(o => o.Channel, channel.Name)
                        .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, (string?)null), ct);
                    return true;
                case DeliveryOutcome.RetryLater:
                    return await RetryAsync(id, row.Attempts + 1, error ?? $"{channel.Name}: retry later", settings, ct);
                default:
                    continue;
            }
        }

        await GiveUpAsync(id, NoChannel, ct);
        logger.LogInformation("Outbox row {Id}: no channel reaches {Rep}", id, row.RecipientRepId);
        return true;
    }

    private async Task<bool> RetryAsync(long id, int attempts, string error, WorkflowOptions settings, CancellationToken ct)
    {
        if (attempts >= settings.MaxAttempts)
        {
            await GiveUpAsync(id, $"gave up after {attempts} attempts; last: {error}", ct, attempts);
            return true;
        }

        var delay = Math.Min(3600, settings.RetryBaseSeconds * Math.Pow(2, attempts - 1));
        var next = Now().AddSeconds(delay);
        await FinishAsync(id, s => s.SetProperty(o => o.Attempts, attempts).SetProperty(o => o.NextAttemptAt, next)
            .SetProperty(o => o.LastError, error), ct);
        return false;
    }

    private Task GiveUpAsync(long id, string error, CancellationToken ct, int? attempts = null) =>
        FinishAsync(id, s => s.SetProperty(o => o.GaveUpAt, Now()).SetProperty(o => o.LastError, error)
            .SetProperty(o => o.Attempts, o => attempts ?? o.Attempts), ct);

    /// <summary>Records an outcome and releases the claim, only while this drainer still holds it.</summary>
    private async Task FinishAsync(
        long id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxEntity>> set, CancellationToken ct)
    {
        var updated = await db.Outbox.Where(o => o.Id == id && o.ClaimedBy == claimant)
            .ExecuteUpdateAsync(
                s =>
                {
                    set(s);
                    s.SetProperty(o => o.ClaimedUntil, (DateTime?)null).SetProperty(o => o.ClaimedBy, (string?)null);
                },
                ct);
        if (updated == 0)
        {
            logger.LogWarning("Outbox row {Id}: the claim expired before the outcome was recorded (the claim time is too short)", id);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Drains the outbox in the background: on each signal from a commit, and every poll interval.</summary>
internal sealed class OutboxDrainer(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<WorkflowOptions> options, ILogger<OutboxDrainer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int finished;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    finished = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DrainOnceAsync(stoppingToken);
                }
                while (finished > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable; the next pass tries again.
                logger.LogError(e, "Outbox pass failed");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

internal static class WorkflowSetup
{
    /// <summary>The reassignment workflow's services and the outbox drainer (needs <c>AddTerritoryData</c>).</summary>
    public static WebApplicationBuilder AddWorkflow(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkflowServices();
        builder.Services.AddHostedService<OutboxDrainer>();
        return builder;
    }

    /// <summary>Everything but the background drainer (tests and hosts that drain themselves).</summary>
    public static IServiceCollection AddWorkflowServices(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddScoped<OutboxDelivery>();
        return services;
    }
}
