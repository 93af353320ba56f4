using System.ComponentModel.DataAnnotations;

namespace TerritoryBot.Channels.Teams;

/// <summary>
/// The <c>Teams</c> configuration section. Defaults are the public Bot Framework values (PROTOCOLS.md B); every URL
/// can be changed so that tests serve their own metadata, keys, token endpoint and connector on loopback.
/// </summary>
internal sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "Teams";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public const string OutboundScope = "https://api.botframework.com/.default";

    /// <summary>The bot's Microsoft App ID. Empty = local development: anonymous requests only (no Authorization header).</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>Single-tenant bots: the tenant that issues the outbound token (and whose emulator-style tokens are accepted).</summary>
    public string? TenantId { get; set; }

    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    [Required]
    [Url]
    public string EmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>Empty = the multi-tenant endpoint, or the single-tenant one when <see cref="TenantId"/> is set.</summary>
    [Url]
    public string? TokenEndpoint { get; set; }

    /// <summary>First retry delay of connector calls on 429/5xx (doubled each attempt, with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Shortest time between two metadata refreshes forced by unknown key ids (a key rotation needs one; a stream of
    /// made-up key ids must not turn into a stream of metadata fetches). IdentityModel's minimum is one second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(0, 6)]
    public int MaxRetries { get; set; } = 3;

    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);

    public string ResolvedTokenEndpoint =>
        !string.IsNullOrWhiteSpace(TokenEndpoint) ? TokenEndpoint
        : !string.IsNullOrWhiteSpace(TenantId) ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId.Trim())}/oauth2/v2.0/token"
        : "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasAppId && string.IsNullOrWhiteSpace(AppPassword))
        {
            yield return new ValidationResult("Teams:AppPassword is required when Teams:AppId is set (the bot needs it to reply).",
                [nameof(AppPassword)]);
        }
    }
}
