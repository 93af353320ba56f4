using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Tests.Workflow;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Channels.Slack;

/// <summary>The reassignment workflow through Slack: a proposal card posted, Approve pressed, the card replaced, applied once.</summary>
public sealed class SlackWorkflowTests : IAsyncLifetime
{
    private SlackApiStub stub = null!;

    public async Task InitializeAsync() => stub = await SlackApiStub.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task Interactions_ApproveOnAProposalCard_CardReplacedAndAppliedOnce()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tb-slack-wf-").FullName, "t.db");
        var options = new DatabaseOptions { Provider = "Sqlite" };
        var connection = $"Data Source={file};Pooling=False";
        await using var host = await SlackTestHost.StartAsync(stub, source: null, configure: services =>
        {
            services.AddTerritoryDbContext(options, connection);
            services.AddWorkflowServices();
            services.AddSingleton<IWorkspaceSource>(sp => sp.GetRequiredService<DatabaseWorkspaceSource>());
        });
        await using (var db = WorkflowHarness.Context(options, connection))
        {
            await db.MigrateAsync();
            await db.ImportDataSetAsync(host.Workspace.Data);
        }

        var ops = host.SlackIdOf(RepRole.Ops);
        var account = host.Workspace.Data.Accounts.First(a => a.OwnerId == "R001").AccountId;

        await host.EventAsync(SlackTestHost.Envelope("Ev1", SlackTestHost.DirectMessage(ops, "D1", $"move {account} to R003 because of the relationship")));
        var proposal = await stub.NextCallAsync();
        var blocks = proposal.Body["blocks"]!.AsArray();
        var approveBlock = blocks.First(b => (string)b!["type"]! == "actions"
            && b!["elements"]!.AsArray().Any(e => BlockKit.VerbOf((string)e!["action_id"]!) == ProposalCard.ApproveVerb))!;
        var approve = approveBlock["elements"]!.AsArray().First(e => BlockKit.VerbOf((string)e!["action_id"]!) == ProposalCard.ApproveVerb)!;
        Assert.Contains(blocks, b => (string)b!["type"]! == "input"); // the reject reason field

        var press = SlackTestHost.BlockActions(ops, (string)approve["action_id"]!, (string)approveBlock["block_id"]!, (string)approve["value"]!, stub.ResponseUrl("approve"));
        Assert.Equal(HttpStatusCode.OK, (await host.InteractionAsync(press)).StatusCode);
        var replaced = await stub.NextCallAsync();
        Assert.Equal("/respond/approve", replaced.Path);
        Assert.True((bool)replaced.Body["replace_original"]!);

        // Pressed again (a second click, or Slack showing the old card): nothing more is applied.
        Assert.Equal(HttpStatusCode.OK, (await host.InteractionAsync(press)).StatusCode);
        await stub.NextCallAsync();
        await using var check = WorkflowHarness.Context(options, connection);
        Assert.Equal("R003", await check.Accounts.Where(a => a.Id == account).Select(a => a.OwnerId).SingleAsync());
        Assert.Single(await check.Proposals.Where(p => p.Status == ProposalStatus.Applied).ToListAsync());
    }
}
