using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TerritoryBot.Channels.Slack;
using TerritoryBot.Workflow;

namespace TerritoryBot.Tests.Channels.Slack;

/// <summary>The real web host (WebHost.Build) wires Slack in: routes, options validation and the notification channel.</summary>
public sealed class SlackWebHostTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tb-slack-host-").FullName;

    private WebApplication Build(params string[] extra) => WebHost.Build(
    [
        "--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Territory=Data Source={Path.Combine(dir, "t.db")};Pooling=False",
        "--Demo:SeedWhenEmpty=false", .. extra,
    ]);

    [Fact]
    public async Task WebHost_SlackConfigured_SignedUrlVerificationAnswered()
    {
        await using var app = Build("--Slack:SigningSecret=s3cret", "--Slack:BotToken=xoxb-1");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var body = Encoding.UTF8.GetBytes("""{"type":"url_verification","challenge":"abc"}""");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.EventsPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Header("s3cret", ts, body));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abc", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!);
        Assert.Contains(app.Services.GetServices<INotificationChannel>(), c => c.Name == "slack");
        await app.StopAsync();
    }

    [Fact]
    public void WebHost_SecretWithoutBotToken_FailsOnStart()
    {
        var app = Build("--Slack:SigningSecret=s3cret");

        var error = Assert.ThrowsAny<Exception>(() => app.StartAsync().GetAwaiter().GetResult());

        Assert.Contains("Slack:BotToken is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebHost_Default_MapsTheThreeSlackRoutes()
    {
        await using var app = Build();

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText).ToHashSet();

        Assert.Contains(SlackEndpoints.EventsPath, routes);
        Assert.Contains(SlackEndpoints.CommandsPath, routes);
        Assert.Contains(SlackEndpoints.InteractionsPath, routes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on some systems; the temp folder is cleaned by the OS.
        }
    }
}
