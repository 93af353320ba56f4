using System.CommandLine;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;

namespace TerritoryBot.Cli;

/// <summary>`territorybot export`: account → owner CSV of a scenario (or the current plan) for CRM upload.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var scenario = DesignCommand.ScenarioOption($"Scenario to export ({string.Join(", ", ScenarioNames.All)}, or current).");
        scenario.Required = true;
        var outFile = new Option<FileInfo>("--out") { Description = "CSV file to write (replaced atomically).", Required = true };
        var maxMoved = DesignCommand.MaxMovedOption();
        var maxArr = DesignCommand.MaxArrMovedOption();
        var protect = DesignCommand.ProtectOption();
        var seed = DesignCommand.SeedOption();
        var tierRules = DesignCommand.TierRulesOption();
        var targets = DesignCommand.TargetsOption("Targets the scenario is designed against: equal (default), quota or capacity.");
        var command = new Command("export", "Write account_id, account_name, rep_id, rep_name of a scenario as CSV for CRM upload.")
        {
            data, scenario, outFile, maxMoved, maxArr, protect, seed, tierRules, targets,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var request = new DesignRequest(parseResult.GetValue(scenario), parseResult.GetValue(maxMoved), parseResult.GetValue(protect),
                false, parseResult.GetValue(seed), parseResult.GetValue(maxArr), parseResult.GetValue(tierRules),
                DesignCommand.ParseTargets(parseResult.GetValue(targets)));
            DesignCommand.Validate(request, allowCurrent: true);
            var dir = parseResult.GetValue(data);
            var dataSet = await DataSource.LoadAsync(dir, token);
            IReadOnlyList<Assignment>? stored = null;
            bool designOptionsGiven = request.MaxMovedPct is not null || request.MaxArrMovedPct is not null || request.ProtectPipeline || request.Seed != 42 || request.TierRules
                || request.Targets != TargetMode.Equal;
            if (dir is null && !designOptionsGiven && !request.Scenario!.Equals(ScenarioNames.Current, StringComparison.OrdinalIgnoreCase))
            {
                // The scenario the user reviewed with `design` is the one to upload, if it was saved.
                await using var db = await TerritoryDatabase.OpenAsync(null, token);
                stored = (await db.LoadScenarioAsync(request.Scenario.ToLowerInvariant(), token))?.Assignments;
            }

            return Run(dataSet, request, parseResult.GetValue(outFile)!, CliSupport.Today(), output, stored);
        }, ct));
        return command;
    }

    /// <summary>The command body on an in-memory data set (tests call this directly).</summary>
    public static int Run(DataSet data, DesignRequest request, FileInfo outFile, DateOnly asOf, TextWriter output, IReadOnlyList<Assignment>? stored = null)
    {
        DesignCommand.Validate(request, allowCurrent: true);
        if (request.Scenario is null)
        {
            throw new BadInputException("--scenario is required.");
        }

        var reps = data.Reps.ToDictionary(r => r.RepId, StringComparer.Ordinal);
        IEnumerable<(Account Account, string? RepId)> rows;
        if (request.Scenario.Equals(ScenarioNames.Current, StringComparison.OrdinalIgnoreCase))
        {
            rows = data.Accounts.Select(a => (a, a.OwnerId));
        }
        else if (stored is not null && stored.Count == data.Accounts.Count)
        {
            var owner = stored.ToDictionary(a => a.AccountId, a => a.RepId, StringComparer.Ordinal);
            rows = data.Accounts.Select(a => (a, owner.TryGetValue(a.AccountId, out var r) ? r : null));
        }
        else
        {
            var result = DesignCommand.Design(data, request, asOf);
            var s = result.Scenarios.Single();
            rows = data.Accounts.Select((a, i) => (a, s.RepIdOf(i)));
        }

        int count = WriteCsvAtomically(outFile, rows, reps);
        output.WriteLine($"wrote {count} accounts of {request.Scenario.ToLowerInvariant()} to {outFile.FullName}");
        return CliSupport.Ok;
    }

    private static int WriteCsvAtomically(FileInfo outFile, IEnumerable<(Account Account, string? RepId)> rows, Dictionary<string, Rep> reps)
    {
        var directory = outFile.Directory ?? new DirectoryInfo(Directory.GetCurrentDirectory());
        if (!directory.Exists)
        {
            throw new BadInputException($"--out: directory '{directory.FullName}' does not exist.");
        }

        int count = 0;
        CliSupport.WriteAtomically(outFile, writer =>
        {
            writer.NewLine = "\r\n";
            writer.WriteLine("account_id,account_name,rep_id,rep_name");
            foreach (var (account, repId) in rows)
            {
                string repName = repId is not null && reps.TryGetValue(repId, out var rep) ? rep.Name : "";
                writer.WriteLine(string.Join(',', Field(account.AccountId, false), Field(account.Name, true), Field(repId ?? "", false), Field(repName, true)));
                count++;
            }
        });

        return count;
    }

    /// <summary>RFC 4180 quoting; in names a leading formula character is neutralised so spreadsheets do not run it (ids are kept verbatim).</summary>
    private static string Field(string value, bool isName)
    {
        if (isName && value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
