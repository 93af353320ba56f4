using System.Diagnostics;

namespace TerritoryBot.Tests.Cards;

/// <summary>
/// Runs tests/e2e/validate-cards.mjs (official schema + official adaptivecards parser) on a folder of cards.
/// Tests using it are skipped, with the reason shown, when node or tests/e2e/node_modules is missing on a
/// developer machine; with CI=true they run and fail instead.
/// </summary>
public sealed class CardValidatorFactAttribute() : PrerequisiteFactAttribute(
    CardValidation.MissingPrerequisite(), "run `(cd tests/e2e && npm ci)` to validate cards against the Adaptive Card schema and renderer");

internal static class CardValidation
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TerritoryBot.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("TerritoryBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string E2eDirectory => Path.Combine(RepositoryRoot, "tests", "e2e");

    public static string? NodePath =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);

    public static string? MissingPrerequisite()
    {
        if (NodePath is null)
        {
            return "node is not on PATH";
        }

        return Directory.Exists(Path.Combine(E2eDirectory, "node_modules", "adaptivecards")) && Directory.Exists(Path.Combine(E2eDirectory, "node_modules", "ajv"))
            ? null
            : $"{Path.Combine(E2eDirectory, "node_modules")} has no adaptivecards/ajv";
    }

    /// <summary>Runs the validator on <paramref name="folder"/>; returns its exit code and its output.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string folder)
    {
        Assert.True(MissingPrerequisite() is null, $"CI is set but the card validator cannot run: {MissingPrerequisite()}; .ci/run installs tests/e2e with npm ci.");
        var start = new ProcessStartInfo(NodePath!)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("tests", "e2e", "validate-cards.mjs"));
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
