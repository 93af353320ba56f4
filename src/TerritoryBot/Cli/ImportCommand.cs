using System.CommandLine;
using TerritoryBot.Core.Planning;
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
        var table = new ColumnTable("Table", "Rows", "Inserted", "Updated")
            .Add(Row("accounts", summary.Accounts))
            .Add(Row("reps", summary.Reps))
            .Add(Row("opportunities", summary.Opportunities));
        table.Write(output);
        await output.WriteLineAsync(folder.HasIcp ? "icp.json replaced." : "icp.json absent; stored profile kept (default when none).");
        // Industry labels are stored as given and normalised at every load; this says how they will be read.
        var stored = folder.HasIcp ? folder.Data! : folder.Data! with { Icp = await db.LoadIcpAsync(ct) };
        foreach (var line in IndustryTable.ReportLines(stored))
        {
            await output.WriteLineAsync(line);
        }
        return CliSupport.Ok;
    }

    private static string[] Row(string table, UpsertCounts counts) =>
        [table, Format.Int(counts.Total), Format.Int(counts.Inserted), Format.Int(counts.Updated)];
}
