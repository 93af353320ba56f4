using Microsoft.EntityFrameworkCore.Design;

namespace TerritoryBot.Data;

// How `dotnet ef` builds each provider's context (docs/database.md): directly, instead of starting the app (whose
// Main is the CLI). Adding a migration compares the model with the snapshot and never connects; the connection
// strings only name the provider.

/// <summary>`dotnet ef … --context SqliteTerritoryDbContext`.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTerritoryDbContext>
{
    public SqliteTerritoryDbContext CreateDbContext(string[] args) =>
        (SqliteTerritoryDbContext)TerritoryDatabase.NewContext(new DatabaseOptions { Provider = "Sqlite" }, "Data Source=design-time.db");
}

/// <summary>`dotnet ef … --context PostgresTerritoryDbContext`.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTerritoryDbContext>
{
    public PostgresTerritoryDbContext CreateDbContext(string[] args) =>
        (PostgresTerritoryDbContext)TerritoryDatabase.NewContext(new DatabaseOptions { Provider = "Postgres" }, "Host=localhost;Database=territorybot");
}
