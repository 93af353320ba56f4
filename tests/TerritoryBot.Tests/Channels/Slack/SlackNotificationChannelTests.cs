using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Cards;
using TerritoryBot.Core.Model;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Channels.Slack;

public sealed class SlackNotificationChannelTests : IAsyncLifetime
{
    private SlackApiStub stub = null!;
    private SlackTestHost host = null!;

    public async Task InitializeAsync()
    {
        stub = await SlackApiStub.StartAsync();
        host = await SlackTestHost.StartAsync(stub);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await stub.DisposeAsync();
    }

    private INotificationChannel Channel => host.Services.GetServices<INotificationChannel>().Single(c => c.Name == "slack");

    private Rep Rep(string? slackId) => host.Workspace.Data.Reps.First(r => r.Role == RepRole.Rep) with { SlackUserId = slackId };

    private static OutboundNotification Note() =>
        new("R001", "Proposal #7 was approved: A000017 moves to you.", new AdaptiveCard { Body = [new TextBlock("Proposal #7 approved")] });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Send_NoSlackId_NotReachableNothingSent(string? slackId)
    {
        Assert.Equal(DeliveryOutcome.NotReachable, await Channel.SendAsync(Rep(slackId), Note(), CancellationToken.None));
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task Send_SlackId_DirectMessageWithTheCard()
    {
        Assert.Equal(DeliveryOutcome.Delivered, await Channel.SendAsync(Rep("U0REP1"), Note(), CancellationToken.None));

        var call = Assert.Single(stub.Calls);
        Assert.Equal("/api/chat.postMessage", call.Path);
        Assert.Equal("U0REP1", call.Str("channel"));
        Assert.Equal("Proposal #7 was approved: A000017 moves to you.", call.Str("text"));
        Assert.Contains("Proposal #7 approved", call.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RateLimitedThenOk_Delivered()
    {
        stub.Script.Enqueue(new StubAnswer(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 1));

        Assert.Equal(DeliveryOutcome.Delivered, await Channel.SendAsync(Rep("U0REP1"), Note(), CancellationToken.None));
        Assert.Equal(2, stub.Calls.Count);
    }

    [Theory]
    [InlineData(500, """{"ok":false}""", "RetryLater")]
    [InlineData(503, "", "RetryLater")]
    [InlineData(429, """{"ok":false,"error":"ratelimited"}""", "RetryLater")]
    [InlineData(200, """{"ok":false,"error":"channel_not_found"}""", "NotReachable")]
    [InlineData(200, """{"ok":false,"error":"user_disabled"}""", "NotReachable")]
    [InlineData(200, """{"ok":false,"error":"invalid_auth"}""", "RetryLater")]
    [InlineData(200, "not json", "RetryLater")]
    public async Task Send_SlackFailsEveryTime_Outcome(int status, string body, string expected)
    {
        for (int i = 0; i < 4; i++)
        {
            stub.Script.Enqueue(new StubAnswer(status, body, status == 429 ? 0 : null));
        }

        Assert.Equal(Enum.Parse<DeliveryOutcome>(expected), await Channel.SendAsync(Rep("U0REP1"), Note(), CancellationToken.None));
        // 429 and 5xx are retried (four attempts in all); an answered "ok": false is final.
        Assert.Equal(status is 429 or >= 500 ? 4 : 1, stub.Calls.Count);
    }
}
