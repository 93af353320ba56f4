using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Tests.Conversation;
using TerritoryBot.Tests.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Workflow;

/// <summary>
/// The conversation core over a real database (a new SQLite file, or a PostgreSQL schema of its own, emptied) holding
/// the harness's demo data: R001–R004 reps, R005 their manager, R006 ops. Each turn gets its own scope and DbContext,
/// as in the web host.
/// </summary>
internal sealed class WorkflowHarness : IAsyncDisposable
{
    public const string Ops = "R006";
    public const string Manager = "R005";

    private WorkflowHarness(ConversationHarness chat, DatabaseOptions options, string connectionString)
    {
        Chat = chat;
        Options = options;
        ConnectionString = connectionString;
    }

    public ConversationHarness Chat { get; }
    public DatabaseOptions Options { get; }
    public string ConnectionString { get; }
    public DataSet Data => Chat.Data;

    /// <param name="postgresSchema">Null for SQLite; otherwise the PostgreSQL schema (one per test class, so classes can run in parallel).</param>
    public static async Task<WorkflowHarness> CreateAsync(string? postgresSchema, Action<IServiceCollection>? configure = null)
    {
        var (options, connectionString) = postgresSchema is null ? NewSqlite() : await NewPostgresAsync(postgresSchema);
        var data = ConversationHarness.Demo(accounts: 240, reps: 4, seed: 11);
        await using (var db = Context(options, connectionString))
        {
            await db.MigrateAsync();
            if (options.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "TRUNCATE proposal_moves, proposals, audit_trail, outbox, scenario_assignments, scenarios, icp, opportunities, accounts, reps RESTART IDENTITY; " +
                    "UPDATE data_version SET version = 0");
            }

            await db.ImportDataSetAsync(data);
        }

        var chat = new ConversationHarness(data, services =>
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddTerritoryDbContext(options, connectionString);
            services.AddWorkflowServices();
            services.AddSingleton<IWorkspaceSource>(sp => sp.GetRequiredService<DatabaseWorkspaceSource>());
            configure?.Invoke(services);
        });
        return new WorkflowHarness(chat, options, connectionString);
    }

    public TerritoryDbContext NewContext() => Context(Options, ConnectionString);

    /// <summary>An account the rep owns in the demo data.</summary>
    public string AccountOf(string repId, int skip = 0) =>
        Data.Accounts.Where(a => a.OwnerId == repId).Skip(skip).First().AccountId;

    public Task<TurnResult> AskAsync(string userId, string text) => Chat.AskAsync(userId, text);

    public Task<TurnResult> PressAsync(string userId, string verb, System.Text.Json.Nodes.JsonObject? data = null) =>
        Chat.PressAsync(userId, verb, data);

    public async Task<List<ProposalEntity>> ProposalsAsync()
    {
        await using var db = NewContext();
        return await db.Proposals.AsNoTracking().Include(p => p.Moves).OrderBy(p => p.Id).ToListAsync();
    }

    public async Task<ProposalEntity> LastProposalAsync() => (await ProposalsAsync()).Last();

    public async Task<string?> OwnerAsync(string accountId)
    {
        await using var db = NewContext();
        return await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.OwnerId).SingleAsync();
    }

    public async Task<List<AuditEntity>> AuditAsync(long proposalId)
    {
        await using var db = NewContext();
        return await db.AuditTrail.AsNoTracking().Where(a => a.ProposalId == proposalId).OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<List<OutboxEntity>> OutboxAsync(long proposalId)
    {
        await using var db = NewContext();
        return await db.Outbox.AsNoTracking().Where(o => o.ProposalId == proposalId).OrderBy(o => o.Id).ToListAsync();
    }

    public async Task<long> DataVersionAsync()
    {
        await using var db = NewContext();
        return await db.ReadDataVersionAsync();
    }

    public ValueTask DisposeAsync() => Chat.DisposeAsync();

    public static TerritoryDbContext Context(DatabaseOptions options, string connectionString) =>
        TerritoryDatabase.NewContext(options, connectionString);

    private static (DatabaseOptions, string) NewSqlite()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tb-wf-").FullName, "territory.db");
        return (new DatabaseOptions { Provider = "Sqlite" }, $"Data Source={file}");
    }

    /// <summary>The test server's database with <c>Search Path</c> set to a schema of its own, created when missing.</summary>
    public static async Task<(DatabaseOptions, string)> NewPostgresAsync(string schema)
    {
        var baseConnection = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
        if (string.IsNullOrWhiteSpace(baseConnection))
        {
            throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set: the workflow tests must run against PostgreSQL on CI.");
        }

        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{schema}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = schema };
        return (new DatabaseOptions { Provider = "Postgres" }, builder.ConnectionString);
    }
}
