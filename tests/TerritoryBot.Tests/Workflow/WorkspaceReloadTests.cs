using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Conversation;
using TerritoryBot.Data;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Data;

namespace TerritoryBot.Tests.Workflow;

/// <summary>A second app instance (its own workspace source over the same database) notices changes through the data version.</summary>
public sealed class WorkspaceReloadTests
{
    private static (ServiceProvider Services, DatabaseWorkspaceSource Source) OtherInstance(WorkflowHarness h, TimeProvider clock, TimeSpan interval)
    {
        var services = new ServiceCollection()
            .AddTerritoryDbContext(h.Options, h.ConnectionString)
            .BuildServiceProvider();
        return (services, new DatabaseWorkspaceSource(services.GetRequiredService<IServiceScopeFactory>(), clock) { CheckInterval = interval });
    }

    [Fact]
    public async Task GetAsync_AnotherInstanceApplied_ReloadsAfterTheCheckInterval()
    {
        await using var h = await WorkflowHarness.CreateAsync(null);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var (services, other) = OtherInstance(h, clock, TimeSpan.FromSeconds(1));
        await using var _ = services;
        var account = h.AccountOf("R001");
        var before = await other.GetAsync(CancellationToken.None);

        await h.AskAsync(WorkflowHarness.Ops, $"move {account} to R002");
        await h.AskAsync(WorkflowHarness.Ops, $"approve {(await h.LastProposalAsync()).Id}");

        Assert.Same(before, await other.GetAsync(CancellationToken.None)); // inside the interval: no query
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await other.GetAsync(CancellationToken.None);
        Assert.NotSame(before, after);
        Assert.Equal(("R001", "R002"), (before.Accounts[account].OwnerId, after.Accounts[account].OwnerId));
        Assert.Equal(before.Version + 1, after.Version);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Same(after, await other.GetAsync(CancellationToken.None)); // version unchanged: same workspace
    }

    [Fact]
    public async Task GetAsync_AfterImport_Reloads()
    {
        await using var h = await WorkflowHarness.CreateAsync(null);
        var (services, other) = OtherInstance(h, TimeProvider.System, TimeSpan.Zero);
        await using var _ = services;
        var before = await other.GetAsync(CancellationToken.None);

        await using (var db = h.NewContext())
        {
            await db.ImportDataSetAsync(h.Data with { Accounts = [.. h.Data.Accounts.Select(a => a with { Name = a.Name + " Renamed" })] }, replaceIcp: false);
        }

        var after = await other.GetAsync(CancellationToken.None);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.EndsWith(" Renamed", after.Data.Accounts[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public Task GetAsync_AnotherInstanceProposed_KeepsDataAndResultsUnderANewProposalsStamp() => CheckProposalsStamp(null);

    [PostgresFact]
    public Task GetAsync_AnotherInstanceProposedOnPostgres_KeepsDataAndResultsUnderANewProposalsStamp() => CheckProposalsStamp("tb_workspace_reload_tests");

    private static async Task CheckProposalsStamp(string? postgresSchema)
    {
        await using var h = await WorkflowHarness.CreateAsync(postgresSchema);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var (services, other) = OtherInstance(h, clock, TimeSpan.FromSeconds(1));
        await using var _ = services;
        var before = await other.GetAsync(CancellationToken.None);
        var computed = before.Memo("result", _ => new object());

        await h.AskAsync(WorkflowHarness.Ops, $"move {h.AccountOf("R001")} to R002");

        Assert.Same(before, await other.GetAsync(CancellationToken.None)); // inside the interval: no query
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await other.GetAsync(CancellationToken.None);
        Assert.NotEqual(before.ProposalsStamp, after.ProposalsStamp);
        Assert.Equal(before.Version, after.Version);
        Assert.Same(before.Data, after.Data);
        Assert.Same(computed, after.Memo("result", _ => new object())); // what was computed from the data is kept

        await h.AskAsync(WorkflowHarness.Ops, $"reject {(await h.LastProposalAsync()).Id} because the owner is staying");
        clock.Advance(TimeSpan.FromSeconds(1));
        var rejected = await other.GetAsync(CancellationToken.None);
        Assert.NotEqual(after.ProposalsStamp, rejected.ProposalsStamp); // a decision changes the stamp too
        Assert.Equal(before.Version, rejected.Version);
    }

    [Fact]
    public async Task ListProposals_Repeated_KeptUntilAProposalIsCreatedOrDecidedHere()
    {
        await using var h = await WorkflowHarness.CreateAsync(null);
        var account = h.AccountOf("R001");
        var empty = await h.AskAsync(WorkflowHarness.Ops, "list proposals");
        Assert.Same(empty.View, (await h.AskAsync(WorkflowHarness.Ops, "list proposals")).View);
        Assert.Empty(((ProposalListView)empty.View).Proposals);

        await h.AskAsync("R001", $"move {account} to R002 because they cover the region");
        var pending = (ProposalListView)(await h.AskAsync(WorkflowHarness.Ops, "list proposals")).View;
        var proposal = Assert.Single(pending.Proposals);
        Assert.Equal("pending", proposal.Status);

        await h.AskAsync(WorkflowHarness.Ops, $"approve {proposal.Id}");
        var decided = (ProposalListView)(await h.AskAsync(WorkflowHarness.Ops, "list proposals")).View;
        Assert.Equal("applied", Assert.Single(decided.Proposals).Status);
        Assert.Equal("applied", ((ProposalListView)(await h.AskAsync("R001", "list proposals")).View).Proposals.Single().Status);
    }
}
