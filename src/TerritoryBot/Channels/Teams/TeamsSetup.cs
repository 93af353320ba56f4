using TerritoryBot.Workflow;

namespace TerritoryBot.Channels.Teams;

internal static class TeamsSetup
{
    /// <summary>Named HttpClient for the OpenID metadata and JWKS.</summary>
    public const string MetadataClient = "teams-metadata";

    /// <summary>Named HttpClient for the token endpoint and the connector.</summary>
    public const string ConnectorClient = "teams-connector";

    /// <summary>The Teams channel: options, inbound authentication, outbound token and connector, the adapter and its notifications.</summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(MetadataClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        // Inside the 15 s the channel waits for an answer, with room for a retry.
        // The client logs what matters itself (failures with the connector's answer); the factory's per-request
        // logging scopes and lines cost a visible share of every Teams turn.
        builder.Services.AddHttpClient(ConnectorClient, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        builder.Services.AddSingleton<BotAuthenticator>();
        builder.Services.AddSingleton<BotTokenProvider>();
        builder.Services.AddSingleton<Teams.ConnectorClient>();
        builder.Services.AddSingleton<TeamsBot>();
        builder.Services.AddSingleton<RememberedSenders>();
        builder.Services.AddScoped<INotificationChannel, TeamsNotificationChannel>();
        return builder;
    }
}
