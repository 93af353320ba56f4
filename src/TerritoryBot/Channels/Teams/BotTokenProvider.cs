using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TerritoryBot.Channels.Teams;

/// <summary>
/// The bot's outbound access token (client credentials against the Bot Framework token endpoint), cached until
/// shortly before it expires. Concurrent callers share one request. No app id (local development) → no token.
/// </summary>
internal sealed class BotTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<BotTokenProvider> logger)
{
    /// <summary>Renew this long before expiry, so a token never expires in flight.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? cached;

    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.HasAppId)
        {
            return null;
        }

        if (cached is { } hit && clock.GetUtcNow() < hit.RenewAt)
        {
            return hit.Token;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (cached is { } again && clock.GetUtcNow() < again.RenewAt)
            {
                return again.Token;
            }

            var client = httpClients.CreateClient(TeamsSetup.ConnectorClient);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId!,
                ["client_secret"] = settings.AppPassword ?? "",
                ["scope"] = TeamsOptions.OutboundScope,
            });
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsync(settings.ResolvedTokenEndpoint, form, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                throw new ConnectorException($"the token endpoint could not be reached: {e.Message}", null, e);
            }

            using var _ = response;
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("The token endpoint answered {Status}", (int)response.StatusCode);
                throw new ConnectorException($"the token endpoint answered {(int)response.StatusCode}", response.StatusCode);
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
            if (body?.AccessToken is not { Length: > 0 } token || body.ExpiresIn <= 0)
            {
                throw new ConnectorException("the token endpoint's answer has no access_token or expires_in", null);
            }

            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn);
            // Short-lived tokens (under twice the margin) are renewed at half their life instead.
            var renewAfter = lifetime > 2 * RenewBefore ? lifetime - RenewBefore : lifetime / 2;
            cached = (token, clock.GetUtcNow() + renewAfter);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}

/// <summary>A connector or token call that failed for good (after retries); <see cref="Status"/> is null for a network failure.</summary>
internal sealed class ConnectorException(string message, System.Net.HttpStatusCode? status, Exception? inner = null) : Exception(message, inner)
{
    public System.Net.HttpStatusCode? Status { get; } = status;

    /// <summary>429, 5xx or no answer at all: worth trying again later.</summary>
    public bool IsTransient => Status is null || (int)Status == 429 || (int)Status >= 500;
}
