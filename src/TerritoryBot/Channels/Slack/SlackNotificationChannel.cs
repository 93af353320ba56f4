using TerritoryBot.Cards;
using TerritoryBot.Core.Model;
using TerritoryBot.Workflow;

namespace TerritoryBot.Channels.Slack;

/// <summary>Delivers outbox notifications as a direct message from the bot (chat.postMessage to the rep's Slack user id).</summary>
internal sealed class SlackNotificationChannel(SlackWebApi api, ILogger<SlackNotificationChannel> logger) : INotificationChannel
{
    // Slack errors that mean this person cannot be reached this way (try another channel), not "try again".
    private static readonly HashSet<string> Unreachable = new(StringComparer.Ordinal)
    {
        "channel_not_found", "user_not_found", "user_disabled", "cannot_dm_bot", "not_in_channel", "is_archived",
        "messages_tab_disabled", "restricted_action",
    };

    public string Name => "slack";

    public async Task<DeliveryOutcome> SendAsync(Rep recipient, OutboundNotification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(notification);
        if (string.IsNullOrWhiteSpace(recipient.SlackUserId) || !api.CanPost)
        {
            return DeliveryOutcome.NotReachable;
        }

        var message = BlockKit.Render(notification.Card, notification.Text);
        var result = await api.PostMessageAsync(message, recipient.SlackUserId, threadTs: null, ct);
        if (result.Ok)
        {
            return DeliveryOutcome.Delivered;
        }

        if (!result.Transient && result.Error is { } error && Unreachable.Contains(error))
        {
            logger.LogInformation("Slack cannot reach {RepId}: {Error}", recipient.RepId, error);
            return DeliveryOutcome.NotReachable;
        }

        return DeliveryOutcome.RetryLater;
    }
}
