using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using TerritoryBot.Cards;

namespace TerritoryBot.Channels.Slack;

/// <summary>What Slack answered: the HTTP status (null when no answer came), whether it said "ok", and its error code.</summary>
internal sealed record SlackApiResult(HttpStatusCode? Status, bool Ok, string? Error)
{
    /// <summary>Worth trying again later: no answer, rate limited after our own retries, or a server error.</summary>
    public bool Transient => Status is null or HttpStatusCode.TooManyRequests || (int)Status >= 500;
}

/// <summary>
/// The Slack Web API (chat.postMessage) and response_url replies. HTTP 200 is not success: the body's "ok" is.
/// 429 is retried after its Retry-After (capped), 5xx and network failures with exponential backoff (Polly).
/// </summary>
internal sealed class SlackWebApi
{
    public const string HttpClientName = "slack";
    private const int MaxAttempts = 4;

    private readonly IHttpClientFactory clients;
    private readonly SlackOptions options;
    private readonly ILogger<SlackWebApi> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly Uri baseUrl;
    private readonly TimeProvider clock;

    public SlackWebApi(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackWebApi> logger)
    {
        this.clients = clients;
        this.options = options.Value;
        this.logger = logger;
        this.clock = clock;
        var configured = this.options.ApiBaseUrl.ToString();
        baseUrl = new Uri(configured.EndsWith('/') ? configured : configured + "/");
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = this.options.RetryDelay,
                UseJitter = true,
                ShouldHandle = HttpRetries.Transient(),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    this.logger.LogWarning("Slack call failed ({Outcome}); retry {Attempt} in {Delay}",
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public bool CanPost => !string.IsNullOrWhiteSpace(options.BotToken);

    /// <summary>chat.postMessage with the message and extra fields (channel, thread_ts).</summary>
    public Task<SlackApiResult> PostMessageAsync(SlackMessage message, string channel, string? threadTs, CancellationToken ct)
    {
        var payload = message.Payload(("channel", channel), ("thread_ts", threadTs), ("unfurl_links", false), ("unfurl_media", false));
        return CallAsync(new Uri(baseUrl, "chat.postMessage"), payload, bearer: true, ct);
    }

    /// <summary>A reply through an interaction's or slash command's response_url (no token: the URL is the credential).</summary>
    public Task<SlackApiResult> RespondAsync(Uri responseUrl, JsonObject payload, CancellationToken ct) =>
        CallAsync(responseUrl, payload, bearer: false, ct);

    private async Task<SlackApiResult> CallAsync(Uri url, JsonObject payload, bool bearer, CancellationToken ct)
    {
        var body = BlockKit.Json(payload);
        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                if (bearer)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);
                }

                return await client.SendAsync(request, token);
            }, ct);
            return await ReadAsync(url, response, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Slack call to {Url} got no answer", Describe(url));
            return new SlackApiResult(null, false, "no_response");
        }
    }

    private async Task<SlackApiResult> ReadAsync(Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Slack call to {Url} failed with HTTP {Status}", Describe(url), (int)response.StatusCode);
            return new SlackApiResult(response.StatusCode, false, $"http_{(int)response.StatusCode}");
        }

        // The Web API answers {"ok":…,"error":…}; response_url answers "ok" or the same JSON.
        bool ok;
        string? error = null;
        try
        {
            var json = JsonNode.Parse(text) as JsonObject;
            ok = json?["ok"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
            error = json?["error"] is JsonValue e && e.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : null;
        }
        catch (JsonException)
        {
            ok = text.Trim() == "ok";
        }

        if (!ok)
        {
            logger.LogWarning("Slack call to {Url} answered not ok: {Error}", Describe(url), error ?? TextClip.Clip(text, TextClip.LogText));
        }

        return new SlackApiResult(response.StatusCode, ok, ok ? null : error ?? "not_ok");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.StatusCode != HttpStatusCode.TooManyRequests || HttpRetries.RetryAfter(response, clock.GetUtcNow()) is not { } wait)
        {
            return null; // the exponential backoff
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait;
    }

    // A response_url is a bearer credential: log only its host.
    private string Describe(Uri url) => url.Host == baseUrl.Host && url.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal)
        ? url.AbsolutePath
        : $"response_url at {url.Host}";

}
