using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace TerritoryBot.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    [Required]
    [RegularExpression("(?i)^(sqlite|postgres|postgresql)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres")]
    public string Provider { get; set; } = "Sqlite";

    public bool IsPostgres => Provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Builds and migrates the territory database from configuration: connection string <c>Territory</c>
/// (<c>ConnectionStrings__Territory</c> overrides it), provider <c>Database:Provider</c>. Used by the web host
/// (<see cref="AddTerritoryData"/>) and by the CLI without a host (<see cref="OpenAsync"/>).
/// </summary>
internal static class TerritoryDatabase
{
    public const string ConnectionStringName = "Territory";

    /// <summary>Registers the DbContext, its options and the start-up migration with the web host.</summary>
    public static WebApplicationBuilder AddTerritoryData(this WebApplicationBuilder builder)
    {
        builder.Services.AddTerritoryDbContext(builder.Configuration);
        // Registered here, first, so that hosted services added later (demo seeding) find the schema in place.
        builder.Services.AddHostedService<MigrateOnStart>();
        return builder;
    }

    /// <summary>
    /// The DbContext and its validated options, without the start-up migration: the web host (through
    /// <see cref="AddTerritoryData"/>) and hosts without a web host (<c>territorybot ask</c>) share it. The services
    /// must be able to resolve <see cref="IConfiguration"/> for the options binding.
    /// </summary>
    public static IServiceCollection AddTerritoryDbContext(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        void FromOptions(IServiceProvider sp, DbContextOptionsBuilder options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, ConnectionString(configuration));

        // Both provider contexts are registered because the provider is only known once the options are bound;
        // only the configured one is ever resolved.
        services.AddDbContext<SqliteTerritoryDbContext>(FromOptions);
        services.AddDbContext<PostgresTerritoryDbContext>(FromOptions);
        services.AddScoped<TerritoryDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresTerritoryDbContext>()
            : sp.GetRequiredService<SqliteTerritoryDbContext>());
        return services;
    }

    /// <summary>The DbContext on a given provider and connection string (hosts built around a test database).</summary>
    public static IServiceCollection AddTerritoryDbContext(this IServiceCollection services, DatabaseOptions database, string connectionString)
    {
        if (database.IsPostgres)
        {
            services.AddDbContext<PostgresTerritoryDbContext>(o => Configure(o, database, connectionString));
            services.AddScoped<TerritoryDbContext>(sp => sp.GetRequiredService<PostgresTerritoryDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteTerritoryDbContext>(o => Configure(o, database, connectionString));
            services.AddScoped<TerritoryDbContext>(sp => sp.GetRequiredService<SqliteTerritoryDbContext>());
        }

        return services;
    }

    /// <summary>Provider, connection string and naming convention: the one place that configures the DbContext.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string connectionString)
    {
        if (database.IsPostgres)
        {
            options.UseNpgsql(connectionString).ReplaceService<IHistoryRepository, PostgresStandardHistoryRepository>();
        }
        else
        {
            options.UseSqlite(connectionString).ReplaceService<IHistoryRepository, SqliteStandardHistoryRepository>();
        }

        // Migrate() refuses to run when the model differs from the last migration's snapshot
        // (PendingModelChangesWarning): that is the drift check, left on. docs/database.md says how to add a migration.
        options.UseSnakeCaseNamingConvention();
    }

    /// <summary>A DbContext of the provider's own type (which owns that provider's migrations), not migrated.</summary>
    public static TerritoryDbContext NewContext(DatabaseOptions database, string connectionString)
    {
        if (database.IsPostgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresTerritoryDbContext>();
            Configure(postgres, database, connectionString);
            return new PostgresTerritoryDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteTerritoryDbContext>();
        Configure(sqlite, database, connectionString);
        return new SqliteTerritoryDbContext(sqlite.Options);
    }

    /// <summary>A DbContext for the given configuration (appsettings.json and environment when null), not migrated.</summary>
    public static TerritoryDbContext Create(IConfiguration? configuration = null)
    {
        configuration ??= LoadConfiguration();
        var database = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(database);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(database, new ValidationContext(database), results, validateAllProperties: true))
        {
            throw new InvalidOperationException(string.Join("; ", results.Select(r => r.ErrorMessage)));
        }

        return NewContext(database, ConnectionString(configuration));
    }

    /// <summary>A migrated DbContext for the CLI: the same configuration sources as the web host.</summary>
    public static async Task<TerritoryDbContext> OpenAsync(IConfiguration? configuration = null, CancellationToken ct = default)
    {
        var db = Create(configuration);
        try
        {
            await db.MigrateAsync(ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies pending migrations; for SQLite, first creates the directory of the database file.</summary>
    public static async Task MigrateAsync(this TerritoryDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(file));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
            }
        }

        await RefuseUnfinishedLegacyAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// The migrations were hand-written until the generated ones replaced them. The generated baseline creates
    /// exactly the schema the last hand-written migration left, and carries that migration's id
    /// (<see cref="BaselineMigrationId"/>): a database created by the earlier releases already has it in its history
    /// and so counts as at the baseline, and takes only the later migrations. A database that stopped before that
    /// migration (only the older hand-written ids) would have the baseline applied over its tables and fail
    /// half-way, so it is refused with a clear message instead.
    /// </summary>
    private static async Task RefuseUnfinishedLegacyAsync(TerritoryDbContext db, CancellationToken ct)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (!applied.Contains(BaselineMigrationId) && applied.Overlaps(OlderHandWrittenMigrationIds))
        {
            throw new InvalidOperationException(
                $"the database has only part of the schema of an earlier release (migrations {string.Join(", ", applied.Order(StringComparer.Ordinal))}); " +
                $"it needs {BaselineMigrationId} before this release can upgrade it: run the release that added it once, or import the data into a new database");
        }
    }

    /// <summary>The id of the generated baseline: the id of the last hand-written migration, see <see cref="RefuseUnfinishedLegacyAsync"/>.</summary>
    public const string BaselineMigrationId = "20261122000200_TeamsConversations";

    private static readonly string[] OlderHandWrittenMigrationIds = ["20260101000000_Initial", "20261122000100_Workflow"];

    /// <summary>
    /// appsettings.json next to the executable, appsettings.{Environment}.json, the repository's
    /// appsettings.Development.json in Development, then environment variables (ConnectionStrings__Territory,
    /// Database__Provider) — the sources the web host reads.
    /// </summary>
    public static IConfiguration LoadConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                          ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                          ?? Environments.Production;
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true);
        if (environment == Environments.Development && WebHost.FindRepositoryRoot() is { } root)
        {
            builder.AddJsonFile(Path.Combine(root, "appsettings.Development.json"), optional: true);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    private static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"connection string '{ConnectionStringName}' is not configured (ConnectionStrings:{ConnectionStringName})");

    /// <summary>Applies migrations when the web host starts, before it serves anything.</summary>
    private sealed class MigrateOnStart(IServiceScopeFactory scopes) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TerritoryDbContext>().MigrateAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
