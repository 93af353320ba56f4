using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TerritoryBot.Data;

/// <summary>
/// Batched <c>INSERT … ON CONFLICT (key) DO UPDATE</c>, the one upsert statement SQLite and PostgreSQL both
/// accept. Change tracking 100,000 entities costs seconds; a multi-row statement with reused parameters does not.
/// Columns, key, names and parameter types all come from the EF model, so the SQL cannot drift from the mapping.
/// Runs in the caller's transaction, if any.
/// </summary>
internal static class BulkSql
{
    // SQLite allows 32,766 parameters per statement, PostgreSQL 65,535; stay well below both.
    private const int MaxParameters = 16_000;
    private const int MaxRowsPerStatement = 500;

    public static async Task UpsertAsync<T>(this TerritoryDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().ToArray();
        var columns = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToArray();
        var keys = entityType.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();

        // PostgreSQL: many rows per statement saves round trips. SQLite is in-process (no round trips), and
        // Microsoft.Data.Sqlite binds parameters by name with a linear search, so a statement with thousands of
        // parameters costs quadratic time: there one prepared single-row statement, reused, is fastest.
        var rowsPerStatement = db.Database.IsSqlite()
            ? 1
            : Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / properties.Length));
        var updates = properties.Select((p, i) => (p, i)).Where(x => !x.p.IsPrimaryKey())
            .Select(x => $"{columns[x.i]} = excluded.{columns[x.i]}").ToArray();
        var conflict = updates.Length == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) VALUES ";
        var tail = $" ON CONFLICT ({string.Join(", ", keys)}) {conflict}";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < rows.Count; start += rowsPerStatement)
                {
                    var count = Math.Min(rowsPerStatement, rows.Count - start);
                    DbCommand command;
                    if (count == rowsPerStatement)
                    {
                        // Full batches reuse one command and its parameters: only the values change.
                        command = full ??= CreateCommand(connection, transaction, head, tail, count, properties, mappings);
                    }
                    else
                    {
                        command = CreateCommand(connection, transaction, head, tail, count, properties, mappings);
                    }

                    for (var r = 0; r < count; r++)
                    {
                        var row = rows[start + r];
                        for (var c = 0; c < properties.Length; c++)
                        {
                            var value = getters[c].GetClrValue(row);
                            if (value is not null && mappings[c].Converter is { } converter)
                            {
                                value = converter.ConvertToProvider(value);
                            }

                            command.Parameters[r * properties.Length + c].Value = value ?? DBNull.Value;
                        }
                    }

                    await command.ExecuteNonQueryAsync(ct);
                    if (!ReferenceEquals(command, full))
                    {
                        await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand CreateCommand(
        DbConnection connection, DbTransaction? transaction, string head, string tail, int rows,
        IProperty[] properties, RelationalTypeMapping[] mappings)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(head, head.Length + tail.Length + rows * properties.Length * 8);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < properties.Length; c++)
            {
                var name = $"@p{r * properties.Length + c}";
                text.Append(c == 0 ? "" : ", ").Append(name);
                // The provider's own type mapping sets the parameter type (PostgreSQL needs it when a whole
                // column of a multi-row VALUES list is null; it would otherwise guess text).
                command.Parameters.Add(mappings[c].CreateParameter(command, name, null, nullable: true));
            }

            text.Append(')');
        }

        command.CommandText = text.Append(tail).ToString();
        return command;
    }
}
