using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Import;
using TerritoryBot.Tests.Import;

namespace TerritoryBot.Tests.Data;

/// <summary>
/// The data tests, written once and run against each provider by the subclasses (xunit 2 cannot skip a test
/// dynamically, so each provider class declares its facts with its own attribute and calls these).
/// </summary>
public abstract class StoreContract
{
    private protected abstract Task<TerritoryDbContext> OpenAsync();

    private static DataSet ValidData(Action<TestFolder>? change = null)
    {
        using var folder = new TestFolder();
        folder.WriteText("icp.json", """{"product":"Widgets","averageAcv":50000,"targetIndustries":{"Software":1},"competitors":["Rival"]}""");
        change?.Invoke(folder);
        var result = DataFolderLoader.Load(folder.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Data!;
    }

    private static string Json(DataSet data) => JsonSerializer.Serialize(data);

    protected async Task CheckImportThenLoadRoundTripsEveryField()
    {
        var data = ValidData();
        await using var db = await OpenAsync();

        var summary = await db.ImportDataSetAsync(data);

        Assert.Equal(new UpsertCounts(3, 0), summary.Accounts);
        Assert.Equal(new UpsertCounts(3, 0), summary.Reps);
        Assert.Equal(new UpsertCounts(2, 0), summary.Opportunities);
        db.ChangeTracker.Clear();
        Assert.Equal(Json(data), Json(await db.LoadDataSetAsync()));
        Assert.True(await db.HasDataAsync());
    }

    protected async Task CheckReimportUpsertsById()
    {
        await using var db = await OpenAsync();
        await db.ImportDataSetAsync(ValidData());

        var second = ValidData(f => f
            .Set("accounts.csv", 0, "name", "Acme Renamed")
            .Set("accounts.csv", 0, "owner_id", "R2")
            .AddRow("accounts.csv", "A4", "Delta", "Software", "10"));
        second = second with { Reps = [.. second.Reps.Where(r => r.RepId != "M1" && r.RepId != "R1").Select(r => r with { ManagerId = null })] };
        second = second with { Opportunities = [.. second.Opportunities.Where(o => o.OwnerId != "R1")], Accounts = [.. second.Accounts.Select(a => a.OwnerId == "R1" ? a with { OwnerId = null, NamedAccount = false } : a)] };
        var summary = await db.ImportDataSetAsync(second, replaceIcp: false);

        Assert.Equal(new UpsertCounts(1, 3), summary.Accounts);
        Assert.Equal(new UpsertCounts(0, 1), summary.Reps);
        db.ChangeTracker.Clear();
        var stored = await db.LoadDataSetAsync();
        Assert.Equal(["A1", "A2", "A3", "A4"], stored.Accounts.Select(a => a.AccountId));
        Assert.Equal("Acme Renamed", stored.Accounts[0].Name);
        Assert.Equal("R2", stored.Accounts[0].OwnerId);
        // Rows absent from the second folder are kept; the ICP profile was not replaced.
        Assert.Equal(["M1", "R1", "R2"], stored.Reps.Select(r => r.RepId));
        Assert.Equal(2, stored.Opportunities.Count);
        Assert.Equal("Widgets", stored.Icp.Product);
    }

    protected async Task CheckRejectedRowChangesNothing()
    {
        await using var db = await OpenAsync();
        var data = ValidData();
        await db.ImportDataSetAsync(data);
        db.ChangeTracker.Clear();
        var before = Json(await db.LoadDataSetAsync());

        // Bypasses the loader: the database's foreign key refuses the last opportunity after earlier rows were written.
        var bad = data with
        {
            Accounts = [.. data.Accounts.Select(a => a with { Name = "changed" })],
            Reps = [.. data.Reps, new Rep { RepId = "R9", Name = "New" }],
            Opportunities = [.. data.Opportunities, new Opportunity { OpportunityId = "O9", AccountId = "NOPE", OwnerId = "R1", Amount = 1, Stage = "x" }],
            Icp = data.Icp with { Product = "changed" },
        };
        await Assert.ThrowsAnyAsync<Exception>(() => db.ImportDataSetAsync(bad));

        db.ChangeTracker.Clear();
        Assert.Equal(before, Json(await db.LoadDataSetAsync()));
    }

    protected async Task CheckManyRowsCrossBatchBoundaries()
    {
        await using var db = await OpenAsync();
        var reps = new List<Rep> { new() { RepId = "R1", Name = "One" } };
        var accounts = Enumerable.Range(0, 1234).Select(i => new Account
        {
            AccountId = $"A{i:D5}",
            Name = $"Company {i}",
            Industry = i % 2 == 0 ? "Software" : "Retail",
            Employees = i,
            OwnerId = i % 3 == 0 ? null : "R1",
            CurrentTier = i % 4 == 0 ? null : Tier.SMB,
            LastActivityDate = i % 5 == 0 ? null : new DateOnly(2024, 1, 1).AddDays(i % 300),
            Location = i % 7 == 0 ? null : new GeoPoint(i % 90, -(i % 180)),
        }).ToList();
        var data = new DataSet(accounts, reps, [], IcpProfile.Default);

        await db.ImportDataSetAsync(data);
        db.ChangeTracker.Clear();

        Assert.Equal(Json(data), Json(await db.LoadDataSetAsync()));
    }

    protected async Task CheckEmptyDatabaseHasNoData()
    {
        await using var db = await OpenAsync();
        Assert.False(await db.HasDataAsync());
        var data = await db.LoadDataSetAsync();
        Assert.Empty(data.Accounts);
        Assert.Same(IcpProfile.Default, data.Icp);
    }

    protected async Task CheckScenariosRoundTripAndReplaceByName()
    {
        await using var db = await OpenAsync();
        var created = new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);
        var geographic = new StoredScenario("geographic", created, false, """{"gini":0.12}""", [new("A2", "R2"), new("A1", "R1")]);
        var hybrid = new StoredScenario("hybrid", created, true, """{"gini":0.05}""", [new("A1", "R2")]);

        await db.SaveScenariosAsync([geographic, hybrid]);
        var stored = await db.LoadScenariosAsync();

        Assert.Equal(["geographic", "hybrid"], stored.Select(s => s.Name));
        Assert.Equal([new Assignment("A1", "R1"), new Assignment("A2", "R2")], stored[0].Assignments);
        Assert.Equal((created, false, """{"gini":0.12}"""), (stored[0].CreatedAtUtc, stored[0].Recommended, stored[0].MetricsJson));
        Assert.True(stored[1].Recommended);

        await db.SaveScenariosAsync([geographic with { Recommended = true, Assignments = [new("A3", "R1")] }]);
        var replaced = await db.LoadScenarioAsync("geographic");
        Assert.NotNull(replaced);
        Assert.True(replaced.Recommended);
        Assert.Equal([new Assignment("A3", "R1")], replaced.Assignments);
        Assert.Equal(2, (await db.LoadScenariosAsync()).Count);
        Assert.Null(await db.LoadScenarioAsync("missing"));
    }

    protected async Task CheckSchemaHasEveryMappedColumn()
    {
        await using var db = await OpenAsync();
        // Migrations are hand-written without a model snapshot: this is the check that they match the model.
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName(table)}\""));
#pragma warning disable EF1002 // identifiers from the model, not user input
            await db.Database.ExecuteSqlRawAsync($"SELECT {columns} FROM \"{table.Name}\" WHERE 1 = 0");
#pragma warning restore EF1002
        }

        // Migrating an up-to-date database does nothing.
        await db.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class SqliteStoreTests : StoreContract
{
    private protected override Task<TerritoryDbContext> OpenAsync() => TestDatabases.NewSqliteAsync();

    [Fact] public Task ImportDataSet_ValidData_LoadRoundTripsEveryField() => CheckImportThenLoadRoundTripsEveryField();
    [Fact] public Task ImportDataSet_Reimport_UpsertsById() => CheckReimportUpsertsById();
    [Fact] public Task ImportDataSet_DatabaseRejectsRow_ChangesNothing() => CheckRejectedRowChangesNothing();
    [Fact] public Task ImportDataSet_ManyRows_CrossesBatchBoundaries() => CheckManyRowsCrossBatchBoundaries();
    [Fact] public Task LoadDataSet_EmptyDatabase_ReturnsEmpty() => CheckEmptyDatabaseHasNoData();
    [Fact] public Task SaveScenarios_SameName_RoundTripsAndReplaces() => CheckScenariosRoundTripAndReplaceByName();
    [Fact] public Task Migrate_NewDatabase_HasEveryMappedColumn() => CheckSchemaHasEveryMappedColumn();
}

public sealed class PostgresStoreTests : StoreContract
{
    private protected override Task<TerritoryDbContext> OpenAsync() => TestDatabases.NewPostgresAsync();

    [PostgresFact] public Task ImportDataSet_ValidData_LoadRoundTripsEveryField() => CheckImportThenLoadRoundTripsEveryField();
    [PostgresFact] public Task ImportDataSet_Reimport_UpsertsById() => CheckReimportUpsertsById();
    [PostgresFact] public Task ImportDataSet_DatabaseRejectsRow_ChangesNothing() => CheckRejectedRowChangesNothing();
    [PostgresFact] public Task ImportDataSet_ManyRows_CrossesBatchBoundaries() => CheckManyRowsCrossBatchBoundaries();
    [PostgresFact] public Task LoadDataSet_EmptyDatabase_ReturnsEmpty() => CheckEmptyDatabaseHasNoData();
    [PostgresFact] public Task SaveScenarios_SameName_RoundTripsAndReplaces() => CheckScenariosRoundTripAndReplaceByName();
    [PostgresFact] public Task Migrate_NewDatabase_HasEveryMappedColumn() => CheckSchemaHasEveryMappedColumn();
}
