using System.CommandLine;
using TerritoryBot.Data;
using TerritoryBot.Import;

namespace TerritoryBot.Cli;

/// <summary><c>territorybot import --data DIR</c>: validate a data folder and upsert it into the database, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The data folder: accounts.csv, reps.csv, opportunities.csv and optional icp.json.",
            Required = true,
        };
        var command = new Command("import", "Validate a data folder and load it into the database (all or nothing; re-import upserts by id).") { data };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            // Validate before opening the database, so a bad folder does not even create the database file.
            var dir = parseResult.GetRequiredValue(data);
            var folder = DataSource.LoadFolder(dir, token);
            await using var db = await TerritoryDatabase.OpenAsync(ct: token);
            return await RunAsync(dir, folder, db, output, token);
        }, ct));
        return command;
    }

    /// <summary>Imports a validated folder (see <see cref="DataSource.LoadFolder"/>) in one transaction and prints what changed.</summary>
    public static async Task<int> RunAsync(DirectoryInfo dataDir, DataFolderResult folder, TerritoryDbContext db, TextWriter output, CancellationToken ct)
    {
        var summary = await db.ImportDataSetAsync(folder.Data!, replaceIcp: folder.HasIcp, ct);
        await output.WriteLineAsync($"Imported {dataDir.FullName}");
        await output.WriteLineAsync(Line("accounts", summary.Accounts));
        await output.WriteLineAsync(Line("reps", summary.Reps));
        await output.WriteLineAsync(Line("opportunities", summary.Opportunities));
        await output.WriteLineAsync(folder.HasIcp ? "  icp.json       replaced" : "  icp.json       absent; stored profile kept (default when none)");
        return CliSupport.Ok;
    }

    private static string Line(string table, UpsertCounts counts) =>
        $"  {table,-14} {counts.Total,8:N0}  ({counts.Inserted:N0} inserted, {counts.Updated:N0} updated)";
}
