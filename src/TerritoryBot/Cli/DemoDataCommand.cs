using System.CommandLine;
using System.Globalization;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Planning;
using TerritoryBot.Demo;

namespace TerritoryBot.Cli;

/// <summary><c>demo-data --out DIR [--accounts N] [--reps K] [--seed S] [--as-of DATE]</c>: writes a synthetic data folder.</summary>
internal static class DemoDataCommand
{
    public static Command Create()
    {
        // Numbers are taken as text and checked here, so a bad value is reported as bad input (exit 2).
        var output = new Option<string?>("--out") { Description = "Folder to write accounts.csv, reps.csv, opportunities.csv and icp.json into (created when missing)." };
        var accounts = new Option<string?>("--accounts") { Description = "Number of accounts (default 4200)." };
        var reps = new Option<string?>("--reps") { Description = "Number of reps carrying territories (default 8); a manager and an ops user are added." };
        var seed = new Option<string?>("--seed") { Description = "Random seed (default 42): the same seed and date give the same data." };
        var asOf = new Option<string?>("--as-of") { Description = "The data's \"today\", yyyy-MM-dd (default: today, UTC)." };
        var command = new Command("demo-data", "Write a realistic synthetic data folder.") { output, accounts, reps, seed, asOf };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(
            parseResult,
            (writer, token) =>
            {
                var today = CliSupport.Today();
                var options = ParseOptions(parseResult.GetValue(accounts), parseResult.GetValue(reps), parseResult.GetValue(seed), parseResult.GetValue(asOf), today);
                return RunAsync(parseResult.GetValue(output), options, writer, token);
            },
            ct));
        return command;
    }

    /// <summary>Generates the universe and writes it to <paramref name="outDir"/>, then says what it wrote.</summary>
    public static async Task<int> RunAsync(string? outDir, DemoOptions options, TextWriter output, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(outDir))
        {
            throw new BadInputException("demo-data: --out DIR is required.");
        }

        if (File.Exists(outDir))
        {
            throw new BadInputException($"demo-data: --out '{outDir}' is a file, not a folder.");
        }

        var data = DemoGenerator.Generate(options).Data;
        await DemoDataWriter.WriteAsync(data, outDir, ct);
        int people = data.Reps.Count, territoryReps = data.Reps.Count(r => r.CarriesTerritory);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote a demo universe (seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd}) to {Path.GetFullPath(outDir)}:"));
        new ColumnTable("File", "Rows", "Contents")
            .Add(DemoDataWriter.AccountsFile, Format.Int(data.Accounts.Count), $"accounts ({Format.Int(data.Accounts.Count(a => a.IsCustomer))} customers)")
            .Add(DemoDataWriter.RepsFile, Format.Int(people), $"people ({Format.Int(territoryReps)} reps, {Format.Int(people - territoryReps)} manager/ops)")
            .Add(DemoDataWriter.OpportunitiesFile, Format.Int(data.Opportunities.Count), $"opportunities ({Format.Int(data.Opportunities.Count(o => o.IsOpen))} open)")
            .Add(DemoDataWriter.IcpFile, "", data.Icp.Product)
            .Write(output);
        await output.WriteLineAsync($"Load it with: territorybot import --data {Path.GetFullPath(outDir)}");
        return CliSupport.Ok;
    }

    /// <summary>Checks the numeric options; every problem is reported at once.</summary>
    public static DemoOptions ParseOptions(string? accounts, string? reps, string? seed, string? asOf, DateOnly today)
    {
        var errors = new List<string>();
        int accountCount = ParseInt("--accounts", accounts, 4200, 1, DemoOptions.MaxAccounts, errors);
        int repCount = ParseInt("--reps", reps, 8, 1, DemoOptions.MaxReps, errors);
        int seedValue = ParseInt("--seed", seed, 42, int.MinValue, int.MaxValue, errors);
        var date = today;
        if (asOf is not null && !DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add($"demo-data: --as-of: '{asOf}' is not a date (yyyy-MM-dd).");
        }
        else if (date < new DateOnly(1950, 1, 1))
        {
            errors.Add($"demo-data: --as-of: '{asOf}' is before 1950-01-01.");
        }

        if (errors.Count > 0)
        {
            throw new BadInputException(errors);
        }

        return new DemoOptions(date, accountCount, repCount, seedValue);
    }

    private static int ParseInt(string name, string? text, int fallback, int min, int max, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            errors.Add($"demo-data: {name}: '{text}' is not a whole number.");
            return fallback;
        }

        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"demo-data: {name}: {value} is out of range ({min:N0} to {max:N0})."));
        }

        return value;
    }
}
