using System.Net;
using Polly;

namespace TerritoryBot.Channels;

/// <summary>What the channels' outbound clients (Teams connector, Slack Web API) retry, and the wait a server asks for.</summary>
internal static class HttpRetries
{
    /// <summary>
    /// Worth another try: network failures, a request's own timeout, 429 and 5xx. Each client's retry strategy adds
    /// its own attempts, backoff and budget.
    /// </summary>
    public static PredicateBuilder<HttpResponseMessage> Transient() => new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException)
        .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500);

    /// <summary>The response's Retry-After (seconds or an HTTP date) as a wait from <paramref name="now"/>; null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now) =>
        response?.Headers.RetryAfter is { } header ? header.Delta ?? header.Date - now : null;
}
