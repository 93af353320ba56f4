using System.Diagnostics;

namespace TerritoryBot.Tests.Cli;

/// <summary>Runs the real territorybot executable, as a user would, and captures exit code, stdout and stderr.</summary>
internal static class CliProcess
{
    /// <param name="connectionString">SQLite database for the run; null leaves the configuration alone (for --data runs).</param>
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(string? connectionString, params string[] args) =>
        RunWithEnvironmentAsync(
            connectionString is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["ConnectionStrings__Territory"] = connectionString, ["Database__Provider"] = "Sqlite" },
            args);

    /// <param name="environment">Variables set for the run (e.g. a PostgreSQL connection and provider).</param>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(TerritoryBot.WebHost).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A temporary directory with its own SQLite database, for runs of the real executable against the database path.</summary>
internal sealed class CliSandbox(string prefix) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory(prefix).FullName;

    public string DbFile => Path.Combine(_dir, "db", "territory.db");

    public Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        CliProcess.RunAsync($"Data Source={DbFile}", args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
