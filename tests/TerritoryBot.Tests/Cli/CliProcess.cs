using System.Diagnostics;

namespace TerritoryBot.Tests.Cli;

/// <summary>Runs the real territorybot executable, as a user would, and captures exit code, stdout and stderr.</summary>
internal static class CliProcess
{
    /// <param name="connectionString">SQLite database for the run; null leaves the configuration alone (for --data runs).</param>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string? connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(TerritoryBot.WebHost).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__Territory"] = connectionString;
            start.Environment["Database__Provider"] = "Sqlite";
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}
