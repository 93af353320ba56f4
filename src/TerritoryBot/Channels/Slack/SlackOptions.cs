using System.ComponentModel.DataAnnotations;

namespace TerritoryBot.Channels.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Slack is off (its routes answer 503) until a signing secret is set;
/// then the bot token is required too, since every reply goes through the Web API.
/// </summary>
internal sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>Basic Information → Signing Secret: verifies that requests come from Slack.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot user OAuth token (xoxb-…) for chat.postMessage.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Web API base; tests point it at a loopback stub.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Turns waiting for a worker; when full, new requests are refused (events with 503 so Slack retries).</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Turns answered at the same time.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>Larger request bodies get 413 unread (Slack's own payloads are far smaller).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Longest wait a Retry-After may impose before a retry (longer ones are capped to this).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First backoff before retrying a 5xx or a failed connection (doubling, with jitter, three retries).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.IsAbsoluteUri || (ApiBaseUrl.Scheme != Uri.UriSchemeHttps && ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("Slack:ApiBaseUrl must be an absolute http(s) URL.", [nameof(ApiBaseUrl)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(BotToken))
        {
            yield return new ValidationResult("Slack:BotToken is required when Slack:SigningSecret is set.", [nameof(BotToken)]);
        }
    }
}
