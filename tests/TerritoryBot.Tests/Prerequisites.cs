using TerritoryBot.Tests.Cards;
using TerritoryBot.Tests.Planning;

namespace TerritoryBot.Tests;

/// <summary>What the tests that need an outside tool (node packages, Chromium, PostgreSQL) share.</summary>
internal static class Prerequisites
{
    /// <summary>CI=true (or 1): a missing tool fails the test instead of skipping it, so CI cannot pass by skipping.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>What a test driving Chromium from tests/e2e needs (node, Chromium, playwright-core): the first that is missing, or null.</summary>
    public static string? MissingBrowserTooling()
    {
        if (CardValidation.NodePath is null)
        {
            return "node is not on PATH";
        }

        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            return $"Chromium not found at {ChromiumFactAttribute.ChromiumPath} (.ci/install-chromium.sh installs it)";
        }

        return Directory.Exists(Path.Combine(CardValidation.E2eDirectory, "node_modules", "playwright-core"))
            ? null
            : "tests/e2e/node_modules has no playwright-core; run `(cd tests/e2e && npm ci)`";
    }
}

/// <summary>
/// A fact skipped, with the reason shown, when something it needs is missing on a developer machine; with CI set
/// (<see cref="Prerequisites.IsCi"/>) it runs, and fails on the missing piece, instead.
/// </summary>
public abstract class PrerequisiteFactAttribute : FactAttribute
{
    protected PrerequisiteFactAttribute(string? missing, string remedy)
    {
        if (missing is not null && !Prerequisites.IsCi)
        {
            Skip = $"{missing}; {remedy}. With CI=true this test fails instead.";
        }
    }
}
