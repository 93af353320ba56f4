using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TerritoryBot.Channels.Teams;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Data;

/// <summary>
/// The generated migrations against databases the previous release created (its schema and history replayed from
/// Data/PreviousRelease/*.sql, dumped from databases that release migrated), per provider like <see cref="StoreContract"/>.
/// </summary>
public abstract class MigrationContract
{
    private static readonly DateTime At = new(2026, 11, 20, 9, 30, 15, DateTimeKind.Utc);

    private protected abstract DatabaseOptions Options { get; }

    /// <summary>An empty database (SQLite file or PostgreSQL schema) and a way to drop it.</summary>
    private protected abstract Task<(string ConnectionString, Func<Task> Drop)> NewEmptyAsync();

    /// <summary>Runs a SQL script (several statements) on the database.</summary>
    private protected abstract Task ExecuteAsync(string connectionString, string sql);

    /// <summary>One text line per table column, key, constraint and index of the database, sorted.</summary>
    private protected abstract Task<List<string>> SchemaAsync(string connectionString);

    /// <summary>The number of rows of each table (migration bookkeeping tables left out).</summary>
    private protected abstract Task<Dictionary<string, long>> RowCountsAsync(string connectionString);

    private protected abstract string FixtureName { get; }

    private async Task<(string ConnectionString, Func<Task> Drop)> PreviousReleaseAsync()
    {
        var (connectionString, drop) = await NewEmptyAsync();
        await ExecuteAsync(connectionString, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "PreviousRelease", FixtureName)));
        return (connectionString, drop);
    }

    /// <summary>
    /// What <see cref="PreviousReleaseRows"/> must read back as through today's model: one row for every table, every
    /// column of the previous release set (nullable ones too), in key order per table. Columns added since keep their
    /// defaults here.
    /// </summary>
    private static List<object> Rows() =>
    [
        new RepEntity
        {
            Id = "M1", Name = "Mia Manager", Email = "mia@example.test", Role = RepRole.Manager, ManagerId = "VP", Seniority = Seniority.Senior,
            Quota = 1_500_000.5, Capacity = 120, Ramping = true, HomeLatitude = 52.52, HomeLongitude = 13.405, Region = "EMEA",
            IndustryStrengths = "Software;Retail", SlackUserId = "U123", TeamsAadObjectId = "aad-1",
        },
        new AccountEntity
        {
            Id = "A1", Name = "Acme", Industry = "Software", Employees = 250, AnnualRevenue = 12_000_000.25, Country = "DE", Region = "EMEA",
            City = "Berlin", PostalCode = "10115", Latitude = 52.5, Longitude = 13.4, TechStack = "Salesforce;Snowflake", GrowthRate = 0.12,
            FundingStage = "Series B", IntentScore = 0.7, IsCustomer = true, CurrentArr = 48_000.75, CurrentTier = Tier.Enterprise, OwnerId = "M1",
            NamedAccount = true, LastActivityDate = new DateOnly(2026, 10, 1), RelationshipNotes = "champion: CTO",
        },
        new OpportunityEntity
        {
            Id = "O1", AccountId = "A1", OwnerId = "M1", Amount = 30_000.5, Stage = "Negotiation", CreatedDate = new DateOnly(2026, 8, 1),
            CloseDate = new DateOnly(2026, 12, 15), LastActivityDate = new DateOnly(2026, 11, 2), Notes = "legal review",
        },
        new IcpEntity { Id = IcpEntity.SingletonId, Json = """{"product":"Widgets"}""" },
        new ScenarioEntity { Id = 7, Name = "balanced", CreatedAt = At, Recommended = true, Metrics = """{"gini":0.1}""" },
        new ScenarioAssignmentEntity { ScenarioId = 7, AccountId = "A1", RepId = "M1" },
        new ProposalEntity
        {
            Id = 3, Status = ProposalStatus.Applied, Version = 2, Source = ProposalSource.Scenario, SourceDetail = "balanced", ProposerRepId = "M1",
            Reason = "balance", CreatedAt = At, DecidedBy = "M1", DecidedAt = At.AddHours(1), DecisionReason = "ok",
        },
        new ProposalEntity
        {
            Id = 4, Status = ProposalStatus.Pending, Version = 1, Source = ProposalSource.Revert, SourceDetail = "undo 3", ProposerRepId = "M1",
            Reason = "undo", CreatedAt = At.AddDays(1), DecidedBy = "M1", DecidedAt = At.AddDays(2), DecisionReason = "n/a", RevertsProposalId = 3,
        },
        new ProposalMoveEntity { ProposalId = 3, AccountId = "A1", FromRepId = "R9", ToRepId = "M1", Rationale = "closer" },
        new AuditEntity
        {
            Id = 11, Actor = "M1", At = At, Action = AuditActions.Applied, ProposalId = 3, AccountId = "A1", BeforeOwner = "R9", AfterOwner = "M1", Why = "balance",
        },
        new OutboxEntity
        {
            Id = 21, RecipientRepId = "M1", Text = "applied", CardJson = "{}", ProposalId = 3, CreatedAt = At, Attempts = 2, NextAttemptAt = At.AddMinutes(5),
            ClaimedUntil = At.AddMinutes(1), ClaimedBy = "host-1", DeliveredAt = At.AddMinutes(2), Channel = "teams", GaveUpAt = At.AddMinutes(3), LastError = "timeout",
        },
        new TeamsConversationEntity
        {
            AadObjectId = "aad-1", UserId = "29:1", BotId = "28:bot", ServiceUrl = "https://smba.example.test/", TenantId = "tenant", ConversationId = "a:1", UpdatedAt = At,
        },
    ];

    /// <summary>A timestamp literal as the previous release wrote one (SQLite: text without zone; PostgreSQL: timestamptz).</summary>
    private protected abstract string Timestamp(DateTime utc);

    /// <summary>
    /// The rows of <see cref="Rows"/> as the previous release's schema takes them, by SQL rather than through today's
    /// model (whose later columns that schema does not have), plus a row for account_scores, which a later migration
    /// drops. The same statements on both providers but for the timestamp literals.
    /// </summary>
    private string PreviousReleaseRows()
    {
        string T(DateTime at) => Timestamp(at);
        return $$"""
            INSERT INTO reps (id, name, email, role, manager_id, seniority, quota, capacity, ramping, home_latitude, home_longitude, region, industry_strengths, slack_user_id, teams_aad_object_id)
            VALUES ('M1', 'Mia Manager', 'mia@example.test', 'Manager', 'VP', 'Senior', 1500000.5, 120, TRUE, 52.52, 13.405, 'EMEA', 'Software;Retail', 'U123', 'aad-1');
            INSERT INTO accounts (id, name, industry, employees, annual_revenue, country, region, city, postal_code, latitude, longitude, tech_stack, growth_rate, funding_stage, intent_score, is_customer, current_arr, current_tier, owner_id, named_account, last_activity_date, relationship_notes)
            VALUES ('A1', 'Acme', 'Software', 250, 12000000.25, 'DE', 'EMEA', 'Berlin', '10115', 52.5, 13.4, 'Salesforce;Snowflake', 0.12, 'Series B', 0.7, TRUE, 48000.75, 'Enterprise', 'M1', TRUE, '2026-10-01', 'champion: CTO');
            INSERT INTO opportunities (id, account_id, owner_id, amount, stage, created_date, close_date, last_activity_date, notes)
            VALUES ('O1', 'A1', 'M1', 30000.5, 'Negotiation', '2026-08-01', '2026-12-15', '2026-11-02', 'legal review');
            INSERT INTO icp (id, json) VALUES (1, '{"product":"Widgets"}');
            INSERT INTO account_scores (account_id, icp_fit, opportunity_score, potential_arr, potential_low, potential_high, tier, status, priority, whitespace, scored_at)
            VALUES ('A1', 82, 0.64, 90000.5, 60000.25, 120000.75, 'Strategic', 'ActiveCustomer', 'High', TRUE, {{T(At)}});
            INSERT INTO scenarios (id, name, created_at, recommended, metrics) VALUES (7, 'balanced', {{T(At)}}, TRUE, '{"gini":0.1}');
            INSERT INTO scenario_assignments (scenario_id, account_id, rep_id) VALUES (7, 'A1', 'M1');
            INSERT INTO proposals (id, status, version, source, source_detail, proposer_rep_id, reason, created_at, decided_by, decided_at, decision_reason, reverts_proposal_id)
            VALUES (3, 'applied', 2, 'scenario', 'balanced', 'M1', 'balance', {{T(At)}}, 'M1', {{T(At.AddHours(1))}}, 'ok', NULL);
            INSERT INTO proposals (id, status, version, source, source_detail, proposer_rep_id, reason, created_at, decided_by, decided_at, decision_reason, reverts_proposal_id)
            VALUES (4, 'pending', 1, 'revert', 'undo 3', 'M1', 'undo', {{T(At.AddDays(1))}}, 'M1', {{T(At.AddDays(2))}}, 'n/a', 3);
            INSERT INTO proposal_moves (proposal_id, account_id, from_rep_id, to_rep_id, rationale) VALUES (3, 'A1', 'R9', 'M1', 'closer');
            INSERT INTO audit_trail (id, actor, at, action, proposal_id, account_id, before_owner, after_owner, why)
            VALUES (11, 'M1', {{T(At)}}, 'applied', 3, 'A1', 'R9', 'M1', 'balance');
            INSERT INTO outbox (id, recipient_rep_id, text, card_json, proposal_id, created_at, attempts, next_attempt_at, claimed_until, claimed_by, delivered_at, channel, gave_up_at, last_error)
            VALUES (21, 'M1', 'applied', '{}', 3, {{T(At)}}, 2, {{T(At.AddMinutes(5))}}, {{T(At.AddMinutes(1))}}, 'host-1', {{T(At.AddMinutes(2))}}, 'teams', {{T(At.AddMinutes(3))}}, 'timeout');
            UPDATE data_version SET version = 42;
            INSERT INTO teams_conversations (aad_object_id, user_id, bot_id, service_url, tenant_id, conversation_id, updated_at)
            VALUES ('aad-1', '29:1', '28:bot', 'https://smba.example.test/', 'tenant', 'a:1', {{T(At)}});
            """;
    }

    /// <summary>Tables the previous release had and a later migration drops on purpose.</summary>
    private static readonly string[] DroppedTables = ["account_scores"];

    /// <summary>Every row of every table, read back through the model, as comparable text (the row order is the key order).</summary>
    private static async Task<string> ReadEverythingAsync(TerritoryDbContext db) => Json(new object[]
    {
        await db.Reps.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.Accounts.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.Opportunities.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.Icp.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.Scenarios.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.ScenarioAssignments.AsNoTracking().OrderBy(x => x.ScenarioId).ToListAsync(),
        await db.Proposals.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.ProposalMoves.AsNoTracking().OrderBy(x => x.ProposalId).ToListAsync(),
        await db.AuditTrail.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.Outbox.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.DataVersion.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        await db.TeamsConversations.AsNoTracking().OrderBy(x => x.AadObjectId).ToListAsync(),
    });

    private static string Expected(long dataVersion)
    {
        var rows = Rows();
        return Json(new object[]
        {
            rows.OfType<RepEntity>().ToList(),
            rows.OfType<AccountEntity>().ToList(),
            rows.OfType<OpportunityEntity>().ToList(),
            rows.OfType<IcpEntity>().ToList(),
            rows.OfType<ScenarioEntity>().ToList(),
            rows.OfType<ScenarioAssignmentEntity>().ToList(),
            rows.OfType<ProposalEntity>().ToList(),
            rows.OfType<ProposalMoveEntity>().ToList(),
            rows.OfType<AuditEntity>().ToList(),
            rows.OfType<OutboxEntity>().ToList(),
            new List<DataVersionEntity> { new() { Version = dataVersion } },
            rows.OfType<TeamsConversationEntity>().ToList(),
        });
    }

    protected async Task CheckPreviousReleaseKeepsEveryRow()
    {
        var (connectionString, drop) = await PreviousReleaseAsync();
        try
        {
            // The rows go in before the new code touches the database: the previous release's schema, as it was.
            await ExecuteAsync(connectionString, PreviousReleaseRows());

            var before = await RowCountsAsync(connectionString);
            Assert.All(before, table => Assert.True(table.Value > 0, $"table {table.Key} has no row to carry over"));

            await using (var db = TerritoryDatabase.NewContext(Options, connectionString))
            {
                await db.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            await using (var db = TerritoryDatabase.NewContext(Options, connectionString))
            {
                Assert.Equal(Expected(42), await ReadEverythingAsync(db));
                Assert.Equal(before.Where(t => !DroppedTables.Contains(t.Key)), await RowCountsAsync(connectionString));
            }
        }
        finally
        {
            await drop();
        }
    }

    protected async Task CheckPreviousReleaseSchemaEqualsNewDatabase()
    {
        var (previous, dropPrevious) = await PreviousReleaseAsync();
        var (fresh, dropFresh) = await NewEmptyAsync();
        try
        {
            await using (var db = TerritoryDatabase.NewContext(Options, previous))
            {
                await db.MigrateAsync();
            }

            await using (var db = TerritoryDatabase.NewContext(Options, fresh))
            {
                await db.MigrateAsync();
            }

            // The baseline was skipped on the first (its id is in the old history) and run on the second: equal
            // schemas mean the baseline creates exactly what the hand-written migrations did.
            var expected = await SchemaAsync(fresh);
            Assert.Contains(expected, line => line.Contains("fk_accounts_owner", StringComparison.Ordinal));
            Assert.Equal(expected, await SchemaAsync(previous));
        }
        finally
        {
            await dropPrevious();
            await dropFresh();
        }
    }

    protected async Task CheckUnfinishedPreviousReleaseIsRefused()
    {
        var (connectionString, drop) = await PreviousReleaseAsync();
        try
        {
            await ExecuteAsync(connectionString, $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{TerritoryDatabase.BaselineMigrationId}'");
            var before = await SchemaAsync(connectionString);

            await using var db = TerritoryDatabase.NewContext(Options, connectionString);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.MigrateAsync());

            Assert.Contains($"it needs {TerritoryDatabase.BaselineMigrationId}", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, await SchemaAsync(connectionString));
        }
        finally
        {
            await drop();
        }
    }

    protected void CheckModelHasNoPendingChanges()
    {
        // What `dotnet ef migrations add Probe` producing an empty migration means: the model equals the snapshot.
        using var db = TerritoryDatabase.NewContext(Options, Options.IsPostgres ? "Host=localhost" : "Data Source=:memory:");
        Assert.False(db.Database.HasPendingModelChanges(), $"the model differs from the {Options.Provider} snapshot: add a migration (docs/database.md)");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new TicksConverter() } };

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>SQLite reads DateTime back as Unspecified, PostgreSQL as Utc: the instant is what must survive.</summary>
    private sealed class TicksConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Ticks);
    }
}

public sealed class SqliteMigrationTests : MigrationContract
{
    private protected override DatabaseOptions Options { get; } = new() { Provider = "Sqlite" };

    private protected override string FixtureName => "sqlite.sql";

    // How EF Core's SQLite provider stores a DateTime: text, no zone.
    private protected override string Timestamp(DateTime utc) => $"'{utc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}'";

    private protected override Task<(string ConnectionString, Func<Task> Drop)> NewEmptyAsync()
    {
        var directory = Directory.CreateTempSubdirectory("tb-mig-").FullName;
        var connectionString = $"Data Source={Path.Combine(directory, "territory.db")};Pooling=False";
        return Task.FromResult<(string, Func<Task>)>((connectionString, () =>
        {
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        }));
    }

    private protected override async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private protected override async Task<List<string>> SchemaAsync(string connectionString) =>
        await QueryAsync(connectionString, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");

    private protected override async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        var tables = await QueryAsync(connectionString, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name");
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = long.Parse((await QueryAsync(connectionString, $"SELECT count(*) FROM \"{table}\""))[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return lines;
    }

    [Fact] public Task Migrate_DatabaseOfPreviousRelease_KeepsEveryRow() => CheckPreviousReleaseKeepsEveryRow();
    [Fact] public Task Migrate_DatabaseOfPreviousRelease_SchemaEqualsNewDatabase() => CheckPreviousReleaseSchemaEqualsNewDatabase();
    [Fact] public Task Migrate_PreviousReleaseWithoutItsLastMigration_RefusedAndUnchanged() => CheckUnfinishedPreviousReleaseIsRefused();
    [Fact] public void Model_ComparedWithSnapshot_HasNoPendingChanges() => CheckModelHasNoPendingChanges();
}

public sealed class PostgresMigrationTests : MigrationContract
{
    private protected override DatabaseOptions Options { get; } = new() { Provider = "Postgres" };

    private protected override string FixtureName => "postgres.sql";

    private protected override string Timestamp(DateTime utc) => $"'{utc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}+00'";

    /// <summary>A schema of its own on the test database (the test role may not create databases), first on the search path.</summary>
    private protected override async Task<(string ConnectionString, Func<Task> Drop)> NewEmptyAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)
                     ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set");
        var schema = "migration_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Pooling = false }.ConnectionString;
        return (connectionString, () => ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE"));
    }

    private protected override async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private protected override Task<List<string>> SchemaAsync(string connectionString) => QueryAsync(connectionString, """
        SELECT 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type || ' null=' || is_nullable
               || ' identity=' || coalesce(identity_generation, '-') || ' default=' || coalesce(column_default, '-')
          FROM information_schema.columns WHERE table_schema = current_schema()
        UNION ALL
        SELECT 'index ' || indexname || ': ' || replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE schemaname = current_schema()
        UNION ALL
        SELECT 'constraint ' || conname || ' on ' || conrelid::regclass::text || ': ' || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
        ORDER BY 1
        """);

    private protected override async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        var tables = await QueryAsync(connectionString,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_\\_EF%' ORDER BY 1");
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = long.Parse((await QueryAsync(connectionString, $"SELECT count(*) FROM \"{table}\""))[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return lines;
    }

    [PostgresFact] public Task Migrate_DatabaseOfPreviousRelease_KeepsEveryRow() => CheckPreviousReleaseKeepsEveryRow();
    [PostgresFact] public Task Migrate_DatabaseOfPreviousRelease_SchemaEqualsNewDatabase() => CheckPreviousReleaseSchemaEqualsNewDatabase();
    [PostgresFact] public Task Migrate_PreviousReleaseWithoutItsLastMigration_RefusedAndUnchanged() => CheckUnfinishedPreviousReleaseIsRefused();
    [Fact] public void Model_ComparedWithSnapshot_HasNoPendingChanges() => CheckModelHasNoPendingChanges();
}
