using Microsoft.EntityFrameworkCore;
using TerritoryBot.Core.Model;
using TerritoryBot.Import;

namespace TerritoryBot.Data;

/// <summary>Rows inserted and updated in one table by an import.</summary>
internal sealed record UpsertCounts(int Inserted, int Updated)
{
    public int Total => Inserted + Updated;
}

/// <summary>What <see cref="TerritoryStore.ImportDataSetAsync"/> changed.</summary>
internal sealed record ImportSummary(UpsertCounts Accounts, UpsertCounts Reps, UpsertCounts Opportunities, bool IcpReplaced);

/// <summary>A saved territory scenario: its assignments and its metrics (a JSON document the design engine defines).</summary>
internal sealed record StoredScenario(
    string Name, DateTime CreatedAtUtc, bool Recommended, string MetricsJson, IReadOnlyList<Assignment> Assignments);

/// <summary>Data-set level operations on the territory database, used by the CLI, the web host and the workflow.</summary>
internal static class TerritoryStore
{
    /// <summary>
    /// Upserts a validated data set by id, all or nothing, in one transaction: reps, then accounts, then
    /// opportunities (the order the foreign keys need), then the ICP profile when <paramref name="replaceIcp"/>.
    /// Rows not in <paramref name="data"/> are kept. Throws (and changes nothing) when the database refuses a row.
    /// </summary>
    public static async Task<ImportSummary> ImportDataSetAsync(
        this TerritoryDbContext db, DataSet data, bool replaceIcp = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var reps = Count(await db.Reps.AsNoTracking().Select(r => r.Id).ToListAsync(ct), data.Reps.Select(r => r.RepId));
        await db.UpsertAsync(data.Reps.Select(r => r.ToEntity()).ToList(), ct);

        var accounts = Count(await db.Accounts.AsNoTracking().Select(a => a.Id).ToListAsync(ct), data.Accounts.Select(a => a.AccountId));
        await db.UpsertAsync(data.Accounts.Select(a => a.ToEntity()).ToList(), ct);

        var opportunities = Count(await db.Opportunities.AsNoTracking().Select(o => o.Id).ToListAsync(ct), data.Opportunities.Select(o => o.OpportunityId));
        await db.UpsertAsync(data.Opportunities.Select(o => o.ToEntity()).ToList(), ct);

        if (replaceIcp)
        {
            await db.UpsertAsync([new IcpEntity { Id = IcpEntity.SingletonId, Json = IcpJson.Serialize(data.Icp) }], ct);
        }

        await Workflow.DataVersion.BumpDataVersionAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new ImportSummary(accounts, reps, opportunities, replaceIcp);
    }

    /// <summary>Whether anything has been imported (any account or rep).</summary>
    public static async Task<bool> HasDataAsync(this TerritoryDbContext db, CancellationToken ct = default) =>
        await db.Reps.AnyAsync(ct) || await db.Accounts.AnyAsync(ct);

    /// <summary>
    /// Everything stored, as one data set: rows in id order (ordinal, the same on every provider), the stored
    /// ICP profile or <see cref="IcpProfile.Default"/>.
    /// </summary>
    public static async Task<DataSet> LoadDataSetAsync(this TerritoryDbContext db, CancellationToken ct = default)
    {
        var reps = (await db.Reps.AsNoTracking().ToListAsync(ct)).Select(e => e.ToModel()).OrderBy(r => r.RepId, StringComparer.Ordinal).ToList();
        var accounts = (await db.Accounts.AsNoTracking().ToListAsync(ct)).Select(e => e.ToModel()).OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        var opportunities = (await db.Opportunities.AsNoTracking().ToListAsync(ct)).Select(e => e.ToModel()).OrderBy(o => o.OpportunityId, StringComparer.Ordinal).ToList();
        return new DataSet(accounts, reps, opportunities, await db.LoadIcpAsync(ct));
    }

    /// <summary>The stored ICP profile, or <see cref="IcpProfile.Default"/> when none was imported.</summary>
    public static async Task<IcpProfile> LoadIcpAsync(this TerritoryDbContext db, CancellationToken ct = default)
    {
        var icpRow = await db.Icp.AsNoTracking().FirstOrDefaultAsync(i => i.Id == IcpEntity.SingletonId, ct);
        if (icpRow is null)
        {
            return IcpProfile.Default;
        }

        var problems = new List<string>();
        return IcpJson.Parse(System.Text.Encoding.UTF8.GetBytes(icpRow.Json), problems.Add)
               ?? throw new InvalidOperationException($"the stored ICP profile is not valid: {string.Join("; ", problems)}");
    }

    /// <summary>Saves scenarios in one transaction; a scenario replaces the stored one with the same name.</summary>
    public static async Task SaveScenariosAsync(
        this TerritoryDbContext db, IReadOnlyList<StoredScenario> scenarios, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var scenario in scenarios)
        {
            var old = await db.Scenarios.Where(s => s.Name == scenario.Name).Select(s => s.Id).ToListAsync(ct);
            await db.ScenarioAssignments.Where(a => old.Contains(a.ScenarioId)).ExecuteDeleteAsync(ct);
            await db.Scenarios.Where(s => old.Contains(s.Id)).ExecuteDeleteAsync(ct);

            var entity = new ScenarioEntity
            {
                Name = scenario.Name,
                CreatedAt = Utc(scenario.CreatedAtUtc),
                Recommended = scenario.Recommended,
                Metrics = scenario.MetricsJson,
            };
            db.Scenarios.Add(entity);
            await db.SaveChangesAsync(ct);
            db.Entry(entity).State = EntityState.Detached;

            await db.UpsertAsync(
                scenario.Assignments.Select(a => new ScenarioAssignmentEntity { ScenarioId = entity.Id, AccountId = a.AccountId, RepId = a.RepId }).ToList(),
                ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>All stored scenarios with their assignments (in account id order), by name.</summary>
    public static async Task<IReadOnlyList<StoredScenario>> LoadScenariosAsync(this TerritoryDbContext db, CancellationToken ct = default)
    {
        var scenarios = await db.Scenarios.AsNoTracking().Include(s => s.Assignments).ToListAsync(ct);
        return scenarios.OrderBy(s => s.Name, StringComparer.Ordinal).Select(ToModel).ToList();
    }

    /// <summary>One stored scenario by exact name, or null.</summary>
    public static async Task<StoredScenario?> LoadScenarioAsync(this TerritoryDbContext db, string name, CancellationToken ct = default)
    {
        var scenario = await db.Scenarios.AsNoTracking().Include(s => s.Assignments).FirstOrDefaultAsync(s => s.Name == name, ct);
        return scenario is null ? null : ToModel(scenario);
    }

    private static StoredScenario ToModel(ScenarioEntity s) => new(
        s.Name,
        Utc(s.CreatedAt),
        s.Recommended,
        s.Metrics,
        s.Assignments.OrderBy(a => a.AccountId, StringComparer.Ordinal).Select(a => new Assignment(a.AccountId, a.RepId)).ToList());

    private static UpsertCounts Count(List<string> existing, IEnumerable<string> incoming)
    {
        var known = existing.ToHashSet(StringComparer.Ordinal);
        int inserted = 0, updated = 0;
        foreach (var id in incoming)
        {
            if (known.Contains(id))
            {
                updated++;
            }
            else
            {
                inserted++;
            }
        }

        return new UpsertCounts(inserted, updated);
    }

    // SQLite returns DateTime without a kind; PostgreSQL timestamptz insists on UTC.
    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
