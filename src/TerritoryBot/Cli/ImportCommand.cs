using System.CommandLine;
using System.Text.Json.Nodes;
using TerritoryBot.Core.Planning;
using TerritoryBot.Data;
using TerritoryBot.Import;

namespace TerritoryBot.Cli;

/// <summary>
/// <c>territorybot import --data DIR [--mapping FILE] [--explain] [--json]</c>: validate a data folder (ours or CRM
/// exports) and upsert it into the database, all or nothing, then report what was recognised; or, with --explain,
/// only say how each column of each file would be read.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The data folder: accounts.csv, reps.csv, opportunities.csv (or CRM exports, .csv or .xlsx) and optional icp.json, mapping.json.",
            Required = true,
        };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "A mapping file for custom fields (default: mapping.json in the data folder)." };
        var explain = new Option<bool>("--explain") { Description = "Only print how each column of each file would be read; nothing is written." };
        var json = CliSupport.JsonOption();
        var command = new Command("import", "Validate a data folder and load it into the database (all or nothing; re-import upserts by id).") { data, mapping, explain, json };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var dir = parseResult.GetRequiredValue(data);
            var mappingPath = parseResult.GetValue(mapping)?.FullName;
            if (parseResult.GetValue(explain))
            {
                return Explain(dir, mappingPath, parseResult.GetValue(json), output);
            }

            // Validate before opening the database, so a bad folder does not even create the database file.
            var folder = DataFolderLoader.Load(dir.FullName, mappingPath, token);
            if (!folder.Succeeded)
            {
                throw new BadInputException(folder.Errors);
            }

            await using var db = await TerritoryDatabase.OpenAsync(ct: token);
            return await RunAsync(dir, folder, db, output, token, parseResult.GetValue(json));
        }, ct));
        return command;
    }

    /// <summary>Imports a validated folder (see <see cref="DataSource.LoadFolder"/>) in one transaction and prints what changed.</summary>
    public static async Task<int> RunAsync(DirectoryInfo dataDir, DataFolderResult folder, TerritoryDbContext db, TextWriter output, CancellationToken ct, bool json = false)
    {
        var summary = await db.ImportDataSetAsync(folder.Data!, replaceIcp: folder.HasIcp, ct);

        // Industry labels are stored as given and normalised at every load; the report says how they will be read
        // against the profile now stored.
        var icp = folder.HasIcp ? folder.Data!.Icp : await db.LoadIcpAsync(ct);
        IndustryTable.AddTo(folder.Report, folder.Data! with { Icp = icp });
        if (json)
        {
            var document = new JsonObject
            {
                ["folder"] = dataDir.FullName,
                ["imported"] = new JsonObject
                {
                    ["accounts"] = Counts(summary.Accounts),
                    ["reps"] = Counts(summary.Reps),
                    ["opportunities"] = Counts(summary.Opportunities),
                    ["icpReplaced"] = folder.HasIcp,
                },
                ["report"] = folder.Report.ToJson(),
            };
            CliSupport.WriteJson(output, document);
            return CliSupport.Ok;
        }

        await output.WriteLineAsync($"Imported {dataDir.FullName}");
        var table = new ColumnTable("Table", "Rows", "Inserted", "Updated")
            .Add(Row("accounts", summary.Accounts))
            .Add(Row("reps", summary.Reps))
            .Add(Row("opportunities", summary.Opportunities));
        table.Write(output);
        await output.WriteLineAsync(folder.HasIcp ? "icp.json replaced." : "icp.json absent; stored profile kept (default when none).");
        folder.Report.WriteText(output);
        return CliSupport.Ok;
    }

    /// <summary>--explain: the plan on stdout (text or JSON), problems on stderr with exit code 2; nothing is read past the headers.</summary>
    private static int Explain(DirectoryInfo dir, string? mappingPath, bool json, TextWriter output)
    {
        var (plan, errors) = DataFolderLoader.Explain(dir.FullName, mappingPath);
        if (json)
        {
            var document = plan?.ToJson() ?? [];
            document["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)JsonValue.Create(e))]);
            CliSupport.WriteJson(output, document);
        }
        else
        {
            plan?.WriteText(output);
        }

        return errors.Count > 0 ? throw new BadInputException(errors) : CliSupport.Ok;
    }

    private static JsonObject Counts(UpsertCounts counts) => new()
    {
        ["rows"] = counts.Total,
        ["inserted"] = counts.Inserted,
        ["updated"] = counts.Updated,
    };

    private static string[] Row(string table, UpsertCounts counts) =>
        [table, Format.Int(counts.Total), Format.Int(counts.Inserted), Format.Int(counts.Updated)];
}
