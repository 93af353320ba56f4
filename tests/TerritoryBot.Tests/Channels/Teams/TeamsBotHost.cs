using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Tests.Conversation;
using TerritoryBot.Tests.Data;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>
/// The real web host on a loopback port, on its own SQLite file holding a small demo data set (R001–R004 reps,
/// R005 manager, R006 ops, each with a Teams AAD object id), wired to a <see cref="BotFrameworkStandIn"/>.
/// With <c>appId: null</c> it runs in anonymous (local development) mode.
/// </summary>
internal sealed class TeamsBotHost : IAsyncDisposable
{
    private readonly string dir;

    private TeamsBotHost(string dir, BotFrameworkStandIn standIn, WebApplication app, DataSet data)
    {
        this.dir = dir;
        StandIn = standIn;
        App = app;
        Data = data;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public BotFrameworkStandIn StandIn { get; }
    public WebApplication App { get; }
    public DataSet Data { get; }
    public HttpClient Client { get; }
    public string DbFile => Path.Combine(dir, "teams.db");

    public Rep Rep => Data.Reps.First(r => r.Role == RepRole.Rep);
    public Rep Ops => Data.Reps.First(r => r.Role == RepRole.Ops);

    public static async Task<TeamsBotHost> StartAsync(string? appId = BotFrameworkStandIn.AppId, params string[] extra)
    {
        var standIn = await BotFrameworkStandIn.StartAsync();
        var dir = Directory.CreateTempSubdirectory("tb-teams-").FullName;
        var file = Path.Combine(dir, "teams.db");
        var data = ConversationHarness.Demo(accounts: 240, reps: 4, seed: 11);
        await using (var db = TestDatabases.SqliteAt(file))
        {
            await db.MigrateAsync();
            await db.ImportDataSetAsync(data);
        }

        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Territory=Data Source={file};Pooling=False",
            "--Demo:SeedWhenEmpty=false",
            $"--Teams:AppId={appId ?? ""}",
            $"--Teams:AppPassword={(appId is null ? "" : BotFrameworkStandIn.AppPassword)}",
            $"--Teams:OpenIdMetadataUrl={standIn.ChannelMetadataUrl}",
            $"--Teams:EmulatorOpenIdMetadataUrl={standIn.EmulatorMetadataUrl}",
            $"--Teams:TokenEndpoint={standIn.TokenUrl}",
            "--Teams:RetryBaseDelay=00:00:00.010",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ];
        var app = WebHost.Build(args);
        await app.StartAsync();
        return new TeamsBotHost(dir, standIn, app, data);
    }

    /// <summary>A message activity from <paramref name="from"/> in a personal chat, as Teams sends it.</summary>
    public JsonObject Message(Rep from, string text, string conversationId = "a:personal-1", string id = "msg-1") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-01T10:00:00Z",
        ["serviceUrl"] = StandIn.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:" + from.RepId, ["name"] = from.Name, ["aadObjectId"] = from.TeamsAadObjectId },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkStandIn.AppId, ["name"] = "TerritoryBot" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token) => PostRawAsync(activity.ToJsonString(), token);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostWithChannelTokenAsync(JsonNode activity) => PostAsync(activity, StandIn.ChannelToken());

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonNode>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await StandIn.DisposeAsync();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in temp: harmless.
        }
    }
}

/// <summary>One authenticated bot for a test class (starting a host per test would be slow).</summary>
public sealed class TeamsBotFixture : IAsyncLifetime
{
    internal TeamsBotHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TeamsBotHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
