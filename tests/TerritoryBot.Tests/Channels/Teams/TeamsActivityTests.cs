using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Channels.Teams;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>Activities in, connector calls and invoke responses out (PROTOCOLS.md A and B), through the real host.</summary>
public sealed class TeamsActivityTests : IClassFixture<TeamsBotFixture>
{
    private readonly TeamsBotFixture fixture;

    public TeamsActivityTests(TeamsBotFixture fixture)
    {
        this.fixture = fixture;
        fixture.Host.StandIn.ClearCalls();
    }

    private TeamsBotHost Host => fixture.Host;

    private static string Escaped(string id) => Uri.EscapeDataString(id);

    [Fact]
    public async Task Message_KnownUser_RepliesThroughConnectorWithCard()
    {
        using var response = await Host.PostWithChannelTokenAsync(Host.Message(Host.Rep, "help", conversationId: "a:reply-1", id: "in-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var call = Assert.Single(Host.StandIn.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{Escaped("a:reply-1")}/activities/in-1", call.Path);
        Assert.StartsWith("Bearer outbound-token-", call.Authorization);
        var body = call.Body!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("28:" + BotFrameworkStandIn.AppId, (string?)body["from"]?["id"]);
        Assert.Equal("29:" + Host.Rep.RepId, (string?)body["recipient"]?["id"]);
        Assert.Equal("a:reply-1", (string?)body["conversation"]?["id"]);
        Assert.Equal("in-1", (string?)body["replyToId"]);
        var attachment = Assert.Single(body["attachments"]!.AsArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment!["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]?["type"]);
        Assert.Equal("1.5", (string?)attachment["content"]?["version"]);
        Assert.Contains("here is what I can do", attachment["content"]!.ToJsonString());
    }

    [Fact]
    public async Task Message_UnknownUser_RefusedInTextWithoutData()
    {
        var activity = Host.Message(Host.Rep, "my top 10 accounts", conversationId: "a:stranger");
        activity["from"]!["aadObjectId"] = "99999999-0000-0000-0000-000000000000";

        using var response = await Host.PostWithChannelTokenAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Assert.Single(Host.StandIn.Calls).Body!;
        Assert.Null(body["attachments"]);
        Assert.Contains("don't know who you are", (string?)body["text"]);
    }

    [Fact]
    public async Task Message_BotMentioned_MentionStrippedBeforeRouting()
    {
        var activity = Host.Message(Host.Rep, "<at>TerritoryBot</at> help", conversationId: "a:mention");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = "28:" + BotFrameworkStandIn.AppId, ["name"] = "TerritoryBot" },
            ["text"] = "<at>TerritoryBot</at>",
        });
        // Teams adds an HTML copy of the message in group chats; it is ignored.
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<div><at>TerritoryBot</at> help</div>" });

        using var response = await Host.PostWithChannelTokenAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(Host.StandIn.Calls).Body!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("here is what I can do", card);
        Assert.DoesNotContain("didn't understand", card);
    }

    [Theory]
    [InlineData("<at>TerritoryBot</at> help", "<at>TerritoryBot</at>", "28:bot", "help")]
    [InlineData("<AT>territorybot</AT>   my top 5 accounts ", "<at>TerritoryBot</at>", "28:bot", "my top 5 accounts")]
    [InlineData("ask <at>Alex</at> about it", "<at>Alex</at>", "29:alex", "ask <at>Alex</at> about it")]
    [InlineData("  help  ", null, null, "help")]
    public void StripBotMentions_Mentions_RemovesOnlyTheBots(string text, string? mentionText, string? mentionedId, string expected)
    {
        var activity = new Activity
        {
            Text = text,
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = mentionText is null ? null : [new Entity { Type = "mention", Text = mentionText, Mentioned = new ChannelAccount { Id = mentionedId } }],
        };

        Assert.Equal(expected, TeamsBot.StripBotMentions(activity));
    }

    [Fact]
    public async Task ActionSubmit_KnownVerb_UpdatesTheCardWithPut()
    {
        var activity = Host.Message(Host.Ops, "", conversationId: "a:submit", id: "submit-1");
        activity["value"] = new JsonObject { ["verb"] = "accounts.top", ["top"] = 5 };
        activity["replyToId"] = "card-1";

        using var response = await Host.PostWithChannelTokenAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(Host.StandIn.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal($"/v3/conversations/{Escaped("a:submit")}/activities/card-1", call.Path);
        Assert.Equal("card-1", (string?)call.Body!["id"]);
        Assert.Equal("AdaptiveCard", (string?)call.Body["attachments"]?[0]?["content"]?["type"]);
    }

    [Fact]
    public async Task ActionSubmit_UnknownVerb_AnswersWithNewMessageAndKeepsCard()
    {
        var activity = Host.Message(Host.Ops, "", conversationId: "a:submit-bad", id: "submit-2");
        activity["value"] = new JsonObject { ["verb"] = "no.such.verb" };
        activity["replyToId"] = "card-2";

        using var response = await Host.PostWithChannelTokenAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(Host.StandIn.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Contains("not one I know", (string?)call.Body!["text"]);
    }

    private JsonObject Invoke(string name, JsonNode? value, string conversationId = "a:invoke")
    {
        var activity = Host.Message(Host.Ops, "", conversationId: conversationId, id: "invoke-1");
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = value;
        activity["replyToId"] = "card-9";
        return activity;
    }

    private static JsonObject Execute(string verb, JsonObject? data = null) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "drill", ["verb"] = verb, ["data"] = data ?? [] },
        ["trigger"] = "manual",
    };

    [Fact]
    public async Task InvokeExecute_KnownVerb_AnswersSynchronouslyWithCard()
    {
        using var response = await Host.PostWithChannelTokenAsync(Invoke("adaptiveCard/action", Execute("accounts.top", new JsonObject { ["top"] = 5 })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await TeamsBotHost.ReadJsonAsync(response))!;
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]?["type"]);
        Assert.Empty(Host.StandIn.Calls);
    }

    [Fact]
    public async Task InvokeExecute_ApproveFromProposalCard_AppliesTheMoveAndAnswersWithCard()
    {
        var account = Host.Data.Accounts.First(a => a.OwnerId == "R001");
        using (var proposed = await Host.PostWithChannelTokenAsync(
            Host.Message(Host.Ops, $"move {account.AccountId} to R002 because the customer asked", conversationId: "a:approve")))
        {
            Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        }

        var card = Assert.Single(Host.StandIn.Calls).Body!["attachments"]![0]!["content"]!;
        var approve = Descendants(card).OfType<JsonObject>().First(o => (string?)o["verb"] == "proposal.approve");

        using var response = await Host.PostWithChannelTokenAsync(
            Invoke("adaptiveCard/action", Execute("proposal.approve", (JsonObject)approve["data"]!.DeepClone()), conversationId: "a:approve"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await TeamsBotHost.ReadJsonAsync(response))!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        await using var db = Data.TestDatabases.SqliteAt(Host.DbFile);
        Assert.Equal("R002", (await db.Accounts.SingleAsync(a => a.Id == account.AccountId)).OwnerId);

        // The approval queued notifications that the outbox drainer sends through the connector in the background:
        // wait for them, so they do not land among the next test's recorded connector calls.
        for (var waited = System.Diagnostics.Stopwatch.StartNew();
             await db.Outbox.AnyAsync(o => o.DeliveredAt == null && o.GaveUpAt == null) && waited.Elapsed < TimeSpan.FromSeconds(30);)
        {
            await Task.Delay(50);
        }

        Assert.False(await db.Outbox.AnyAsync(o => o.DeliveredAt == null && o.GaveUpAt == null), "the outbox was not drained within 30 s");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var d in Descendants(child))
            {
                yield return d;
            }
        }
    }

    [Fact]
    public async Task InvokeExecute_UnknownVerb_AnswersWithMessage()
    {
        using var response = await Host.PostWithChannelTokenAsync(Invoke("adaptiveCard/action", Execute("no.such.verb")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await TeamsBotHost.ReadJsonAsync(response))!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Contains("not one I know", (string?)body["value"]);
    }

    [Theory]
    [InlineData("no-value", "BadRequest")]
    [InlineData("value-not-object", "BadRequest")]
    [InlineData("no-action", "BadRequest")]
    [InlineData("submit-type", "NotSupported")]
    [InlineData("no-verb", "BadRequest")]
    [InlineData("data-not-object", "BadRequest")]
    public async Task InvokeExecute_Malformed_BadRequestWithErrorBody(string kind, string code)
    {
        JsonNode? value = kind switch
        {
            "no-value" => null,
            "value-not-object" => JsonValue.Create("accounts.top"),
            "no-action" => new JsonObject { ["trigger"] = "manual" },
            "submit-type" => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = "accounts.top" } },
            "no-verb" => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute" } },
            "data-not-object" => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "accounts.top", ["data"] = 5 } },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var response = await Host.PostWithChannelTokenAsync(Invoke("adaptiveCard/action", value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = (await TeamsBotHost.ReadJsonAsync(response))!;
        Assert.Equal(400, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal(code, (string?)body["value"]?["code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["value"]?["message"]));
    }

    [Fact]
    public async Task Invoke_UnknownName_NotImplemented()
    {
        using var response = await Host.PostWithChannelTokenAsync(Invoke("composeExtension/query", new JsonObject()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task ConversationUpdate_UserAdded_GreetsWithHelp()
    {
        var activity = Host.Message(Host.Rep, "", conversationId: "a:greet", id: "update-1");
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = "28:" + BotFrameworkStandIn.AppId },
            new JsonObject { ["id"] = "29:" + Host.Rep.RepId, ["aadObjectId"] = Host.Rep.TeamsAadObjectId });

        using var response = await Host.PostWithChannelTokenAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(Host.StandIn.Calls);
        Assert.Equal($"/v3/conversations/{Escaped("a:greet")}/activities", call.Path);
        Assert.Contains("here is what I can do", call.Body!["attachments"]![0]!["content"]!.ToJsonString());
    }

    [Fact]
    public async Task ConversationUpdate_OnlyBotAdded_SaysNothing()
    {
        var activity = Host.Message(Host.Rep, "", conversationId: "a:greet-bot", id: "update-2");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + BotFrameworkStandIn.AppId });

        using var response = await Host.PostWithChannelTokenAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Host.StandIn.Calls);
    }

    [Fact]
    public async Task Message_ExpectReplies_RepliesInTheResponse()
    {
        var activity = Host.Message(Host.Rep, "help", conversationId: "a:expect");
        activity["deliveryMode"] = "expectReplies";

        using var response = await Host.PostWithChannelTokenAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await TeamsBotHost.ReadJsonAsync(response))!;
        var reply = Assert.Single(body["activities"]!.AsArray());
        Assert.Equal("AdaptiveCard", (string?)reply!["attachments"]?[0]?["content"]?["type"]);
        Assert.Empty(Host.StandIn.Calls);
    }

    [Theory]
    [InlineData(new[] { 429 }, 2, HttpStatusCode.OK)]
    [InlineData(new[] { 500, 503 }, 3, HttpStatusCode.OK)]
    [InlineData(new[] { 429, 429, 429, 429 }, 4, HttpStatusCode.BadGateway)]
    [InlineData(new[] { 403 }, 1, HttpStatusCode.BadGateway)]
    public async Task Message_ConnectorFails_RetriesTransientOnly(int[] failures, int expectedCalls, HttpStatusCode expected)
    {
        Host.StandIn.FailNext(failures);

        using var response = await Host.PostWithChannelTokenAsync(Host.Message(Host.Rep, "help", conversationId: "a:retry"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expectedCalls, Host.StandIn.Calls.Count);
    }

    [Fact]
    public async Task Message_TwoTurns_OutboundTokenFetchedOnceAndReused()
    {
        using (await Host.PostWithChannelTokenAsync(Host.Message(Host.Rep, "help", conversationId: "a:token-1")))
        using (await Host.PostWithChannelTokenAsync(Host.Message(Host.Rep, "help", conversationId: "a:token-2")))
        {
        }

        // Every test of this class shares one bot: one token request in its whole life, whatever ran before.
        Assert.Equal(1, Host.StandIn.TokenRequests);
        Assert.Equal(2, Host.StandIn.Calls.Count);
        Assert.All(Host.StandIn.Calls, c => Assert.Equal("Bearer outbound-token-1", c.Authorization));
    }

    [Theory]
    [InlineData("malformed-json", HttpStatusCode.BadRequest)]
    [InlineData("json-array", HttpStatusCode.BadRequest)]
    [InlineData("json-null", HttpStatusCode.BadRequest)]
    [InlineData("no-type", HttpStatusCode.BadRequest)]
    [InlineData("wrong-field-type", HttpStatusCode.BadRequest)]
    [InlineData("no-conversation", HttpStatusCode.BadRequest)]
    [InlineData("text-plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("form", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("oversized", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Post_BadInput_ClientErrorNever500(string kind, HttpStatusCode expected)
    {
        var valid = Host.Message(Host.Rep, "help", conversationId: "a:bad-" + kind);
        var token = Host.StandIn.ChannelToken();
        using var response = kind switch
        {
            "malformed-json" => await Host.PostRawAsync("{\"type\":\"message\",", token),
            "json-array" => await Host.PostRawAsync("[1,2]", token),
            "json-null" => await Host.PostRawAsync("null", token),
            "no-type" => await Host.PostAsync(Without(valid, "type"), token),
            "wrong-field-type" => await Host.PostRawAsync(valid.ToJsonString().Replace("\"text\":\"help\"", "\"text\":{\"a\":1}"), token),
            "no-conversation" => await Host.PostAsync(Without(valid, "conversation"), token),
            "text-plain" => await Host.PostRawAsync(valid.ToJsonString(), token, "text/plain"),
            "form" => await Host.PostRawAsync("type=message", token, "application/x-www-form-urlencoded"),
            "oversized" => await Host.PostRawAsync(With(valid, "text", new string('x', TeamsEndpoint.MaxBodyBytes)).ToJsonString(), token),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(Host.StandIn.Calls);
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/messages/extra", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/messages", HttpStatusCode.NotFound)]
    public async Task Request_UnknownRouteOrMethod_NotFoundOrNotAllowed(string method, string path, HttpStatusCode expected)
    {
        using var response = await Host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
    }

    private static JsonObject Without(JsonObject activity, string field)
    {
        var copy = (JsonObject)activity.DeepClone();
        copy.Remove(field);
        return copy;
    }

    private static JsonObject With(JsonObject activity, string field, string value)
    {
        var copy = (JsonObject)activity.DeepClone();
        copy[field] = value;
        return copy;
    }
}

/// <summary>Outbound failures that are not the connector's answer: the token endpoint refuses or is unreachable.</summary>
public sealed class TeamsOutboundTokenTests
{
    [Theory]
    [InlineData("--Teams:AppPassword=wrong-secret")]
    [InlineData("--Teams:TokenEndpoint=http://127.0.0.1:9/token")]
    public async Task Message_NoOutboundToken_BadGatewayNot500(string setting)
    {
        await using var host = await TeamsBotHost.StartAsync(extra: setting);

        using var response = await host.PostWithChannelTokenAsync(host.Message(host.Rep, "help"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(host.StandIn.Calls);
    }
}

/// <summary>Conversation references stored from activities, and proactive delivery through them.</summary>
public sealed class TeamsNotificationTests
{
    private static async Task<DeliveryOutcome> NotifyAsync(TeamsBotHost host, Rep rep, string text = "Proposal 7 was approved")
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var channel = scope.ServiceProvider.GetServices<INotificationChannel>().OfType<TeamsNotificationChannel>().Single();
        return await channel.SendAsync(rep, new OutboundNotification(rep.RepId, text), CancellationToken.None);
    }

    [Fact]
    public async Task Send_AfterPersonalChat_PostsToStoredConversation()
    {
        await using var host = await TeamsBotHost.StartAsync();
        using (await host.PostWithChannelTokenAsync(host.Message(host.Rep, "help", conversationId: "a:dm-rep")))
        {
        }

        host.StandIn.ClearCalls();

        var outcome = await NotifyAsync(host, host.Rep);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var call = Assert.Single(host.StandIn.Calls);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString("a:dm-rep")}/activities", call.Path);
        Assert.Equal("Proposal 7 was approved", (string?)call.Body!["text"]);
        Assert.Equal("29:" + host.Rep.RepId, (string?)call.Body["recipient"]?["id"]);
    }

    [Fact]
    public async Task Send_AfterGroupChatOnly_CreatesConversationThenPostsAndRemembersIt()
    {
        await using var host = await TeamsBotHost.StartAsync();
        var group = host.Message(host.Rep, "help", conversationId: "19:group-chat");
        group["conversation"]!["conversationType"] = "groupChat";
        using (await host.PostWithChannelTokenAsync(group))
        {
        }

        host.StandIn.ClearCalls();

        var outcome = await NotifyAsync(host, host.Rep);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal(2, host.StandIn.Calls.Count);
        var create = host.StandIn.Calls[0];
        Assert.Equal("/v3/conversations", create.Path);
        Assert.Equal("28:" + BotFrameworkStandIn.AppId, (string?)create.Body!["bot"]?["id"]);
        Assert.Equal("29:" + host.Rep.RepId, (string?)create.Body["members"]?[0]?["id"]);
        Assert.Equal("tenant-1", (string?)create.Body["tenantId"]);
        Assert.Equal("tenant-1", (string?)create.Body["channelData"]?["tenant"]?["id"]);
        // The stand-in names the new conversation after its response id ("activity-N").
        Assert.Matches("^/v3/conversations/activity-[0-9]+/activities$", host.StandIn.Calls[1].Path);

        await using var db = TestDatabasesForHost(host);
        var row = await db.TeamsConversations.SingleAsync();
        Assert.StartsWith("activity-", row.ConversationId);
    }

    [Fact]
    public async Task Send_NeverTalkedToBot_NotReachable()
    {
        await using var host = await TeamsBotHost.StartAsync();

        Assert.Equal(DeliveryOutcome.NotReachable, await NotifyAsync(host, host.Rep));
        Assert.Empty(host.StandIn.Calls);
    }

    [Theory]
    [InlineData(403, "NotReachable")]
    [InlineData(404, "NotReachable")]
    [InlineData(503, "RetryLater")]
    public async Task Send_ConnectorRefuses_OutcomeSaysWhetherToRetry(int status, string expected)
    {
        await using var host = await TeamsBotHost.StartAsync();
        using (await host.PostWithChannelTokenAsync(host.Message(host.Rep, "help", conversationId: "a:dm-fail")))
        {
        }

        host.StandIn.FailNext(Enumerable.Repeat(status, 4).ToArray());

        var outcome = await NotifyAsync(host, host.Rep);

        Assert.True(outcome == Enum.Parse<DeliveryOutcome>(expected),
            $"{outcome}; connector calls: {string.Join(", ", host.StandIn.Calls.Select(c => $"{c.Method} {c.Path}"))}");
    }

    private static TerritoryDbContext TestDatabasesForHost(TeamsBotHost host) => Data.TestDatabases.SqliteAt(host.DbFile);
}
