using Microsoft.EntityFrameworkCore;
using TerritoryBot.Data;

namespace TerritoryBot.Tests.Data;

/// <summary>
/// Runs when TERRITORYBOT_TEST_POSTGRES holds a connection string. Without it the test is skipped with a visible
/// reason — except on CI (CI=true), where it runs and fails, so a CI without PostgreSQL cannot pass silently.
/// </summary>
public sealed class PostgresFactAttribute() : PrerequisiteFactAttribute(
    string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) ? "no PostgreSQL to test against" : null,
    $"set {Variable} to a connection string (.ci/run starts a server and sets it)")
{
    public const string Variable = "TERRITORYBOT_TEST_POSTGRES";
}

internal static class TestDatabases
{
    /// <summary>A migrated context on a new SQLite file in its own temp directory (a subdirectory, to test its creation).</summary>
    public static async Task<TerritoryDbContext> NewSqliteAsync(string? directory = null)
    {
        directory ??= Directory.CreateTempSubdirectory("tb-db-").FullName;
        var file = Path.Combine(directory, "nested", "territory.db");
        var db = Context(new DatabaseOptions { Provider = "Sqlite" }, $"Data Source={file};Pooling=False");
        await db.MigrateAsync();
        return db;
    }

    public static TerritoryDbContext SqliteAt(string file) =>
        Context(new DatabaseOptions { Provider = "Sqlite" }, $"Data Source={file};Pooling=False");

    /// <summary>A migrated context on the test PostgreSQL database, with every table emptied.</summary>
    public static async Task<TerritoryDbContext> NewPostgresAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"CI=true but {PostgresFactAttribute.Variable} is not set: the data tests must run against PostgreSQL on CI (.ci/run sets it).");
        }

        var db = Context(new DatabaseOptions { Provider = "Postgres" }, connectionString);
        await db.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE scenario_assignments, scenarios, icp, opportunities, accounts, reps");
        return db;
    }

    private static TerritoryDbContext Context(DatabaseOptions options, string connectionString) =>
        TerritoryDatabase.NewContext(options, connectionString);
}
