namespace TerritoryBot.Channels.Teams;

/// <summary>
/// A Teams user's conversation reference (table <c>teams_conversations</c>), stored when they talk to the bot and
/// used for proactive notifications: the 1:1 conversation when there is one, else enough to create it.
/// </summary>
internal sealed class TeamsConversationEntity
{
    /// <summary>The user's AAD object id (lower case): how reps.csv names them.</summary>
    public string AadObjectId { get; set; } = "";

    /// <summary>The user's Teams id (<c>29:…</c>) for creating a 1:1 conversation.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The bot's id (<c>28:…</c>) as the user's tenant sees it.</summary>
    public string BotId { get; set; } = "";

    public string ServiceUrl { get; set; } = "";
    public string? TenantId { get; set; }

    /// <summary>The personal (1:1) conversation with the bot, when known.</summary>
    public string? ConversationId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; set; }
}
