using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using TerritoryBot.Channels.Slack;
using TerritoryBot.Tests.Cards;

namespace TerritoryBot.Tests.Channels.Slack;

/// <summary>manifests/slack/manifest.json (PROTOCOLS.md F): valid JSON, the required fields, and URLs the app serves.</summary>
public sealed class SlackManifestTests
{
    private static JsonObject Manifest() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CardValidation.RepositoryRoot, "manifests", "slack", "manifest.json")),
            documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow })!.AsObject();

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!);

    [Fact]
    public void Manifest_RequiredFields_Present()
    {
        var m = Manifest();

        Assert.False(string.IsNullOrWhiteSpace((string?)m["display_information"]?["name"]));
        Assert.True(((string)m["display_information"]!["description"]!).Length <= 140);
        Assert.False(string.IsNullOrWhiteSpace((string?)m["features"]?["bot_user"]?["display_name"]));
        var command = Assert.Single(m["features"]!["slash_commands"]!.AsArray())!;
        Assert.Equal("/territory", (string)command["command"]!);
        Assert.Equal(["app_mentions:read", "chat:write", "commands", "im:history"], Strings(m["oauth_config"]!["scopes"]!["bot"]).Order());
        Assert.Equal(["app_mention", "message.im"], Strings(m["settings"]!["event_subscriptions"]!["bot_events"]).Order());
        Assert.True((bool)m["settings"]!["interactivity"]!["is_enabled"]!);
    }

    [Fact]
    public async Task Manifest_RequestUrls_AreTheAppsSlackRoutesOnOneHost()
    {
        var m = Manifest();
        var urls = new[]
        {
            (Url: (string)m["features"]!["slash_commands"]![0]!["url"]!, Path: SlackEndpoints.CommandsPath),
            (Url: (string)m["settings"]!["event_subscriptions"]!["request_url"]!, Path: SlackEndpoints.EventsPath),
            (Url: (string)m["settings"]!["interactivity"]!["request_url"]!, Path: SlackEndpoints.InteractionsPath),
        };
        await using var app = WebHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Territory=Data Source=:memory:", "--Demo:SeedWhenEmpty=false"]);
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText).ToHashSet();

        foreach (var (url, path) in urls)
        {
            var uri = new Uri(url);
            Assert.Equal("https", uri.Scheme); // Slack calls only https request URLs
            Assert.Equal(path, uri.AbsolutePath);
            Assert.Contains(uri.AbsolutePath, routes);
        }

        Assert.Single(urls.Select(u => new Uri(u.Url).Host).Distinct());
    }
}
