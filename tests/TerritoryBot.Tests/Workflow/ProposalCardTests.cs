using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Tests.Planning;
using TerritoryBot.Plugins;
using TerritoryBot.Tests.Cards;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Workflow;

public sealed class ProposalCardTests
{
    private static readonly DateTime Created = new(2026, 11, 20, 14, 5, 0, DateTimeKind.Utc);

    private static ProposalView View(string status, bool ops, int moves = 2, string? reason = "Dana knows the *buyer* [personally](http://x)", string? note = null) => new(
        42,
        status == ProposalView.Pending ? 1 : 2,
        status,
        "chat",
        null,
        "R005",
        "Elena Rossi",
        reason,
        Created,
        status == ProposalView.Pending ? null : "R006",
        status == ProposalView.Pending ? null : "Sam Patel",
        status == ProposalView.Pending ? null : Created.AddHours(3),
        status == ProposalView.Rejected ? "Customer is mid-renewal" : null,
        null,
        [.. Enumerable.Range(1, moves).Select(i => new ProposalMoveView(
            $"A{i:D6}", i == 1 ? "Acme_Robotics #1" : $"Company {i}", "R001", "Dana Whitfield", "R003", "Priya Raman", i == 2 ? "Balances potential" : null))],
        note,
        ops);

    private static AdaptiveCard Card(ProposalView view) => view.ToCard()!;

    public static TheoryData<string, string, bool> Cards => new()
    {
        { "proposal-card.pending-ops", ProposalView.Pending, true },
        { "proposal-card.pending-rep", ProposalView.Pending, false },
        { "proposal-card.applied-ops", ProposalView.Applied, true },
        { "proposal-card.rejected-ops", ProposalView.Rejected, true },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void Build_Status_MatchesApprovedSnapshot(string name, string status, bool ops) =>
        Snapshot.Verify(CardJson.SerializeIndented(Card(View(status, ops))), name, "json");

    [Fact]
    public void BuildList_Proposals_MatchesApprovedSnapshot() =>
        Snapshot.Verify(CardJson.SerializeIndented(new ProposalListView(
            [View(ProposalView.Pending, true), View(ProposalView.Applied, true, moves: 1) with { Id = 41 }], "across the company").ToCard()!),
            "proposal-list-card", "json");

    [Fact]
    public void Build_PendingForOps_ApproveAndReasonedRejectCarryIdAndVersion()
    {
        var json = JsonNode.Parse(CardJson.Serialize(Card(View(ProposalView.Pending, ops: true))))!;
        var actions = json["actions"]!.AsArray();

        var approve = actions[0]!;
        Assert.Equal(("Action.Execute", ProposalCard.ApproveVerb, "positive"), ((string?)approve["type"], (string?)approve["verb"], (string?)approve["style"]));
        Assert.Equal((42, 1), ((int)approve["data"]!["proposalId"]!, (int)approve["data"]!["version"]!));
        Assert.Equal(ProposalCard.ApproveVerb, (string?)approve["fallback"]!["data"]!["verb"]);

        var show = actions[1]!;
        Assert.Equal("Action.ShowCard", (string?)show["type"]);
        var input = show["card"]!["body"]![0]!;
        Assert.Equal(("Input.Text", "reason", true, CardActionData.MaxReasonLength),
            ((string?)input["type"], (string?)input["id"], (bool)input["isRequired"]!, (int)input["maxLength"]!));
        Assert.False(string.IsNullOrEmpty((string?)input["errorMessage"]));
        var reject = show["card"]!["actions"]![0]!;
        Assert.Equal(("Action.Execute", ProposalCard.RejectVerb), ((string?)reject["type"], (string?)reject["verb"]));
        Assert.Equal((42, 1), ((int)reject["data"]!["proposalId"]!, (int)reject["data"]!["version"]!));
    }

    [Fact]
    public void Build_Applied_StatusLineAndOnlyRevertForOps()
    {
        var forOps = Card(View(ProposalView.Applied, ops: true));
        var forRep = Card(View(ProposalView.Applied, ops: false));

        Assert.Equal("Approved by Sam Patel at 2026-11-20 17:05 UTC", ((TextBlock)forOps.Body[1]).Text);
        Assert.Equal([ProposalCard.RevertVerb], forOps.Actions!.OfType<ExecuteAction>().Select(a => a.Verb));
        Assert.Null(forRep.Actions);
    }

    [Fact]
    public void Build_TypedReasonAndNames_AreEscapedForMarkdown()
    {
        var json = CardJson.Serialize(Card(View(ProposalView.Pending, ops: true)));

        // CardText.Escape's own rules are tested in CardTextTests; here: the typed reason and names went through it.
        Assert.DoesNotContain("*buyer*", json, StringComparison.Ordinal);
        Assert.DoesNotContain("[personally](", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme_Robotics", json, StringComparison.Ordinal);
        Assert.Contains("buyer", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThousandsOfMoves_FitsTheSizeLimit()
    {
        var card = Card(View(ProposalView.Pending, ops: true, moves: 3000));

        Assert.True(CardJson.SizeInBytes(card) <= CardJson.MaxBytes);
        Assert.Contains("more", CardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public void NotificationCards_RoundTrip_ReadsBackTheSameJson()
    {
        var card = Card(View(ProposalView.Pending, ops: true));
        var json = NotificationCards.Write(card)!;

        var read = NotificationCards.Read(json);

        Assert.NotNull(read);
        Assert.Equal(json, CardJson.Serialize(read));
        Assert.Null(NotificationCards.Read("{not json"));
        Assert.Null(NotificationCards.Read(null));
    }

    [CardValidatorFact]
    public async Task ValidateCards_ProposalCards_PassOfficialSchemaAndRenderer()
    {
        var dir = Directory.CreateTempSubdirectory("territorybot-proposal-cards-").FullName;
        try
        {
            var cards = new Dictionary<string, AdaptiveCard>
            {
                ["pending-ops"] = Card(View(ProposalView.Pending, true)),
                ["pending-rep"] = Card(View(ProposalView.Pending, false)),
                ["applied-ops"] = Card(View(ProposalView.Applied, true)),
                ["rejected"] = Card(View(ProposalView.Rejected, true)),
                ["conflict-note"] = Card(View(ProposalView.Pending, true, note: "Account A000001 now belongs to R004.")),
                ["no-reason"] = Card(View(ProposalView.Pending, true, reason: null)),
                ["huge"] = Card(View(ProposalView.Pending, true, moves: 3000)),
                ["list"] = new ProposalListView([View(ProposalView.Pending, true), View(ProposalView.Rejected, true) with { Id = 7 }], "across the company").ToCard()!,
                ["empty-list"] = new ProposalListView([], "touching your accounts").ToCard()!,
            };
            foreach (var (name, card) in cards)
            {
                await File.WriteAllTextAsync(Path.Combine(dir, name + ".json"), CardJson.Serialize(card));
            }

            var (code, output) = await CardValidation.ValidateAsync(dir);

            Assert.True(code == 0, "validate-cards.mjs failed:\n" + output);
            Assert.Contains($"{cards.Count}/{cards.Count} cards valid", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
