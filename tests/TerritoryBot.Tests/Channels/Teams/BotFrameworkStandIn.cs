using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TerritoryBot.Tests.Channels.Teams;

/// <summary>A connector call the stand-in received.</summary>
internal sealed record ConnectorCall(string Method, string Path, string? Authorization, JsonNode? Body);

/// <summary>
/// The Bot Framework on loopback: OpenID metadata and JWKS (real RSA keys with endorsements) for the channel and the
/// emulator, a client-credentials token endpoint and a connector that records every call and can be told to fail.
/// Tokens are signed here with the same keys, so the bot validates real signatures.
/// </summary>
internal sealed class BotFrameworkStandIn : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "test-secret";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> channelKeys = [];
    private readonly List<RsaSecurityKey> emulatorKeys = [];
    private readonly ConcurrentQueue<int> plannedStatuses = new();
    private readonly List<ConnectorCall> calls = [];
    private int tokenRequests;
    private int channelMetadataReads;
    private int activityIds;

    private BotFrameworkStandIn(WebApplication app) => this.app = app;

    /// <summary>Signs channel tokens, endorsed for msteams.</summary>
    public RsaSecurityKey ChannelKey { get; } = NewKey("channel-key-1");

    /// <summary>Published, but endorsed only for another channel.</summary>
    public RsaSecurityKey SkypeOnlyKey { get; } = NewKey("skype-only-key");

    public RsaSecurityKey EmulatorKey { get; } = NewKey("emulator-key-1");

    public string BaseUrl => app.Urls.First();
    public string ServiceUrl => BaseUrl + "/connector/";
    public string ChannelMetadataUrl => BaseUrl + "/channel/openid";
    public string EmulatorMetadataUrl => BaseUrl + "/emulator/openid";
    public string TokenUrl => BaseUrl + "/token";
    public int TokenRequests => Volatile.Read(ref tokenRequests);

    /// <summary>False: the connector only counts calls (the load tool's setting), instead of keeping every body.</summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Connector calls answered with an activity id, recorded or not.</summary>
    public int ConnectorCalls => Volatile.Read(ref activityIds);
    public int ChannelMetadataReads => Volatile.Read(ref channelMetadataReads);

    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public static async Task<BotFrameworkStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new BotFrameworkStandIn(app);
        standIn.Publish(standIn.ChannelKey, "msteams", "webchat");
        standIn.Publish(standIn.SkypeOnlyKey, "skype");
        standIn.emulatorKeys.Add(standIn.EmulatorKey);
        standIn.Map();
        await app.StartAsync();
        return standIn;
    }

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>Adds a key to the channel JWKS (a rotation).</summary>
    public void Publish(RsaSecurityKey key, params string[] endorsements)
    {
        lock (gate)
        {
            channelKeys.Add((key, endorsements));
        }
    }

    /// <summary>The next connector calls answer these statuses (then 200 again).</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            plannedStatuses.Enqueue(s);
        }
    }

    public void ClearCalls()
    {
        lock (gate)
        {
            calls.Clear();
        }
    }

    /// <summary>A channel token as the Bot Framework issues it; every part can be overridden for the negative cases.</summary>
    public string ChannelToken(
        string? serviceUrl = null, string? audience = null, string issuer = "https://api.botframework.com",
        DateTime? notBefore = null, DateTime? expires = null, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl };
        return Sign(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience ?? AppId,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? ChannelKey, algorithm),
        });
    }

    /// <summary>An Azure AD token as the emulator (and some channels) send: v1.0 names the app in appid, v2.0 in azp.</summary>
    public string EmulatorToken(string version, string? appId = null)
    {
        var now = DateTime.UtcNow;
        var issuer = version == "2.0"
            ? $"https://login.microsoftonline.com/{BotFrameworkTenant}/v2.0"
            : $"https://sts.windows.net/{BotFrameworkTenant}/";
        var claims = new Dictionary<string, object>
        {
            ["ver"] = version,
            [version == "2.0" ? "azp" : "appid"] = appId ?? AppId,
        };
        return Sign(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AppId,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(EmulatorKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) naming the channel key.</summary>
    public string UnsignedToken()
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var payload = $$"""{"iss":"https://api.botframework.com","aud":"{{AppId}}","exp":{{exp}},"serviceurl":"{{ServiceUrl}}"}""";
        return B64($$"""{"alg":"none","typ":"JWT","kid":"{{ChannelKey.KeyId}}"}""") + "." + B64(payload) + ".";
    }

    private static string Sign(SecurityTokenDescriptor descriptor) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);

    private void Map()
    {
        app.MapGet("/channel/openid", () =>
        {
            Interlocked.Increment(ref channelMetadataReads);
            return Results.Json(new { issuer = "https://api.botframework.com", jwks_uri = BaseUrl + "/channel/keys", id_token_signing_alg_values_supported = new[] { "RS256" } });
        });
        app.MapGet("/channel/keys", () =>
        {
            lock (gate)
            {
                return Results.Json(new { keys = channelKeys.Select(k => Jwk(k.Key, k.Endorsements)).ToArray() });
            }
        });
        app.MapGet("/emulator/openid", () =>
            Results.Json(new { issuer = $"https://login.microsoftonline.com/{BotFrameworkTenant}/v2.0", jwks_uri = BaseUrl + "/emulator/keys" }));
        app.MapGet("/emulator/keys", () => Results.Json(new { keys = emulatorKeys.Select(k => Jwk(k, null)).ToArray() }));
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != AppId || form["client_secret"] != AppPassword
                || form["scope"] != "https://api.botframework.com/.default")
            {
                return Results.BadRequest(new { error = "invalid_client" });
            }

            var n = Interlocked.Increment(ref tokenRequests);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"outbound-token-{n}" });
        });
        app.Map("/connector/{**path}", async (HttpContext http) =>
        {
            if (!RecordCalls)
            {
                await http.Request.Body.CopyToAsync(Stream.Null);
                return Results.Json(new { id = $"activity-{Interlocked.Increment(ref activityIds)}" });
            }

            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            lock (gate)
            {
                // The raw target, not the decoded route value: the bot must escape ids ("a:1" → "a%3A1").
                var raw = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
                calls.Add(new ConnectorCall(http.Request.Method, raw["/connector".Length..], http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
                    body.Length == 0 ? null : JsonNode.Parse(body)));
            }

            if (plannedStatuses.TryDequeue(out var status))
            {
                return Results.StatusCode(status);
            }

            return Results.Json(new { id = $"activity-{Interlocked.Increment(ref activityIds)}" });
        });
    }

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[]? endorsements)
    {
        var p = key.Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
