using System.Diagnostics;
using System.Text.Json.Nodes;
using TerritoryBot.Tests.Cards;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>Skipped (reason shown) without node or tests/e2e/node_modules on a developer machine; fails instead with CI=true.</summary>
public sealed class ManifestValidatorFactAttribute() : PrerequisiteFactAttribute(
    TeamsManifestTests.MissingPrerequisite(), "run `(cd tests/e2e && npm ci)` to validate the Teams manifest");

/// <summary>manifests/teams/manifest.json against Microsoft's manifest schema (@microsoft/app-manifest), offline.</summary>
public sealed class TeamsManifestTests
{
    private static string ManifestDirectory => Path.Combine(CardValidation.RepositoryRoot, "manifests", "teams");

    internal static string? MissingPrerequisite()
    {
        if (CardValidation.NodePath is null)
        {
            return "node is not on PATH";
        }

        var modules = Path.Combine(CardValidation.E2eDirectory, "node_modules");
        return Directory.Exists(Path.Combine(modules, "@microsoft", "app-manifest")) && Directory.Exists(Path.Combine(modules, "fs-extra"))
            ? null
            : $"{modules} has no @microsoft/app-manifest or fs-extra";
    }

    [ManifestValidatorFact]
    public async Task Validate_CommittedManifest_Valid()
    {
        var (exit, output) = await ValidateAsync(Path.Combine(ManifestDirectory, "manifest.json"));

        Assert.True(exit == 0, output);
        Assert.StartsWith("ok:", output.Trim());
    }

    [ManifestValidatorFact]
    public async Task Validate_BrokenManifest_ReportsEachProblem()
    {
        var dir = Directory.CreateTempSubdirectory("tb-manifest-").FullName;
        try
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDirectory, "manifest.json")))!.AsObject();
            manifest.Remove("accentColor");
            var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
            while (commands.Count <= 12)
            {
                commands.Add(new JsonObject { ["title"] = $"extra {commands.Count}", ["description"] = "one too many" });
            }

            File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());
            // The outline icon where the colour icon belongs: the wrong size.
            File.Copy(Path.Combine(ManifestDirectory, "outline.png"), Path.Combine(dir, "color.png"));
            File.Copy(Path.Combine(ManifestDirectory, "outline.png"), Path.Combine(dir, "outline.png"));

            var (exit, output) = await ValidateAsync(Path.Combine(dir, "manifest.json"));

            Assert.Equal(1, exit);
            Assert.Contains("accentColor", output);
            Assert.Contains("commandLists/0/commands must NOT have more than 12 items", output);
            Assert.Contains("icons.color: color.png is 32x32, must be 192x192", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> ValidateAsync(string manifest)
    {
        Assert.True(MissingPrerequisite() is null, $"CI is set but the manifest validator cannot run: {MissingPrerequisite()}");
        var start = new ProcessStartInfo(CardValidation.NodePath!)
        {
            WorkingDirectory = CardValidation.E2eDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("validate-teams-manifest.mjs");
        start.ArgumentList.Add(manifest);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
