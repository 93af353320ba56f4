using System.ComponentModel.DataAnnotations;

namespace TerritoryBot.Channels.WebChat;

/// <summary>The <c>WebChat</c> configuration section.</summary>
internal sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// Serve the chat page at <c>/</c> and its API. Off in appsettings.json (production), on in the repository's
    /// appsettings.Development.json: the page lets anyone who can reach it speak as anyone in the data.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Answer requests from other machines too; by default only loopback clients are served (others get 404).</summary>
    public bool AllowRemote { get; set; }

    /// <summary>Largest request body accepted by <c>POST /api/webchat/turns</c> (a turn is a short text or a button's data).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 32 * 1024;
}
