using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TerritoryBot.Channels.Slack;
using TerritoryBot.Conversation;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Channels.Slack;

/// <summary>
/// The Slack adapter as the web host wires it (AddConversation, AddSlack, MapSlack) on a loopback Kestrel port, over
/// the in-memory demo workspace (or a gated one), replying to a <see cref="SlackApiStub"/>. Signs its requests.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5-test";
    public const string BotToken = "xoxb-test-token";

    private static readonly Lazy<Workspace> DemoWorkspace = new(() =>
        new Workspace(ConversationHarness.Demo(accounts: 240, reps: 4, seed: 11), ConversationHarness.AsOf));

    private readonly WebApplication app;

    private SlackTestHost(WebApplication app, Workspace workspace)
    {
        this.app = app;
        Workspace = workspace;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }
    public Workspace Workspace { get; }
    public IServiceProvider Services => app.Services;

    /// <summary>The Slack user id of the first rep with <paramref name="role"/> in the demo workspace.</summary>
    public string SlackIdOf(Core.Model.RepRole role) => Workspace.Data.Reps.First(r => r.Role == role).SlackUserId!;

    public static async Task<SlackTestHost> StartAsync(
        SlackApiStub stub,
        Func<Workspace, IWorkspaceSource>? source = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var workspace = DemoWorkspace.Value;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = stub.ApiBase.ToString(),
            ["Slack:Workers"] = "1",
            ["Slack:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton(source?.Invoke(workspace) ?? new FixedWorkspaceSource(workspace));
        builder.Services.AddConversation();
        builder.AddSlack();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        return new SlackTestHost(app, workspace);
    }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Posts <paramref name="body"/> signed with the test secret at <paramref name="timestamp"/> (now by default).</summary>
    public async Task<HttpResponseMessage> PostAsync(
        string path, string body, string contentType, long? timestamp = null, string? signature = null, IDictionary<string, string>? headers = null)
    {
        var ts = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature ?? SlackSignature.Header(Secret, ts, bytes));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> EventAsync(JsonObject envelope, IDictionary<string, string>? headers = null) =>
        PostAsync(SlackEndpoints.EventsPath, envelope.ToJsonString(), "application/json", headers: headers);

    public Task<HttpResponseMessage> CommandAsync(string user, string text, Uri responseUrl) =>
        PostAsync(SlackEndpoints.CommandsPath, Form(
            ("token", "ignored"), ("team_id", "T1"), ("channel_id", "C1"), ("user_id", user), ("command", "/territory"),
            ("text", text), ("response_url", responseUrl.ToString()), ("trigger_id", "1.2.3")), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        PostAsync(SlackEndpoints.InteractionsPath, Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded");

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>An event_callback envelope around an event.</summary>
    public static JsonObject Envelope(string eventId, JsonObject ev) => new()
    {
        ["token"] = "ignored",
        ["team_id"] = "T1",
        ["api_app_id"] = "A1",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = Now,
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "UBOT", ["is_bot"] = true }),
        ["event"] = ev,
    };

    public static JsonObject Mention(string user, string channel, string text, string ts = "1700000000.000200") => new()
    {
        ["type"] = "app_mention",
        ["user"] = user,
        ["channel"] = channel,
        ["text"] = text,
        ["ts"] = ts,
    };

    public static JsonObject DirectMessage(string user, string channel, string text) => new()
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["user"] = user,
        ["channel"] = channel,
        ["text"] = text,
        ["ts"] = "1700000000.000300",
    };

    /// <summary>A block_actions payload for one button press, with optional input state.</summary>
    public static JsonObject BlockActions(string user, string actionId, string blockId, string? value, Uri responseUrl, JsonObject? stateValues = null)
    {
        var action = new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["block_id"] = blockId, ["action_ts"] = "1700000000.1" };
        if (value is not null)
        {
            action["value"] = value;
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["team_id"] = "T1" },
            ["api_app_id"] = "A1",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = "C1" },
            ["channel"] = new JsonObject { ["id"] = "C1", ["name"] = "sales" },
            ["message"] = new JsonObject { ["ts"] = "1700000000.000100", ["text"] = "card" },
            ["state"] = new JsonObject { ["values"] = stateValues ?? [] },
            ["response_url"] = responseUrl.ToString(),
            ["actions"] = new JsonArray(action),
        };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A workspace that is handed out only when the test opens the gate: an engine that is still busy.</summary>
internal sealed class GatedWorkspaceSource(Workspace workspace) : IWorkspaceSource
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first turn is waiting at the gate.</summary>
    public Task Entered => entered.Task;

    public void Open() => gate.TrySetResult();

    public async ValueTask<Workspace> GetAsync(CancellationToken ct)
    {
        entered.TrySetResult();
        await gate.Task.WaitAsync(ct);
        return workspace;
    }
}
