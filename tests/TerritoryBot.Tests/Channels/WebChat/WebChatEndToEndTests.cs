using System.Diagnostics;
using System.Text;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Tests.Cards;
using TerritoryBot.Tests.Cli;
using TerritoryBot.Tests.Conversation;
using TerritoryBot.Tests.Data;
using TerritoryBot.Tests.Planning;

namespace TerritoryBot.Tests.Channels.WebChat;

/// <summary>
/// Skipped, with the reason shown, when node, Chromium, tests/e2e/node_modules (playwright-core) or the built
/// renderer (wwwroot/lib/adaptivecards.min.js, from the ClientApp npm install) is missing; with CI=true it fails instead.
/// </summary>
public sealed class WebChatE2eFactAttribute() : PrerequisiteFactAttribute(
    WebChatEndToEndTests.MissingPrerequisite(), ".ci/run shows how CI installs each piece");

/// <summary>
/// The real app (its own process, `serve` on 127.0.0.1 with a free port, a temp SQLite seeded with a small demo)
/// driven in headless Chromium by tests/e2e/webchat.e2e.mjs: the plain rendering without the renderer, then territory
/// card, drill-down, proposal and approval with it.
/// Screenshots go to tests/e2e/artifacts/.
/// </summary>
public sealed class WebChatEndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tb-webchat-e2e-").FullName;

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

    internal static string RendererFile => Path.Combine(Path.GetDirectoryName(typeof(WebHost).Assembly.Location)!, "wwwroot", "lib", "adaptivecards.min.js");

    internal static string? MissingPrerequisite()
    {
        if (Prerequisites.MissingBrowserTooling() is { } missing)
        {
            return missing;
        }

        return File.Exists(RendererFile)
            ? null
            : $"the web chat's renderer {RendererFile} was not built (the build installs it with npm from src/TerritoryBot/ClientApp when npm is available)";
    }

    [WebChatE2eFact]
    public async Task WebChat_InChromium_TerritoryCardDrillDownProposalAndApproval()
    {
        Assert.True(MissingPrerequisite() is null, $"CI is set but the web chat end-to-end test cannot run: {MissingPrerequisite()}");
        var data = ConversationHarness.Demo(accounts: 300, reps: 4, seed: 7);
        var dbFile = Path.Combine(_dir, "chat.db");
        await using (var db = TestDatabases.SqliteAt(dbFile))
        {
            await db.MigrateAsync();
            await db.ImportDataSetAsync(data);
        }

        var rep = data.Reps.First(r => r.Role == RepRole.Rep);
        var target = data.Reps.First(r => r.Role == RepRole.Rep && r.RepId != rep.RepId);
        var ops = data.Reps.First(r => r.Role == RepRole.Ops);
        var account = data.Accounts.First(a => a.OwnerId == rep.RepId && !a.NamedAccount);

        await using var app = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Territory"] = $"Data Source={dbFile}",
            ["Database__Provider"] = "Sqlite",
        });
        var (exit, log) = await RunScriptAsync(new Dictionary<string, string>
        {
            ["BASE_URL"] = app.Url,
            ["REP_ID"] = rep.RepId,
            ["OPS_ID"] = ops.RepId,
            ["ACCOUNT_ID"] = account.AccountId,
            ["TARGET_REP_ID"] = target.RepId,
            ["CHROMIUM"] = ChromiumFactAttribute.ChromiumPath,
            ["ARTIFACTS"] = Path.Combine(CardValidation.E2eDirectory, "artifacts"),
        });

        Assert.True(exit == 0, $"webchat.e2e.mjs exited {exit}:\n{log}\n--- app output ---\n{app.Output}");
        Assert.Contains("ok plain rendering without the renderer", log);
        Assert.Contains("ok territory card", log);
        Assert.Contains("ok drill-down", log);
        Assert.Contains("ok proposal card", log);
        Assert.Contains("ok approve", log);

        // The approval went through the workflow: the account now belongs to the target rep.
        await using var check = TestDatabases.SqliteAt(dbFile);
        Assert.Equal(target.RepId, check.Accounts.Single(a => a.Id == account.AccountId).OwnerId);
    }

    private static async Task<(int Exit, string Log)> RunScriptAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(CardValidation.NodePath!)
        {
            WorkingDirectory = CardValidation.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("tests", "e2e", "webchat.e2e.mjs"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

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
            throw new TimeoutException("webchat.e2e.mjs did not finish within 4 minutes:\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
