using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TerritoryBot.Core.Demo;
using TerritoryBot.Data;

namespace TerritoryBot.Demo;

/// <summary>The <c>Demo</c> configuration section.</summary>
internal sealed class DemoOptionsSection
{
    public const string Section = "Demo";

    /// <summary>Load the demo universe into an empty database at start-up (default true: the first run shows something).</summary>
    public bool SeedWhenEmpty { get; set; } = true;
}

/// <summary>
/// First run: when the database is empty, loads the 4,200-account demo universe and says so. Runs after the
/// start-up migration and before the server listens (hosted services start in registration order).
/// </summary>
internal sealed class DemoSeeding(
    IServiceScopeFactory scopes, IOptions<DemoOptionsSection> options, TimeProvider clock, ILogger<DemoSeeding> logger) : IHostedService
{
    public const int DemoAccounts = 4200;
    public const int DemoReps = 8;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedWhenEmpty)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TerritoryDbContext>();
        if (await db.HasDataAsync(cancellationToken))
        {
            return;
        }

        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var universe = DemoGenerator.Generate(new DemoOptions(asOf, DemoAccounts, DemoReps));
        var summary = await db.ImportDataSetAsync(universe.Data, replaceIcp: true, cancellationToken);
        logger.LogInformation(
            "The database was empty: loaded the demo universe ({Accounts} accounts, {Reps} people, {Opportunities} opportunities). Import your own with `territorybot import --data DIR`.",
            summary.Accounts.Total, summary.Reps.Total, summary.Opportunities.Total);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class DemoSeedingExtensions
{
    /// <summary>Registers first-run demo seeding; call after <c>AddTerritoryData</c> so the schema exists first.</summary>
    public static WebApplicationBuilder AddDemoSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptionsSection>().BindConfiguration(DemoOptionsSection.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DemoSeeding>();
        return builder;
    }
}
