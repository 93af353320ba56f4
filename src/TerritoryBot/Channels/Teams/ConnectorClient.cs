using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TerritoryBot.Channels.Teams;

/// <summary>
/// The Bot Framework connector REST API (PROTOCOLS.md B): reply, send, update and create conversation, each with
/// the bot's bearer token and retried with exponential backoff and jitter on 429, 5xx and network failures
/// (honouring Retry-After). Anything else that is not a success is a <see cref="ConnectorException"/>.
/// </summary>
internal sealed class ConnectorClient
{
    private readonly IHttpClientFactory httpClients;
    private readonly BotTokenProvider tokens;
    private readonly ILogger<ConnectorClient> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> retry;

    public ConnectorClient(IHttpClientFactory httpClients, BotTokenProvider tokens, IOptions<TeamsOptions> options, ILogger<ConnectorClient> logger)
    {
        this.httpClients = httpClients;
        this.tokens = tokens;
        this.logger = logger;
        var settings = options.Value;
        // The whole call, retries included, must end inside the 15 s the channel waits for the inbound request.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(TotalBudget);
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = HttpRetries.Transient(),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    logger.LogWarning("Connector call retry {Attempt} after {Outcome}", args.AttemptNumber + 1,
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        retry = builder.Build();
    }

    /// <summary>Longest time one connector call may take, all attempts together.</summary>
    public static readonly TimeSpan TotalBudget = TimeSpan.FromSeconds(12);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}"), reply, ct);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"), activity, ct);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}"), activity, ct);

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations"), parameters, ct);

    private async Task<ResourceResponse> SendAsync<T>(HttpMethod method, Uri url, T body, CancellationToken ct)
    {
        var token = await tokens.GetTokenAsync(ct);
        var client = httpClients.CreateClient(TeamsSetup.ConnectorClient);
        // Serialised once, sent with a Content-Length (not streamed chunked), the same bytes on every attempt.
        var json = JsonSerializer.SerializeToUtf8Bytes(body, TeamsJson.Options);
        HttpResponseMessage response;
        try
        {
            response = await retry.ExecuteAsync(async token2 =>
            {
                // A request message can be sent only once: each attempt builds its own.
                using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(json) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                return await client.SendAsync(request, token2);
            }, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            throw new ConnectorException($"{method} {url.GetLeftPart(UriPartial.Path)} failed: {e.Message}", null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await ReadSnippetAsync(response, ct);
                logger.LogWarning("Connector {Method} {Path} answered {Status}: {Detail}", method, url.AbsolutePath, (int)response.StatusCode, detail);
                throw new ConnectorException($"{method} {url.AbsolutePath} answered {(int)response.StatusCode} {detail}", response.StatusCode);
            }

            if (response.Content.Headers.ContentLength == 0)
            {
                return new ResourceResponse(null);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<ResourceResponse>(TeamsJson.Options, ct) ?? new ResourceResponse(null);
            }
            catch (System.Text.Json.JsonException)
            {
                // Some connectors answer updates with an empty or non-JSON body; success is the status code.
                return new ResourceResponse(null);
            }
        }
    }

    private static Uri Url(string serviceUrl, string path)
    {
        // serviceUrl comes from an authenticated activity (or the stored reference of one); it must be absolute http(s).
        if (!Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorException($"serviceUrl '{serviceUrl}' is not an absolute http(s) URL", HttpStatusCode.BadRequest);
        }

        return new Uri(baseUri, path);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        // A hint beyond half a minute is not worth holding a turn for; the normal backoff applies instead.
        HttpRetries.RetryAfter(response, DateTimeOffset.UtcNow) is { } d && d >= TimeSpan.Zero && d <= TimeSpan.FromSeconds(30) ? d : null;

    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            text = text.ReplaceLineEndings(" ");
            return text.Length <= 300 ? text : text[..300] + "…";
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }
}
