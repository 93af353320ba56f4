using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Sqlite.Migrations.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace TerritoryBot.Data;

// The snake_case naming convention also renames the columns of EF's own __EFMigrationsHistory table (MigrationId →
// migration_id; a known, open issue of EFCore.NamingConventions), which would make every existing database unreadable
// to Migrate(). These keep the names EF has always used. Deriving from the providers' history repositories is the one
// hook EF offers for the history table's shape; they are marked internal API (EF1001), hence the pragma, and
// MigrationTests would catch a provider update that changes them.
#pragma warning disable EF1001

/// <summary>The history table's EF-standard names, whatever the naming convention says.</summary>
internal static class HistoryTable
{
    public static void KeepStandardNames(EntityTypeBuilder<HistoryRow> history)
    {
        history.HasKey(h => h.MigrationId).HasName("PK___EFMigrationsHistory");
        history.Property(h => h.MigrationId).HasColumnName("MigrationId");
        history.Property(h => h.ProductVersion).HasColumnName("ProductVersion");
    }
}

internal sealed class SqliteStandardHistoryRepository(HistoryRepositoryDependencies dependencies) : SqliteHistoryRepository(dependencies)
{
    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        HistoryTable.KeepStandardNames(history);
    }
}

internal sealed class PostgresStandardHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        HistoryTable.KeepStandardNames(history);
    }
}
