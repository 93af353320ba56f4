using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Plugins;

/// <summary>
/// One conversation core over the two-team data set (<see cref="TeamData"/>), shared by a test class so the design
/// run (memoised in the workspace) happens once per class, not once per test.
/// </summary>
public sealed class TeamFixture : IAsyncLifetime
{
    internal ConversationHarness Harness { get; } = new(TeamData.TwoTeams());

    internal Task<TurnResult> AskAsync(string user, string text) => Harness.AskAsync(user, text);

    internal Task<TurnResult> PressAsync(string user, string verb, string json) =>
        Harness.PressAsync(user, verb, JsonNode.Parse(json)!.AsObject());

    /// <summary>Everything a person receives for a turn: the text and the card JSON.</summary>
    internal static string Everything(TurnResult result) =>
        result.Text + "\n" + (result.Card is null ? "" : CardJson.Serialize(result.Card));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
