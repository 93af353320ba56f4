using System.Diagnostics;
using TerritoryBot.Tests.Import;

namespace TerritoryBot.Tests.Planning;

/// <summary>`plan` and `fit` through the real executable on a data folder: exit codes, stdout, --out.</summary>
public sealed class PlanCliTests
{
    [Fact]
    public async Task Plan_DataFolder_HtmlToFileWithAssignments()
    {
        using var folder = new TestFolder();
        string outFile = Path.Combine(folder.Path, "out", "plan-r1.html");
        string assignments = Path.Combine(folder.Path, "move.csv");
        await File.WriteAllTextAsync(assignments, "account_id,rep_id\nA1,R1\nA2,R1\nA3,R2\n");

        var (exit, stdout, stderr) = await RunAsync("plan", "--rep", "R1", "--data", folder.Path, "--format", "html",
            "--assignments", assignments, "--out", outFile, "--as-of", "2024-06-01");

        Assert.True(exit == 0, stderr);
        Assert.Equal("", stdout);
        string html = await File.ReadAllTextAsync(outFile);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Beta Bank", html, StringComparison.Ordinal); // comes from R2
        Assert.Contains("Rosa Rep (R2)", html, StringComparison.Ordinal); // as its transition owner
    }

    [Theory]
    [InlineData("R9")]
    [InlineData("M1")]
    public async Task Plan_UnknownRepOrManager_ExitsTwo(string rep)
    {
        using var folder = new TestFolder();
        var (exit, stdout, stderr) = await RunAsync("plan", "--rep", rep, "--data", folder.Path);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--rep", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_Json_PrintsOneDocument()
    {
        using var folder = new TestFolder();
        var (exit, stdout, stderr) = await RunAsync("fit", "--data", folder.Path, "--json");
        Assert.True(exit == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("reps").GetArrayLength());
        Assert.Equal(1, doc.RootElement.GetProperty("team").GetProperty("deals").GetInt32());
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        Cli.CliProcess.RunAsync(null, args);
}
