using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Data;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Data;
using TerritoryBot.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace TerritoryBot.Tests.Workflow;

/// <summary>
/// The reassignment workflow through the conversation core on a real database, written once and run on SQLite and
/// PostgreSQL by the subclasses (each declares its facts with its own attribute).
/// </summary>
public abstract class WorkflowContract
{
    /// <summary>Null for SQLite, else the PostgreSQL schema of the subclass.</summary>
    private protected abstract string? Schema { get; }

    private Task<WorkflowHarness> NewAsync() => WorkflowHarness.CreateAsync(Schema);

    private static JsonObject Decision(ProposalEntity p, string? reason = null)
    {
        var data = new JsonObject { ["proposalId"] = (int)p.Id, ["version"] = p.Version };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        return data;
    }

    private static IEnumerable<string> Verbs(TurnResult result) =>
        (result.Card?.Actions ?? []).SelectMany(a => a is ShowCardAction s ? s.Card.Actions ?? [] : [a])
            .OfType<ExecuteAction>().Select(a => a.Verb);

    protected async Task CheckProposeThenApproveAppliesWithAuditOutboxAndVersion()
    {
        await using var h = await NewAsync();
        var account = h.AccountOf("R001");
        var versionBefore = await h.DataVersionAsync();

        var proposed = await h.AskAsync(WorkflowHarness.Manager, $"move {account} to R003 because she knows the buyer");

        Assert.Equal(Intent.ProposeReassignment, proposed.Intent);
        var p = await h.LastProposalAsync();
        Assert.Equal(ProposalStatus.Pending, p.Status);
        Assert.Equal(ProposalSource.Chat, p.Source);
        Assert.Equal(WorkflowHarness.Manager, p.ProposerRepId);
        Assert.Equal("she knows the buyer", p.Reason);
        var move = Assert.Single(p.Moves);
        Assert.Equal((account, "R001", "R003"), (move.AccountId, move.FromRepId, move.ToRepId));
        Assert.Empty(Verbs(proposed)); // a manager's card has no decision buttons
        Assert.Equal("R001", await h.OwnerAsync(account));
        // Ops hear about the new proposal (with the buttons on the card).
        var toOps = Assert.Single(await h.OutboxAsync(p.Id));
        Assert.Equal(WorkflowHarness.Ops, toOps.RecipientRepId);
        Assert.Contains(ProposalCard.ApproveVerb, toOps.CardJson);

        var opsView = await h.AskAsync(WorkflowHarness.Ops, $"show proposal {p.Id}");
        Assert.Equal([ProposalCard.ApproveVerb, ProposalCard.RejectVerb], Verbs(opsView));

        var approved = await h.PressAsync(WorkflowHarness.Ops, ProposalCard.ApproveVerb, Decision(p));

        Assert.Equal(Intent.ApproveProposal, approved.Intent);
        Assert.Contains("Approved by", approved.Text);
        Assert.Equal([ProposalCard.RevertVerb], Verbs(approved));
        Assert.Equal("R003", await h.OwnerAsync(account));
        var after = await h.LastProposalAsync();
        Assert.Equal((ProposalStatus.Applied, p.Version + 1, WorkflowHarness.Ops), (after.Status, after.Version, after.DecidedBy));
        var audit = await h.AuditAsync(p.Id);
        Assert.Equal([AuditActions.Proposed, AuditActions.Applied], audit.Select(a => a.Action));
        var applied = audit[1];
        Assert.Equal((WorkflowHarness.Ops, account, "R001", "R003", "she knows the buyer"),
            (applied.Actor, applied.AccountId, applied.BeforeOwner, applied.AfterOwner, applied.Why));
        var recipients = (await h.OutboxAsync(p.Id)).Skip(1).Select(o => o.RecipientRepId).Order().ToList();
        Assert.Equal(["R001", "R003", WorkflowHarness.Manager], recipients);
        Assert.Equal(versionBefore + 1, await h.DataVersionAsync());

        // The same process sees the new owner at once.
        var workspace = await h.Chat.Services.GetRequiredService<IWorkspaceSource>().GetAsync(CancellationToken.None);
        Assert.Equal("R003", workspace.Accounts[account].OwnerId);
    }

    protected async Task CheckSecondApprovalSaysAlreadyApprovedAndChangesNothing()
    {
        await using var h = await NewAsync();
        var account = h.AccountOf("R002");
        await h.AskAsync(WorkflowHarness.Ops, $"move {account} to R004");
        var p = await h.LastProposalAsync();
        await h.PressAsync(WorkflowHarness.Ops, ProposalCard.ApproveVerb, Decision(p));
        var version = await h.DataVersionAsync();

        var again = await h.PressAsync(WorkflowHarness.Ops, ProposalCard.ApproveVerb, Decision(p));
        var typed = await h.AskAsync(WorkflowHarness.Ops, $"approve {p.Id}");
        var rejectLate = await h.PressAsync(WorkflowHarness.Ops, ProposalCard.RejectVerb, Decision(p, "too late"));

        foreach (var answer in new[] { again, typed, rejectLate })
        {
            Assert.Contains("already approved by", answer.Text);
            Assert.NotNull(answer.Card);
        }

        Assert.Equal(2, (await h.AuditAsync(p.Id)).Count);
        Assert.Equal(version, await h.DataVersionAsync());
        Assert.Equal(ProposalStatus.Applied, (await h.LastProposalAsync()).Status);
    }

    protected async Task CheckRejectNeedsReasonThenRejects()
    {
        await using var h = await NewAsync();
        await h.AskAsync("R001", $"move {h.AccountOf("R001")} to R002 since I'm at capacity");
        var p = await h.LastProposalAsync();

        var noReason = await h.AskAsync(WorkflowHarness.Ops, $"reject {p.Id}");
        var blankReason = await h.PressAsync(WorkflowHarness.Ops, ProposalCard.RejectVerb, Decision(p, "   "));

        Assert.Contains("give a reason", noReason.Text);
        Assert.Contains("give a reason", blankReason.Text);
        Assert.Equal(ProposalStatus.Pending, (await h.LastProposalAsync()).Status);

        var rejected = await h.AskAsync(WorkflowHarness.Ops, $"reject {p.Id} because the customer is mid-renewal");

        Assert.Equal(Intent.RejectProposal, rejected.Intent);
        var after = await h.LastProposalAsync();
        Assert.Equal((ProposalStatus.Rejected, "the customer is mid-renewal", WorkflowHarness.Ops), (after.Status, after.DecisionReason, after.DecidedBy));
        Assert.Contains("Rejected by", rejected.Text);
        Assert.Empty(Verbs(rejected));
        Assert.Equal("R001", await h.OwnerAsync(p.Moves[0].AccountId));
        Assert.Equal(AuditActions.Rejected, (await h.AuditAsync(p.Id)).Last().Action);
        Assert.Contains(await h.OutboxAsync(p.Id), o => o.RecipientRepId == "R001" && o.Text.Contains("mid-renewal"));
    }

    protected async Task CheckOnlyOpsDecideWhateverThePhrasingOrForgedData()
    {
        await using var h = await NewAsync();
        await h.AskAsync(WorkflowHarness.Manager, $"move {h.AccountOf("R001")} to R002");
        var p = await h.LastProposalAsync();
        var attempts = new List<TurnResult>();
        foreach (var who in new[] { "R001", "R002", WorkflowHarness.Manager })
        {
            attempts.Add(await h.AskAsync(who, $"approve {p.Id}"));
            attempts.Add(await h.AskAsync(who, $"lgtm, approve #{p.Id}"));
            attempts.Add(await h.AskAsync(who, $"sign off on proposal {p.Id}"));
            attempts.Add(await h.AskAsync(who, $"reject {p.Id} because no"));
            attempts.Add(await h.PressAsync(who, ProposalCard.ApproveVerb, Decision(p)));
            attempts.Add(await h.PressAsync(who, ProposalCard.RejectVerb, Decision(p, "forged")));
            // Data an ops card would carry, plus fields a client could add: still refused.
            attempts.Add(await h.PressAsync(who, ProposalCard.ApproveVerb, new JsonObject { ["proposalId"] = (int)p.Id, ["version"] = p.Version, ["verb"] = ProposalCard.ApproveVerb }));
        }

        Assert.All(attempts, a => Assert.True(a.View is Refusal, $"{a.IntentName}: {a.Text}"));
        var after = await h.LastProposalAsync();
        Assert.Equal((ProposalStatus.Pending, p.Version), (after.Status, after.Version));
        Assert.Equal("R001", await h.OwnerAsync(p.Moves[0].AccountId));
    }

    protected async Task CheckRepProposesOnlyOwnAccounts()
    {
        await using var h = await NewAsync();
        var others = h.AccountOf("R002");

        var refused = await h.AskAsync("R001", $"move {others} to R001 because I know them");
        var scenario = await h.AskAsync("R001", "propose the rebalance scenario");
        var fairness = await h.AskAsync("R001", "propose the fairness fixes");
        var forged = await h.PressAsync("R001", ProposalCard.FromScenarioVerb, new JsonObject { ["scenario"] = "rebalance" });

        Assert.All(new[] { refused, scenario, fairness, forged }, a => Assert.IsType<Refusal>(a.View));
        Assert.Empty(await h.ProposalsAsync());

        var own = await h.AskAsync("R001", $"move {h.AccountOf("R001")} to R002 because they are in her region");
        Assert.IsType<ProposalView>(own.View);
        Assert.Single(await h.ProposalsAsync());
    }

    protected async Task CheckRevertCreatesCounterProposalThatRestores()
    {
        await using var h = await NewAsync();
        var account = h.AccountOf("R003");
        await h.AskAsync(WorkflowHarness.Ops, $"move {account} to R001");
        var p = await h.LastProposalAsync();
        await h.AskAsync(WorkflowHarness.Ops, $"approve {p.Id}");
        Assert.Equal("R001", await h.OwnerAsync(account));

        var revert = await h.PressAsync(WorkflowHarness.Ops, ProposalCard.RevertVerb, new JsonObject { ["proposalId"] = (int)p.Id });
        var again = await h.AskAsync(WorkflowHarness.Ops, $"revert proposal {p.Id}");

        var counter = await h.LastProposalAsync();
        Assert.Equal((ProposalSource.Revert, p.Id, ProposalStatus.Pending), (counter.Source, counter.RevertsProposalId, counter.Status));
        var move = Assert.Single(counter.Moves);
        Assert.Equal((account, "R001", "R003"), (move.AccountId, move.FromRepId, move.ToRepId));
        Assert.Equal(2, (await h.ProposalsAsync()).Count); // asking twice does not create a second revert
        Assert.Contains("already waiting", again.Text);
        Assert.Equal("R001", await h.OwnerAsync(account)); // nothing changes until approved

        await h.PressAsync(WorkflowHarness.Ops, ProposalCard.ApproveVerb, Decision(counter));
        Assert.Equal("R003", await h.OwnerAsync(account));
        Assert.Contains("revert of proposal", revert.Text);
    }

    protected async Task CheckScenarioAndFairnessProposals()
    {
        await using var h = await NewAsync();

        var scenario = await h.AskAsync(WorkflowHarness.Manager, "propose the rebalance scenario");

        var s = await h.LastProposalAsync();
        Assert.Equal((ProposalSource.Scenario, "rebalance"), (s.Source, s.SourceDetail));
        Assert.NotEmpty(s.Moves);
        Assert.All(s.Moves, m => Assert.NotEqual(m.FromRepId, m.ToRepId));
        Assert.Contains("rebalance scenario", scenario.Text);

        await h.PressAsync(WorkflowHarness.Ops, ProposalCard.FromFairnessVerb);

        var f = await h.LastProposalAsync();
        if (f.Id != s.Id)
        {
            Assert.Equal(ProposalSource.Fairness, f.Source);
            Assert.All(f.Moves, m => Assert.False(string.IsNullOrEmpty(m.Rationale)));
        }
    }

    protected async Task CheckApplyConflictsAndSupersedes()
    {
        await using var h = await NewAsync();
        var account = h.AccountOf("R004");
        await h.AskAsync(WorkflowHarness.Ops, $"move {account} to R001");
        var first = await h.LastProposalAsync();
        await h.AskAsync(WorkflowHarness.Manager, $"move {account} to R002");
        var second = await h.LastProposalAsync();

        await h.AskAsync(WorkflowHarness.Ops, $"approve {first.Id}");
        var late = await h.PressAsync(WorkflowHarness.Ops, ProposalCard.ApproveVerb, Decision(second));

        Assert.Equal(ProposalStatus.Superseded, (await h.ProposalsAsync()).Single(p => p.Id == second.Id).Status);
        Assert.Contains("superseded", late.Text);
        Assert.Equal("R001", await h.OwnerAsync(account));

        // An owner changed behind the workflow's back (an import): the approval fails whole and says why.
        var other = h.AccountOf("R004", skip: 1);
        await h.AskAsync(WorkflowHarness.Ops, $"move {other} and {h.AccountOf("R003")} to R002");
        var third = await h.LastProposalAsync();
        await using (var db = h.NewContext())
        {
            await db.ImportDataSetAsync(h.Data with { Accounts = [.. h.Data.Accounts.Select(a => a.AccountId == other ? a with { OwnerId = "R001" } : a with { OwnerId = a.AccountId == account ? "R001" : a.OwnerId })] }, replaceIcp: false);
        }

        var conflict = await h.AskAsync(WorkflowHarness.Ops, $"approve {third.Id}");

        Assert.Contains("now belongs to R001", conflict.Text);
        Assert.Equal(ProposalStatus.Pending, (await h.ProposalsAsync()).Single(p => p.Id == third.Id).Status);
        Assert.Equal("R003", await h.OwnerAsync(h.AccountOf("R003")));
        Assert.Equal("R001", await h.OwnerAsync(other));
    }

    protected async Task CheckListIsScopedByRole()
    {
        await using var h = await NewAsync();
        await h.AskAsync("R001", $"move {h.AccountOf("R001")} to R002 because of capacity");
        await h.AskAsync(WorkflowHarness.Ops, $"move {h.AccountOf("R003")} to R004");

        var rep1 = (ProposalListView)(await h.AskAsync("R001", "list proposals")).View;
        var rep3 = (ProposalListView)(await h.AskAsync("R003", "show pending proposals")).View;
        var rep2 = (ProposalListView)(await h.AskAsync("R002", "list proposals")).View;
        var manager = (ProposalListView)(await h.AskAsync(WorkflowHarness.Manager, "open proposals")).View;
        var ops = (ProposalListView)(await h.AskAsync(WorkflowHarness.Ops, "list proposals")).View;

        Assert.Single(rep1.Proposals);
        Assert.Single(rep3.Proposals);
        Assert.Single(rep2.Proposals);
        Assert.Equal(2, manager.Proposals.Count);
        Assert.Equal(2, ops.Proposals.Count);
        var hidden = ops.Proposals.Single(p => p.ProposerRepId == WorkflowHarness.Ops).Id;
        Assert.IsType<Refusal>((await h.AskAsync("R001", $"show proposal {hidden}")).View);
        Assert.IsType<Refusal>((await h.PressAsync("R001", ProposalCard.ShowVerb, new JsonObject { ["proposalId"] = (int)hidden })).View);
    }

    /// <summary>20 approvals of one proposal at once, each turn with its own scope and DbContext: exactly one applies.</summary>
    protected async Task CheckTwentyParallelApprovalsApplyOnce()
    {
        await using var h = await NewAsync();
        var accounts = new[] { h.AccountOf("R001"), h.AccountOf("R002"), h.AccountOf("R003", 2) };
        await h.AskAsync(WorkflowHarness.Ops, $"move {string.Join(" and ", accounts)} to R004");
        var p = await h.LastProposalAsync();
        Assert.Equal(3, p.Moves.Count);
        var version = await h.DataVersionAsync();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var presses = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return i % 2 == 0
                ? await h.PressAsync(WorkflowHarness.Ops, ProposalCard.ApproveVerb, Decision(p))
                : await h.AskAsync(WorkflowHarness.Ops, $"approve {p.Id}");
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(presses);

        Assert.All(results, r => Assert.Equal(Intent.ApproveProposal, r.Intent));
        Assert.All(results, r => Assert.IsType<ProposalView>(r.View));
        Assert.Single(results, r => ((ProposalView)r.View).Note is null);
        Assert.Equal(19, results.Count(r => r.Text.Contains("already approved by")));
        var after = await h.LastProposalAsync();
        Assert.Equal((ProposalStatus.Applied, p.Version + 1), (after.Status, after.Version));
        Assert.Equal(3, (await h.AuditAsync(p.Id)).Count(a => a.Action == AuditActions.Applied));
        Assert.Equal(version + 1, await h.DataVersionAsync());
        foreach (var account in accounts)
        {
            Assert.Equal("R004", await h.OwnerAsync(account));
        }

        Assert.Equal(3 + 1, (await h.OutboxAsync(p.Id)).Count(o => o.Text.Contains("approved"))); // R001–R004 once each
    }

    protected async Task CheckUnknownProposalAnswersWithoutLeaking()
    {
        await using var h = await NewAsync();
        Assert.Contains("no proposal #999", (await h.AskAsync(WorkflowHarness.Ops, "approve 999")).Text);
        Assert.IsType<Refusal>((await h.AskAsync("R001", "approve 999")).View);
        Assert.IsType<Refusal>((await h.AskAsync("R001", "show proposal 999")).View);
        Assert.Contains("Which proposal", (await h.AskAsync(WorkflowHarness.Ops, "please approve")).Text);
    }
}

public sealed class SqliteWorkflowTests : WorkflowContract
{
    private protected override string? Schema => null;

    [Fact] public Task Approve_ChatProposal_AppliesWithAuditOutboxAndDataVersion() => CheckProposeThenApproveAppliesWithAuditOutboxAndVersion();
    [Fact] public Task Approve_AlreadyApproved_SaysSoAndChangesNothing() => CheckSecondApprovalSaysAlreadyApprovedAndChangesNothing();
    [Fact] public Task Reject_WithoutReason_AsksThenRejectsWithReason() => CheckRejectNeedsReasonThenRejects();
    [Fact] public Task Decide_RepOrManager_RefusedWhateverThePhrasing() => CheckOnlyOpsDecideWhateverThePhrasingOrForgedData();
    [Fact] public Task Propose_RepOthersAccountOrScenario_Refused() => CheckRepProposesOnlyOwnAccounts();
    [Fact] public Task Revert_AppliedProposal_CreatesCounterProposal() => CheckRevertCreatesCounterProposalThatRestores();
    [Fact] public Task Propose_ScenarioAndFairness_CreatesPendingProposals() => CheckScenarioAndFairnessProposals();
    [Fact] public Task Approve_OwnerChanged_FailsWholeOrSupersedes() => CheckApplyConflictsAndSupersedes();
    [Fact] public Task List_ByRole_ShowsOnlyWhatTouchesTheCaller() => CheckListIsScopedByRole();
    [Fact] public Task Approve_TwentyInParallel_AppliesExactlyOnce() => CheckTwentyParallelApprovalsApplyOnce();
    [Fact] public Task Approve_UnknownProposal_AnswersWithoutLeaking() => CheckUnknownProposalAnswersWithoutLeaking();
}

public sealed class PostgresWorkflowTests : WorkflowContract
{
    private protected override string? Schema => "tb_workflow_tests";

    [PostgresFact] public Task Approve_ChatProposal_AppliesWithAuditOutboxAndDataVersion() => CheckProposeThenApproveAppliesWithAuditOutboxAndVersion();
    [PostgresFact] public Task Approve_AlreadyApproved_SaysSoAndChangesNothing() => CheckSecondApprovalSaysAlreadyApprovedAndChangesNothing();
    [PostgresFact] public Task Reject_WithoutReason_AsksThenRejectsWithReason() => CheckRejectNeedsReasonThenRejects();
    [PostgresFact] public Task Decide_RepOrManager_RefusedWhateverThePhrasing() => CheckOnlyOpsDecideWhateverThePhrasingOrForgedData();
    [PostgresFact] public Task Propose_RepOthersAccountOrScenario_Refused() => CheckRepProposesOnlyOwnAccounts();
    [PostgresFact] public Task Revert_AppliedProposal_CreatesCounterProposal() => CheckRevertCreatesCounterProposalThatRestores();
    [PostgresFact] public Task Propose_ScenarioAndFairness_CreatesPendingProposals() => CheckScenarioAndFairnessProposals();
    [PostgresFact] public Task Approve_OwnerChanged_FailsWholeOrSupersedes() => CheckApplyConflictsAndSupersedes();
    [PostgresFact] public Task List_ByRole_ShowsOnlyWhatTouchesTheCaller() => CheckListIsScopedByRole();
    [PostgresFact] public Task Approve_TwentyInParallel_AppliesExactlyOnce() => CheckTwentyParallelApprovalsApplyOnce();
    [PostgresFact] public Task Approve_UnknownProposal_AnswersWithoutLeaking() => CheckUnknownProposalAnswersWithoutLeaking();
}
