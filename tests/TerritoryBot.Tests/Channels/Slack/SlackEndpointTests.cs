using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Cards;
using TerritoryBot.Channels.Slack;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Plugins;

namespace TerritoryBot.Tests.Channels.Slack;

/// <summary>The three Slack request URLs end to end on loopback: signed requests in, Web API / response_url calls out.</summary>
public sealed class SlackEndpointTests : IAsyncLifetime
{
    private SlackApiStub stub = null!;

    public async Task InitializeAsync() => stub = await SlackApiStub.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    /// <summary>Help plus handlers that echo the verb and data they got, so the tests see exactly what the adapter passed on.</summary>
    private static void EchoHandlers(IServiceCollection services) =>
        services.AddSingleton(sp =>
        {
            var plugins = sp.GetRequiredService<PluginHost>().Registry;
            _ = plugins.TryGet(Intent.Help, out var help);
            _ = plugins.TryGet(Intent.Unknown, out var unknown);
            return new IntentRegistry([help!, unknown!, new EchoHandler(Intent.TopAccounts, "accounts.top"), new EchoHandler(Intent.RejectProposal, "proposal.reject")]);
        });

    private sealed class EchoHandler(Intent intent, params string[] verbs) : IIntentHandler
    {
        public Intent Intent => intent;

        public IReadOnlyList<string> Verbs => verbs;

        public Task<IViewModel> HandleAsync(TurnContext turn, CancellationToken ct) => Task.FromResult<IViewModel>(Echo(turn));
    }

    private static EchoView Echo(TurnContext t) => new($"echo {t.Turn.Action?.Verb} {t.ActionData?.ToJsonString()} by {t.Caller.RepId}");

    private sealed record EchoView(string Text) : IViewModel
    {
        public AdaptiveCard? ToCard() => new() { Body = [new TextBlock(Text)] };
    }

    private Task<SlackTestHost> HostAsync(Func<Workspace, IWorkspaceSource>? source = null, Dictionary<string, string?>? settings = null) =>
        SlackTestHost.StartAsync(stub, source, settings, EchoHandlers);

    [Fact]
    public async Task Events_UrlVerification_ReturnsTheChallenge()
    {
        await using var host = await HostAsync();

        var response = await host.EventAsync(new JsonObject { ["token"] = "t", ["type"] = "url_verification", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string)json["challenge"]!);
    }

    [Theory]
    [InlineData(0, "v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(-301, null)]
    [InlineData(301, null)]
    [InlineData(-3600, null)]
    [InlineData(0, "")]
    public async Task Events_BadSignatureOrTimestamp_401AndNothingDone(int offsetSeconds, string? signature)
    {
        await using var host = await HostAsync();
        var body = new JsonObject { ["type"] = "url_verification", ["challenge"] = "c" }.ToJsonString();

        var response = await host.PostAsync(SlackEndpoints.EventsPath, body, "application/json", SlackTestHost.Now + offsetSeconds, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("\"c\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SlackEndpoints.CommandsPath)]
    [InlineData(SlackEndpoints.InteractionsPath)]
    public async Task FormRoutes_BadSignature_401AndNothingQueued(string path)
    {
        await using var host = await HostAsync();

        var response = await host.PostAsync(path, "user_id=U1&response_url=http%3A%2F%2F127.0.0.1%2Fx&text=help", "application/x-www-form-urlencoded",
            signature: "v0=" + new string('1', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task Events_AppMention_AnswerPostedInTheMentionThread()
    {
        await using var host = await HostAsync();
        var rep = host.SlackIdOf(RepRole.Rep);

        var response = await host.EventAsync(SlackTestHost.Envelope("Ev1", SlackTestHost.Mention(rep, "C100", "<@UBOT> help", ts: "1700000000.000555")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await stub.NextCallAsync();
        Assert.Equal("/api/chat.postMessage", call.Path);
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", call.Authorization);
        Assert.Equal("C100", call.Str("channel"));
        Assert.Equal("1700000000.000555", call.Str("thread_ts"));
        Assert.Contains("here is what I can do", call.Str("text"), StringComparison.Ordinal);
        Assert.NotEmpty(call.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Events_MentionInsideAThread_AnswerInThatThread()
    {
        await using var host = await HostAsync();
        var ev = SlackTestHost.Mention(host.SlackIdOf(RepRole.Rep), "C100", "<@UBOT> help");
        ev["thread_ts"] = "1699999999.000001";

        await host.EventAsync(SlackTestHost.Envelope("Ev1", ev));

        Assert.Equal("1699999999.000001", (await stub.NextCallAsync()).Str("thread_ts"));
    }

    [Fact]
    public async Task Events_DirectMessage_AnswerPostedToTheImWithoutThread()
    {
        await using var host = await HostAsync();

        await host.EventAsync(SlackTestHost.Envelope("Ev1", SlackTestHost.DirectMessage(host.SlackIdOf(RepRole.Manager), "D200", "help")));

        var call = await stub.NextCallAsync();
        Assert.Equal("D200", call.Str("channel"));
        Assert.False(call.Body.ContainsKey("thread_ts"));
        Assert.Contains("Propose a move", call.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_UnknownSlackUser_RefusalWithoutData()
    {
        await using var host = await HostAsync();

        await host.EventAsync(SlackTestHost.Envelope("Ev1", SlackTestHost.DirectMessage("UNOBODY", "D1", "show my territory")));

        var call = await stub.NextCallAsync();
        Assert.Contains("don't know who you are", call.Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_RetriesAndDuplicateIds_AnsweredOnce()
    {
        await using var host = await HostAsync();
        var rep = host.SlackIdOf(RepRole.Rep);
        var first = SlackTestHost.Envelope("EvSame", SlackTestHost.DirectMessage(rep, "D1", "help"));

        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(first, new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(first, new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "2", ["X-Slack-Retry-Reason"] = "http_error" })).StatusCode);
        await host.EventAsync(SlackTestHost.Envelope("EvOther", SlackTestHost.DirectMessage(rep, "D2", "help")));

        // One worker answers in queue order: had a retry been queued, it would come before D2's answer.
        Assert.Equal("D1", (await stub.NextCallAsync()).Str("channel"));
        Assert.Equal("D2", (await stub.NextCallAsync()).Str("channel"));
        Assert.Equal(2, stub.Calls.Count);
    }

    [Fact]
    public async Task Events_BotMessagesSubtypesAndOtherEvents_IgnoredWith200()
    {
        await using var host = await HostAsync();
        var rep = host.SlackIdOf(RepRole.Rep);
        var fromBot = SlackTestHost.DirectMessage(rep, "DBOT", "help");
        fromBot["bot_id"] = "B1";
        var edited = SlackTestHost.DirectMessage(rep, "DSUB", "help");
        edited["subtype"] = "message_changed";
        var inChannel = SlackTestHost.DirectMessage(rep, "CCHAN", "help");
        inChannel["channel_type"] = "channel";
        var reaction = new JsonObject { ["type"] = "reaction_added", ["user"] = rep };

        foreach (var (id, ev) in new[] { ("E1", fromBot), ("E2", edited), ("E3", inChannel), ("E4", reaction) })
        {
            Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(SlackTestHost.Envelope(id, ev))).StatusCode);
        }

        await host.EventAsync(SlackTestHost.Envelope("E5", SlackTestHost.DirectMessage(rep, "DREAL", "help")));

        Assert.Equal("DREAL", (await stub.NextCallAsync()).Str("channel"));
        Assert.Single(stub.Calls);
    }

    [Fact]
    public async Task Events_SlowEngine_AcknowledgedBeforeTheAnswerExists()
    {
        GatedWorkspaceSource? gate = null;
        await using var host = await HostAsync(w => gate = new GatedWorkspaceSource(w));

        var response = await host.EventAsync(SlackTestHost.Envelope("Ev1", SlackTestHost.DirectMessage(host.SlackIdOf(RepRole.Rep), "D1", "help")));

        // The engine is still held at the gate, so the 200 cannot have waited for it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await gate!.Entered;
        Assert.Empty(stub.Calls);
        gate.Open();
        Assert.Equal("D1", (await stub.NextCallAsync()).Str("channel"));
    }

    [Fact]
    public async Task Commands_Text_WorkingOnItThenEphemeralAnswerThroughResponseUrl()
    {
        GatedWorkspaceSource? gate = null;
        await using var host = await HostAsync(w => gate = new GatedWorkspaceSource(w));

        var response = await host.CommandAsync(host.SlackIdOf(RepRole.Ops), "help", stub.ResponseUrl("cmd1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string)ack["response_type"]!);
        Assert.Equal(SlackEndpoints.WorkingText, (string)ack["text"]!);
        await gate!.Entered;
        Assert.Empty(stub.Calls);
        gate.Open();
        var call = await stub.NextCallAsync();
        Assert.Equal("/respond/cmd1", call.Path);
        Assert.Null(call.Authorization);
        Assert.Equal("ephemeral", call.Str("response_type"));
        Assert.Contains("Approve", call.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Commands_EmptyText_Help(string text)
    {
        await using var host = await HostAsync();

        await host.CommandAsync(host.SlackIdOf(RepRole.Rep), text, stub.ResponseUrl("cmd"));

        Assert.Contains("here is what I can do", (await stub.NextCallAsync()).Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_DrillDown_VerbAndDataPassedOnAnswerIsANewEphemeralMessage()
    {
        await using var host = await HostAsync();
        var payload = SlackTestHost.BlockActions(host.SlackIdOf(RepRole.Rep), "accounts.top#2", "m/a0", """{"top":25}""", stub.ResponseUrl("act1"));

        var response = await host.InteractionAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await stub.NextCallAsync();
        Assert.Equal("/respond/act1", call.Path);
        Assert.Equal("""echo accounts.top {"top":25} by R001""", call.Str("text"));
        Assert.Equal("ephemeral", call.Str("response_type"));
        Assert.False((bool)call.Body["replace_original"]!);
    }

    [Fact]
    public async Task Interactions_RejectWithReason_InputsOfItsScopeMergedAndCardReplaced()
    {
        await using var host = await HostAsync();
        var state = new JsonObject
        {
            ["s1/in/reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "customer is mid-renewal" } },
            // Another show-card's field and a block that is not ours are not this button's inputs.
            ["s2/in/percent"] = new JsonObject { ["percent"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "50" } },
            ["xyz"] = new JsonObject { ["top"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "9" } },
        };
        var payload = SlackTestHost.BlockActions(host.SlackIdOf(RepRole.Ops), "proposal.reject", "s1/a1", """{"proposalId":7,"version":2}""", stub.ResponseUrl("act2"), state);

        Assert.Equal(HttpStatusCode.OK, (await host.InteractionAsync(payload)).StatusCode);

        var call = await stub.NextCallAsync();
        Assert.Equal("""echo proposal.reject {"proposalId":7,"version":2,"reason":"customer is mid-renewal"} by R006""", call.Str("text"));
        Assert.True((bool)call.Body["replace_original"]!);
        Assert.False(call.Body.ContainsKey("response_type"));
    }

    [Fact]
    public async Task Interactions_UnknownVerb_EphemeralExplanationOriginalKept()
    {
        await using var host = await HostAsync();
        var payload = SlackTestHost.BlockActions(host.SlackIdOf(RepRole.Rep), "no.such.verb", "m/a0", null, stub.ResponseUrl("act3"));

        await host.InteractionAsync(payload);

        var call = await stub.NextCallAsync();
        Assert.Contains("not one I know", call.Str("text"), StringComparison.Ordinal);
        Assert.False((bool)call.Body["replace_original"]!);
    }

    [Fact]
    public async Task Interactions_OtherPayloadTypes_IgnoredWith200()
    {
        await using var host = await HostAsync();

        var response = await host.InteractionAsync(new JsonObject { ["type"] = "view_closed", ["user"] = new JsonObject { ["id"] = "U1" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task WebApi_429WithRetryAfter_RetriedAfterTheWaitThenDelivered()
    {
        await using var host = await HostAsync();
        stub.Script.Enqueue(new StubAnswer(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 1));

        await host.EventAsync(SlackTestHost.Envelope("Ev1", SlackTestHost.DirectMessage(host.SlackIdOf(RepRole.Rep), "D1", "help")));

        var limited = await stub.NextCallAsync();
        var retried = await stub.NextCallAsync();
        Assert.Equal(limited.Body.ToJsonString(), retried.Body.ToJsonString());
        Assert.Equal(2, stub.Calls.Count);
    }

    [Fact]
    public async Task Queue_Full_EventsGet503AndTheirRetryIsAnsweredCommandsGetBusy()
    {
        GatedWorkspaceSource? gate = null;
        await using var host = await HostAsync(w => gate = new GatedWorkspaceSource(w), new() { ["Slack:QueueCapacity"] = "1" });
        var rep = host.SlackIdOf(RepRole.Rep);

        // The worker takes the first turn and waits at the gate; the second fills the queue; the third finds it full.
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(SlackTestHost.Envelope("E1", SlackTestHost.DirectMessage(rep, "D1", "help")))).StatusCode);
        await gate!.Entered;
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(SlackTestHost.Envelope("E2", SlackTestHost.DirectMessage(rep, "D2", "help")))).StatusCode);
        var third = SlackTestHost.Envelope("E3", SlackTestHost.DirectMessage(rep, "D3", "help"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.EventAsync(third)).StatusCode);
        var busy = await host.CommandAsync(rep, "help", stub.ResponseUrl("c"));
        Assert.Equal(SlackEndpoints.BusyText, (string)JsonNode.Parse(await busy.Content.ReadAsStringAsync())!["text"]!);

        gate.Open();
        Assert.Equal("D1", (await stub.NextCallAsync()).Str("channel"));
        Assert.Equal("D2", (await stub.NextCallAsync()).Str("channel"));
        // Slack's retry of the refused event is not mistaken for a duplicate.
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(third, new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1" })).StatusCode);
        Assert.Equal("D3", (await stub.NextCallAsync()).Str("channel"));
    }

    public static TheoryData<string, string, string, int> BadInput => new()
    {
        { SlackEndpoints.EventsPath, "text/plain", "{}", 415 },
        { SlackEndpoints.EventsPath, "application/x-www-form-urlencoded", "a=b", 415 },
        { SlackEndpoints.EventsPath, "application/json", "{not json", 400 },
        { SlackEndpoints.EventsPath, "application/json", "[1,2]", 400 },
        { SlackEndpoints.EventsPath, "application/json", "{}", 400 },
        { SlackEndpoints.EventsPath, "application/json", """{"type":"url_verification"}""", 400 },
        { SlackEndpoints.EventsPath, "application/json", """{"type":"event_callback","event":{"type":"app_mention"}}""", 400 },
        { SlackEndpoints.EventsPath, "application/json", """{"type":"event_callback","event_id":"E1","event":{"type":"app_mention","text":"hi"}}""", 400 },
        { SlackEndpoints.EventsPath, "application/json", """{"type":"event_callback","event_id":"E1","event":"app_mention"}""", 400 },
        { SlackEndpoints.CommandsPath, "application/json", "{}", 415 },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "text=help", 400 },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "user_id=U1&text=help&response_url=not-a-url", 400 },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "user_id=U1&text=help&response_url=file%3A%2F%2F%2Fetc%2Fpasswd", 400 },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "user_id=U1&user_id=U2&response_url=http%3A%2F%2F127.0.0.1%2Fr", 400 },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "nopayload=1", 400 },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%7Bbroken", 400 },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%5B%5D", 400 },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U1"},"response_url":"http://127.0.0.1/r","actions":[]}"""), 400 },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"a"}]}"""), 400 },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U1"},"response_url":"http://127.0.0.1/r","actions":[{"action_id":"a","value":"[1]"}]}"""), 400 },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":"U1","response_url":"http://127.0.0.1/r","actions":[{"action_id":"a"}]}"""), 400 },
        { SlackEndpoints.InteractionsPath, "application/json", "{}", 415 },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Routes_BadInput_ClientErrorWithNothingQueued(string path, string contentType, string body, int status)
    {
        await using var host = await HostAsync();

        var response = await host.PostAsync(path, body, contentType);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(stub.Calls);
    }

    [Theory]
    [InlineData(SlackEndpoints.EventsPath, "application/json")]
    [InlineData(SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded")]
    public async Task Routes_OversizedBody_413(string path, string contentType)
    {
        await using var host = await HostAsync(settings: new() { ["Slack:MaxRequestBytes"] = "4096" });

        var response = await host.PostAsync(path, "text=" + new string('x', 5000), contentType);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Routes_OversizedChunkedBody_413()
    {
        await using var host = await HostAsync(settings: new() { ["Slack:MaxRequestBytes"] = "4096" });
        using var content = new StreamContent(new MemoryStream(new byte[100_000]));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.EventsPath) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Routes_SlackNotConfigured_503()
    {
        await using var host = await HostAsync(settings: new() { ["Slack:SigningSecret"] = "", ["Slack:BotToken"] = "" });

        var response = await host.EventAsync(new JsonObject { ["type"] = "url_verification", ["challenge"] = "c" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
