using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>Inbound JWT validation (PROTOCOLS.md B) against a loopback OpenID metadata + JWKS stand-in with real RSA keys.</summary>
public sealed class TeamsAuthenticationTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private TeamsBotHost Host => fixture.Host;

    [Theory]
    [InlineData("valid", HttpStatusCode.OK)]
    [InlineData("expired-within-skew", HttpStatusCode.OK)]
    [InlineData("emulator-v1", HttpStatusCode.OK)]
    [InlineData("emulator-v2", HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    [InlineData("not-bearer", HttpStatusCode.Unauthorized)]
    [InlineData("garbage", HttpStatusCode.Unauthorized)]
    [InlineData("wrong-audience", HttpStatusCode.Unauthorized)]
    [InlineData("wrong-issuer", HttpStatusCode.Unauthorized)]
    [InlineData("expired", HttpStatusCode.Unauthorized)]
    [InlineData("not-yet-valid", HttpStatusCode.Unauthorized)]
    [InlineData("unknown-key", HttpStatusCode.Unauthorized)]
    [InlineData("not-endorsed", HttpStatusCode.Unauthorized)]
    [InlineData("serviceurl-mismatch", HttpStatusCode.Unauthorized)]
    [InlineData("serviceurl-other-case", HttpStatusCode.OK)]
    [InlineData("hs256", HttpStatusCode.Unauthorized)]
    [InlineData("alg-none", HttpStatusCode.Unauthorized)]
    [InlineData("emulator-v1-other-app", HttpStatusCode.Unauthorized)]
    [InlineData("emulator-v2-other-app", HttpStatusCode.Unauthorized)]
    public async Task Post_Token_AcceptedOnlyWhenValid(string kind, HttpStatusCode expected)
    {
        var s = Host.StandIn;
        var now = DateTime.UtcNow;
        var activity = Host.Message(Host.Rep, "help", conversationId: "a:auth-" + kind);
        string? header = kind switch
        {
            "valid" => "Bearer " + s.ChannelToken(),
            "expired-within-skew" => "Bearer " + s.ChannelToken(notBefore: now.AddHours(-1), expires: now.AddMinutes(-3)),
            "emulator-v1" => "Bearer " + s.EmulatorToken("1.0"),
            "emulator-v2" => "Bearer " + s.EmulatorToken("2.0"),
            "none" => null,
            "not-bearer" => "Basic " + s.ChannelToken(),
            "garbage" => "Bearer not.a.jwt",
            "wrong-audience" => "Bearer " + s.ChannelToken(audience: "someone-else"),
            "wrong-issuer" => "Bearer " + s.ChannelToken(issuer: "https://evil.example"),
            "expired" => "Bearer " + s.ChannelToken(notBefore: now.AddHours(-1), expires: now.AddMinutes(-10)),
            "not-yet-valid" => "Bearer " + s.ChannelToken(notBefore: now.AddMinutes(10), expires: now.AddMinutes(40)),
            "unknown-key" => "Bearer " + s.ChannelToken(key: BotFrameworkStandIn.NewKey("never-published")),
            "not-endorsed" => "Bearer " + s.ChannelToken(key: s.SkypeOnlyKey),
            "serviceurl-mismatch" => "Bearer " + s.ChannelToken(serviceUrl: "https://smba.trafficmanager.net/evil/"),
            "serviceurl-other-case" => "Bearer " + s.ChannelToken(serviceUrl: s.ServiceUrl.ToUpperInvariant()),
            // HS256 "signed" with the public key's bytes: the classic key-confusion attack.
            "hs256" => "Bearer " + s.ChannelToken(key: new SymmetricSecurityKey(s.ChannelKey.Rsa.ExportRSAPublicKey()) { KeyId = s.ChannelKey.KeyId }, algorithm: SecurityAlgorithms.HmacSha256),
            "alg-none" => "Bearer " + s.UnsignedToken(),
            "emulator-v1-other-app" => "Bearer " + s.EmulatorToken("1.0", appId: "other-app"),
            "emulator-v2-other-app" => "Bearer " + s.EmulatorToken("2.0", appId: "other-app"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var replied = Host.StandIn.Calls.Any(c => c.Path.Contains("a:auth-" + kind, StringComparison.Ordinal) || c.Path.Contains(Uri.EscapeDataString("a:auth-" + kind), StringComparison.Ordinal));
        Assert.Equal(expected == HttpStatusCode.OK, replied);
    }

    [Fact]
    public async Task Post_KeyRotatedAfterFirstFetch_RefreshesOnceAndAccepts()
    {
        await using var host = await TeamsBotHost.StartAsync();
        var s = host.StandIn;
        using (var first = await host.PostWithChannelTokenAsync(host.Message(host.Rep, "help")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var readsBefore = s.ChannelMetadataReads;
        var rotated = BotFrameworkStandIn.NewKey("channel-key-2");
        s.Publish(rotated, "msteams");

        using var response = await host.PostAsync(host.Message(host.Rep, "help", id: "msg-2"), s.ChannelToken(key: rotated));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(readsBefore + 1, s.ChannelMetadataReads);

        // A second unknown key right after is refused without another fetch (at most one forced refresh per interval).
        using var bogus = await host.PostAsync(host.Message(host.Rep, "help", id: "msg-3"), s.ChannelToken(key: BotFrameworkStandIn.NewKey("made-up")));
        Assert.Equal(HttpStatusCode.Unauthorized, bogus.StatusCode);
        Assert.Equal(readsBefore + 1, s.ChannelMetadataReads);
    }

    [Fact]
    public async Task Post_KnownKeyAgain_DoesNotRefetchMetadata()
    {
        using (await Host.PostWithChannelTokenAsync(Host.Message(Host.Rep, "help", conversationId: "a:cache-1")))
        {
        }

        var reads = Host.StandIn.ChannelMetadataReads;
        using var response = await Host.PostWithChannelTokenAsync(Host.Message(Host.Rep, "help", conversationId: "a:cache-2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(reads, Host.StandIn.ChannelMetadataReads);
    }
}

/// <summary>Anonymous mode: only without an app id, and only without an Authorization header.</summary>
public sealed class TeamsAnonymousModeTests
{
    [Fact]
    public async Task Post_NoAppIdNoHeader_AcceptedAndRepliesWithoutToken()
    {
        await using var host = await TeamsBotHost.StartAsync(appId: null);

        using var response = await host.PostAsync(host.Message(host.Rep, "help"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.StandIn.Calls);
        Assert.Null(call.Authorization);
        Assert.Equal(0, host.StandIn.TokenRequests);
    }

    [Fact]
    public async Task Post_NoAppIdWithHeader_Unauthorized()
    {
        await using var host = await TeamsBotHost.StartAsync(appId: null);

        using var response = await host.PostAsync(host.Message(host.Rep, "help"), host.StandIn.ChannelToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.StandIn.Calls);
    }
}
