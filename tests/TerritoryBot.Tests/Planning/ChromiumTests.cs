using System.Diagnostics;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Tests.Planning;

namespace TerritoryBot.Tests.Planning;

/// <summary>Skipped (with the reason shown) when Chromium is missing on a developer machine; on CI (CI=true) it must run.</summary>
public sealed class ChromiumFactAttribute() : PrerequisiteFactAttribute(
    File.Exists(ChromiumPath) ? null : $"Chromium not found at {ChromiumPath}", "install it (.ci/install-chromium.sh) to run the HTML plan check")
{
    public const string ChromiumPath = "/usr/bin/chromium";
}

public sealed class ChromiumTests
{
    [ChromiumFact]
    public async Task PlanHtml_OpenedInHeadlessChromium_ParsesWithoutErrorsAndScreenshots()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath),
            $"CI is set but Chromium is missing at {ChromiumFactAttribute.ChromiumPath}; .ci/install-chromium.sh installs it.");
        var plan = TerritoryPlanner.Build(PlanFixture.Input("r1", PlanFixture.Target(), "scenario rebalance"));
        string html = HtmlRenderer.Render(PlanDocumentBuilder.Build(plan));

        string work = Directory.CreateTempSubdirectory("territorybot-chromium-").FullName;
        try
        {
            string page = Path.Combine(work, "plan.html");
            await File.WriteAllTextAsync(page, html);
            string url = new Uri(page).AbsoluteUri;

            var dump = await RunChromiumAsync(work, "--dump-dom", "--enable-logging=stderr", "--v=0", url);
            Assert.True(dump.ExitCode == 0, $"chromium --dump-dom exited {dump.ExitCode}: {dump.Stderr}");
            Assert.Contains("Territory plan — Ada Lovelace", dump.Stdout, StringComparison.Ordinal);
            Assert.Contains("id=\"risks\"", dump.Stdout, StringComparison.Ordinal);
            Assert.Equal(3, dump.Stdout.Split("<svg").Length - 1);
            // The hostile account name arrives as text, never as an element.
            Assert.Contains("Acme &lt;script&gt;", dump.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", dump.Stdout, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", dump.Stdout, StringComparison.OrdinalIgnoreCase);
            // The page has no script, so any console message (a failed load, a parse error) is a defect.
            var console = dump.Stderr.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)).ToArray();
            Assert.True(console.Length == 0, "console output: " + string.Join('\n', console));

            string artifacts = ArtifactsDirectory();
            string png = Path.Combine(artifacts, "plan-r1.png");
            File.Delete(png);
            var shot = await RunChromiumAsync(work, $"--screenshot={png}", "--window-size=1200,1600", url);
            Assert.True(shot.ExitCode == 0, $"chromium --screenshot exited {shot.ExitCode}: {shot.Stderr}");
            var bytes = await File.ReadAllBytesAsync(png);
            Assert.True(bytes.Length > 20_000, $"screenshot suspiciously small: {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            // IHDR width and height, big-endian at offsets 16 and 20.
            Assert.Equal(1200, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
            Assert.Equal(1600, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
            await File.WriteAllTextAsync(Path.Combine(artifacts, "plan-r1.html"), html);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string ArtifactsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TerritoryBot.sln")))
        {
            dir = dir.Parent;
        }

        string path = dir is null ? Path.Combine(AppContext.BaseDirectory, "artifacts") : Path.Combine(dir.FullName, "tests", "e2e", "artifacts");
        Directory.CreateDirectory(path);
        return path;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunChromiumAsync(string work, params string[] args)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.ChromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(work, "profile")}",
                 }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 90 s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
