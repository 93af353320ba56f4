using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace TerritoryBot.Channels.Teams;

/// <summary>The outcome of checking one request: accepted (possibly anonymously) or refused with a reason for the log.</summary>
internal sealed record AuthOutcome(bool Accepted, string Reason, bool Anonymous = false)
{
    public static AuthOutcome Refuse(string reason) => new(false, reason);
}

/// <summary>
/// Checks the <c>Authorization</c> header of an inbound activity exactly as PROTOCOLS.md B describes (the Bot
/// Framework SDK's JwtTokenExtractor, ChannelValidation and EmulatorValidation): signature by a key from the
/// channel's (or the emulator's) OpenID metadata, RS256/384/512 only, issuer, audience = app id, lifetime with 5
/// minutes of skew, channel endorsement of the signing key, and the <c>serviceurl</c> claim equal to the activity's
/// serviceUrl. Emulator-style tokens (Azure AD issuers of the Bot Framework tenants) take the emulator path: app id
/// from <c>appid</c> (v1.0) or <c>azp</c> (v2.0), no endorsement or serviceurl check.
/// </summary>
internal sealed class BotAuthenticator
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private const string BearerPrefix = "Bearer ";

    private static readonly string[] BotFrameworkTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions options;
    private readonly ILogger<BotAuthenticator> logger;
    private readonly ConfigurationManager<SigningKeySet> channelKeys;
    private readonly ConfigurationManager<SigningKeySet> emulatorKeys;
    private readonly HashSet<string> emulatorIssuers;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly Dictionary<ConfigurationManager<SigningKeySet>, DateTimeOffset> lastForcedRefresh = [];
    private readonly TimeProvider clock;

    /// <summary>How long a request that met an unknown key id waits for the refreshed keys.</summary>
    public static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);

    public BotAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<BotAuthenticator> logger)
    {
        this.clock = clock;
        this.options = options.Value;
        this.logger = logger;
        channelKeys = Keys(this.options.OpenIdMetadataUrl, httpClients, this.options.KeyRefreshMinInterval);
        emulatorKeys = Keys(this.options.EmulatorOpenIdMetadataUrl, httpClients, this.options.KeyRefreshMinInterval);
        emulatorIssuers = new HashSet<string>(StringComparer.Ordinal);
        var tenants = BotFrameworkTenants.ToList();
        if (!string.IsNullOrWhiteSpace(this.options.TenantId))
        {
            // A single-tenant bot also gets tokens issued by its own tenant (the SDK accepts these too).
            tenants.Add(this.options.TenantId.Trim());
        }

        foreach (var tenant in tenants)
        {
            emulatorIssuers.Add($"https://sts.windows.net/{tenant}/");
            emulatorIssuers.Add($"https://login.microsoftonline.com/{tenant}/v2.0");
        }
    }

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static ConfigurationManager<SigningKeySet> Keys(string metadataUrl, IHttpClientFactory httpClients, TimeSpan refreshMinInterval)
    {
        var uri = new Uri(metadataUrl);
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(TeamsSetup.MetadataClient))
        {
            // Plain http only for a loopback stand-in (tests, local development); anything else must be https.
            RequireHttps = !uri.IsLoopback,
        };
        return new ConfigurationManager<SigningKeySet>(metadataUrl, new SigningKeyRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromDays(1),
            RefreshInterval = refreshMinInterval,
        };
    }

    public async Task<AuthOutcome> AuthenticateAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(authorization))
        {
            return options.HasAppId
                ? AuthOutcome.Refuse("no Authorization header")
                : new AuthOutcome(true, "anonymous (no app id configured)", Anonymous: true);
        }

        if (!options.HasAppId)
        {
            // Without an app id there is no audience to check a token against: refuse rather than accept anything signed.
            return AuthOutcome.Refuse("an Authorization header was sent but Teams:AppId is not configured");
        }

        // The scheme is compared exactly, as the SDK does.
        if (!authorization.StartsWith(BearerPrefix, StringComparison.Ordinal) || authorization.Length == BearerPrefix.Length)
        {
            return AuthOutcome.Refuse("the Authorization header is not a Bearer token");
        }

        var raw = authorization[BearerPrefix.Length..].Trim();
        JsonWebToken token;
        try
        {
            token = handler.ReadJsonWebToken(raw);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return AuthOutcome.Refuse("the bearer token is not a JWT");
        }

        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return AuthOutcome.Refuse($"signing algorithm '{TextClip.Clip(token.Alg, TextClip.LogValue)}' is not RS256/384/512");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return AuthOutcome.Refuse("the token names no signing key (kid)");
        }

        var issuer = token.Issuer;
        var emulator = emulatorIssuers.Contains(issuer);
        if (!emulator && !string.Equals(issuer, ChannelIssuer, StringComparison.Ordinal))
        {
            return AuthOutcome.Refuse($"issuer '{TextClip.Clip(issuer, TextClip.LogValue)}' is not the Bot Framework channel or emulator issuer");
        }

        var keys = emulator ? emulatorKeys : channelKeys;
        var key = await FindKeyAsync(keys, token.Kid, ct);
        if (key is null)
        {
            return AuthOutcome.Refuse($"signing key '{TextClip.Clip(token.Kid, TextClip.LogValue)}' is not in the {(emulator ? "emulator" : "channel")} metadata (after a refresh)");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateIssuer = true,
            // Channel tokens are for our app id; emulator tokens carry it in appid/azp instead (checked below).
            ValidateAudience = !emulator,
            ValidAudience = options.AppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            IssuerSigningKey = key.Key,
            ValidateIssuerSigningKey = false,
            ValidAlgorithms = Algorithms,
            TryAllIssuerSigningKeys = false,
        };
        var result = await handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return AuthOutcome.Refuse($"token rejected: {Describe(result.Exception)}");
        }

        var claims = (JsonWebToken)result.SecurityToken;
        if (emulator)
        {
            var version = claims.TryGetPayloadValue<string>("ver", out var ver) ? ver : "1.0";
            var claimName = version switch
            {
                "1.0" => "appid",
                "2.0" => "azp",
                _ => null,
            };
            if (claimName is null)
            {
                return AuthOutcome.Refuse($"emulator token version '{TextClip.Clip(version, TextClip.LogValue)}' is unknown");
            }

            var appId = claims.TryGetPayloadValue<string>(claimName, out var value) ? value : null;
            return string.Equals(appId, options.AppId, StringComparison.Ordinal)
                ? new AuthOutcome(true, $"emulator token v{version}")
                : AuthOutcome.Refuse($"emulator token's {claimName} is not this bot's app id");
        }

        var channelId = activity.ChannelId;
        if (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId))
        {
            return AuthOutcome.Refuse($"signing key '{TextClip.Clip(token.Kid, TextClip.LogValue)}' is not endorsed for channel '{TextClip.Clip(channelId ?? "", TextClip.LogValue)}'");
        }

        var serviceUrl = claims.TryGetPayloadValue<string>("serviceurl", out var claimed) ? claimed : null;
        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthOutcome.Refuse("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        return new AuthOutcome(true, "channel token");
    }

    /// <summary>
    /// The key with this id. An unknown id (keys rotate) asks the configuration manager for a refresh and waits for
    /// it, at most once per <see cref="TeamsOptions.KeyRefreshMinInterval"/> per metadata document: IdentityModel 8
    /// refreshes on a background task, so the new key set is awaited here (up to <see cref="RefreshWait"/>) instead
    /// of failing the request that noticed the rotation.
    /// </summary>
    private async Task<SigningKey?> FindKeyAsync(ConfigurationManager<SigningKeySet> keys, string kid, CancellationToken ct)
    {
        try
        {
            var current = await keys.GetConfigurationAsync(ct);
            if (current.Keys.TryGetValue(kid, out var key))
            {
                return key;
            }

            var now = clock.GetUtcNow();
            lock (lastForcedRefresh)
            {
                if (lastForcedRefresh.TryGetValue(keys, out var last) && now - last < options.KeyRefreshMinInterval)
                {
                    return null;
                }

                lastForcedRefresh[keys] = now;
            }

            logger.LogInformation("Unknown signing key id {Kid}: refreshing the OpenID metadata of {Url}", TextClip.Clip(kid, TextClip.LogValue), keys.MetadataAddress);
            keys.RequestRefresh();
            var deadline = now + RefreshWait;
            var refreshed = await keys.GetConfigurationAsync(ct);
            while (ReferenceEquals(refreshed, current) && clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), clock, ct);
                refreshed = await keys.GetConfigurationAsync(ct);
            }

            return refreshed.Keys.GetValueOrDefault(kid);
        }
        catch (InvalidOperationException e)
        {
            // No metadata could be fetched at all: nobody can be authenticated, which is a refusal, not a crash.
            logger.LogError(e, "Cannot read the OpenID metadata at {Url}", keys.MetadataAddress);
            return null;
        }
    }

    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
        SecurityTokenNoExpirationException => "no expiry",
        null => "invalid",
        _ => e.GetType().Name,
    };

}
