using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace TerritoryBot.Llm;

/// <summary>
/// Retries and a circuit breaker around every model call (Polly). A 429 is retried once when its Retry-After fits
/// the configured bound (and the turn's remaining budget, which the caller's token carries); 5xx and network errors
/// are retried once after a short pause. When half of at least four calls in 30 s fail, the breaker opens for 30 s and
/// turns are answered deterministically at once instead of waiting out the budget on a broken endpoint.
/// </summary>
internal sealed class ResilientChatClient(IChatClient inner, ResiliencePipeline pipeline) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        return pipeline.ExecuteAsync(
            static async (state, ct) => await state.Inner.GetResponseAsync(state.list, state.options, ct),
            (Inner: InnerClient, list, options),
            cancellationToken).AsTask();
    }

    public static ResiliencePipeline Pipeline(LlmOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 1,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && IsTransient(e) && RetryDelay(e, maxRetryAfter) is not null),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } e ? RetryDelay(e, maxRetryAfter) : null),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                // A timed-out call (the turn budget's token) counts as a failure: a slow endpoint should trip it too.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && (IsTransient(e) || e is OperationCanceledException)),
            })
            .Build();
    }

    /// <summary>Throttling, server errors and network failures; a 400 or 401 is not helped by trying again.</summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        ClientResultException c => c.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// How long to wait before the one retry: the server's Retry-After (seconds or an HTTP date) or retry-after-ms
    /// for a 429, a short pause otherwise; null (do not retry) when the server asks for longer than the bound.
    /// </summary>
    internal static TimeSpan? RetryDelay(Exception e, TimeSpan maxRetryAfter)
    {
        if (e is not ClientResultException { Status: 429 } throttled)
        {
            return TimeSpan.FromMilliseconds(200);
        }

        var asked = RetryAfter(throttled);
        var delay = asked ?? TimeSpan.FromMilliseconds(500);
        return delay <= maxRetryAfter ? delay : null;
    }

    private static TimeSpan? RetryAfter(ClientResultException e)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
