using System.Diagnostics;
using System.Text.Json.Nodes;
using TerritoryBot.Tests.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Workflow;

/// <summary>
/// Runs only when PostgreSQL is configured (as <see cref="PostgresFactAttribute"/>) and the executable has the
/// <c>ask</c> command (it arrives with the web chat work; until then the test is skipped with this reason).
/// </summary>
public sealed class PostgresAskFactAttribute : FactAttribute
{
    public PostgresAskFactAttribute()
    {
        Skip = new PostgresFactAttribute().Skip;
        if (Skip is null && typeof(TerritoryBot.WebHost).Assembly.GetType("TerritoryBot.Cli.AskCommand") is null)
        {
            Skip = "the `territorybot ask` command is not in this build yet; this test approves through it from two processes.";
        }
    }
}

/// <summary>Two app processes sharing one PostgreSQL approve the same proposal at once: exactly one applies it.</summary>
public sealed class TwoProcessTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> AskAsync(string connectionString, string user, string question)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(TerritoryBot.WebHost).Assembly.Location, "ask", "--as", user, "--json", question })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Territory"] = connectionString;
        start.Environment["Database__Provider"] = "Postgres";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }

    [PostgresAskFact]
    public async Task Ask_TwoProcessesApproveOneProposal_ExactlyOneApplies()
    {
        await using var h = await WorkflowHarness.CreateAsync("tb_two_process_tests");
        var accounts = new[] { h.AccountOf("R001"), h.AccountOf("R002") };
        await h.AskAsync(WorkflowHarness.Ops, $"move {accounts[0]} and {accounts[1]} to R003 because of the new regions");
        var p = await h.LastProposalAsync();
        var version = await h.DataVersionAsync();

        var runs = await Task.WhenAll(
            AskAsync(h.ConnectionString, WorkflowHarness.Ops, $"approve {p.Id}"),
            AskAsync(h.ConnectionString, WorkflowHarness.Ops, $"approve proposal #{p.Id}"));

        var answers = runs.Select(r =>
        {
            Assert.True(r.Exit == 0, $"exit {r.Exit}: {r.Stderr}");
            return JsonNode.Parse(r.Stdout)!;
        }).ToList();
        Assert.All(answers, a => Assert.Equal("approve_proposal", (string?)a["intent"]));
        Assert.Single(answers, a => ((string)a["text"]!).Contains("already approved by", StringComparison.Ordinal));
        var after = await h.LastProposalAsync();
        Assert.Equal((ProposalStatus.Applied, p.Version + 1), (after.Status, after.Version));
        Assert.Equal(2, (await h.AuditAsync(p.Id)).Count(a => a.Action == AuditActions.Applied));
        Assert.Equal(version + 1, await h.DataVersionAsync());
        foreach (var account in accounts)
        {
            Assert.Equal("R003", await h.OwnerAsync(account));
        }
    }
}
