using System.Diagnostics;
using System.Net;
using System.Text;
using TerritoryBot.Tests.Cards;
using TerritoryBot.Tests.Cli;
using TerritoryBot.Tests.Planning;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>
/// Skipped (reason shown) when node, tests/e2e/node_modules (Agents Playground, playwright-core) or Chromium is
/// missing on a developer machine; with CI=true it runs and fails instead.
/// </summary>
public sealed class PlaygroundFactAttribute() : PrerequisiteFactAttribute(
    TeamsPlaygroundTests.MissingPrerequisite(), "run `(cd tests/e2e && npm ci)` and install chromium to drive the Agents Playground");

/// <summary>
/// End to end with a real Teams-like client: the bot on a loopback port in anonymous mode, the Microsoft 365 Agents
/// Playground pointed at it (PROTOCOLS.md E), and tests/e2e/teams-playground.mjs driving the playground page in
/// headless Chromium: greeting, a typed reassignment answered with a proposal card, its Approve button
/// (Action.Execute, answered with the approved card), and a drill-down invoke's response through the REST route.
/// </summary>
public sealed class TeamsPlaygroundTests
{
    private static string PlaygroundCli => Path.Combine(CardValidation.E2eDirectory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    internal static string? MissingPrerequisite() =>
        Prerequisites.MissingBrowserTooling()
        ?? (File.Exists(PlaygroundCli) ? null : $"{Path.Combine(CardValidation.E2eDirectory, "node_modules")} has no @microsoft/m365agentsplayground");

    [PlaygroundFact]
    public async Task Playground_MessageCardAndExecute_WorkEndToEnd()
    {
        Assert.True(MissingPrerequisite() is null, $"CI is set but the playground cannot run: {MissingPrerequisite()}");
        await using var bot = await TeamsBotHost.StartAsync(appId: null);
        var ops = bot.Ops;
        // The typed message proposes a move; the card's Approve button (Action.Execute proposal.approve) applies it.
        var account = bot.Data.Accounts.First(a => a.OwnerId == "R001").AccountId;
        var dir = Directory.CreateTempSubdirectory("tb-playground-").FullName;
        var port = ServerProcess.FreeLoopbackPort();
        File.WriteAllText(Path.Combine(dir, ".m365agentsplayground.yml"), PlaygroundConfig(ops.TeamsAadObjectId!, ops.Name));

        var playgroundLog = new StringBuilder();
        using var playground = StartPlayground(dir, port, bot.App.Urls.First() + "/api/messages", playgroundLog);
        try
        {
            var url = $"http://127.0.0.1:{port}/";
            await WaitForPlaygroundAsync(url, playground, playgroundLog);

            var (exit, output) = await RunNodeAsync(
                Path.Combine(CardValidation.E2eDirectory, "teams-playground.mjs"),
                url, $"move {account} to R002 because the playground test asks", "Pending approval", "Approve", "Approved by",
                "accounts.top", """{"top":25}""", Path.Combine(dir, "screenshots"));

            Assert.True(exit == 0, $"teams-playground.mjs failed ({exit}):\n{output}\n--- playground log ---\n{Tail(playgroundLog)}");
            Assert.Contains("\"ok\":true", output);
        }
        finally
        {
            Stop(playground);
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left in temp: harmless.
            }
        }
    }

    /// <summary>The playground's configuration: the current user is the ops person of the data set (it refuses fewer than 5 users).</summary>
    private static string PlaygroundConfig(string aadObjectId, string name)
    {
        var yml = new StringBuilder();
        yml.AppendLine("version: \"0.1.1\"");
        yml.AppendLine("tenantId: 00000000-0000-0000-0000-0000000000001");
        yml.AppendLine("bot:\n  id: 00000000-0000-0000-0000-00000000000011\n  name: TerritoryBot");
        yml.AppendLine($"currentUser:\n  id: user-id-0\n  name: {name}\n  userPrincipleName: ops@example.com\n  aadObjectId: {aadObjectId}\n  givenName: Ops\n  surname: User\n  email: ops@example.com");
        yml.AppendLine("users:");
        for (var i = 1; i <= 5; i++)
        {
            yml.AppendLine($"  - id: user-id-{i}\n    name: User {i}\n    userPrincipleName: user{i}@example.com\n    aadObjectId: 00000000-0000-0000-0000-00000000002{i}\n    givenName: User\n    surname: N{i}\n    email: user{i}@example.com");
        }

        yml.AppendLine("personalChat:\n  id: personal-chat-id\ngroupChat:\n  id: group-chat-id\n  name: Group Chat");
        yml.AppendLine("team:\n  id: team-id\n  name: My Team\n  aadGroupId: 00000000-0000-0000-0000-000000000031\n  channels:\n    - id: channel-announcements-id\n      name: Announcements");
        return yml.ToString();
    }

    private static Process StartPlayground(string dir, int port, string botEndpoint, StringBuilder log)
    {
        var start = new ProcessStartInfo(CardValidation.NodePath!)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { PlaygroundCli, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["BOT_ENDPOINT"] = botEndpoint;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForPlaygroundAsync(string url, Process playground, StringBuilder log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(playground.HasExited, $"the playground exited ({(playground.HasExited ? playground.ExitCode : 0)}):\n{Tail(log)}");
            try
            {
                using var response = await http.GetAsync(url + "_internal/v1/config");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the playground did not start within a minute:\n{Tail(log)}");
    }

    private static async Task<(int Exit, string Output)> RunNodeAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo(CardValidation.NodePath!)
        {
            WorkingDirectory = CardValidation.E2eDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CHROMIUM"] = ChromiumFactAttribute.ChromiumPath;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }
}
