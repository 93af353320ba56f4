using System.Net;
using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Workflow;

namespace TerritoryBot.Channels.Teams;

/// <summary>
/// Proactive messages through Teams: to the person's stored 1:1 conversation, or, when only their Teams id is
/// known (they talked to the bot in a group), a 1:1 conversation created first (PROTOCOLS.md B) and remembered.
/// </summary>
internal sealed class TeamsNotificationChannel(
    TerritoryDbContext db, ConnectorClient connector, TimeProvider clock, ILogger<TeamsNotificationChannel> logger) : INotificationChannel
{
    public string Name => "teams";

    public async Task<DeliveryOutcome> SendAsync(Rep recipient, OutboundNotification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(notification);
        if (string.IsNullOrWhiteSpace(recipient.TeamsAadObjectId))
        {
            return DeliveryOutcome.NotReachable;
        }

        var reference = await db.FindTeamsConversationAsync(recipient.TeamsAadObjectId, ct);
        if (reference is null)
        {
            // They have never talked to the bot: Teams offers no way to find their 29: id without Graph.
            return DeliveryOutcome.NotReachable;
        }

        try
        {
            var conversationId = reference.ConversationId;
            if (string.IsNullOrEmpty(conversationId))
            {
                var created = await connector.CreateConversationAsync(reference.ServiceUrl, new ConversationParameters
                {
                    Bot = new ChannelAccount { Id = reference.BotId },
                    Members = [new ChannelAccount { Id = reference.UserId }],
                    TenantId = reference.TenantId,
                    ChannelData = reference.TenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo(reference.TenantId) },
                }, ct);
                if (string.IsNullOrEmpty(created.Id))
                {
                    logger.LogWarning("Creating a Teams conversation for {Rep} returned no id", recipient.RepId);
                    return DeliveryOutcome.RetryLater;
                }

                conversationId = created.Id;
                await db.SetTeamsConversationIdAsync(reference.AadObjectId, conversationId, clock.GetUtcNow().UtcDateTime, ct);
            }

            await connector.SendToConversationAsync(reference.ServiceUrl, conversationId, Message(reference, conversationId, notification), ct);
            return DeliveryOutcome.Delivered;
        }
        catch (ConnectorException e) when (e.IsTransient)
        {
            logger.LogWarning("Teams notification to {Rep} failed for now: {Reason}", recipient.RepId, e.Message);
            return DeliveryOutcome.RetryLater;
        }
        catch (ConnectorException e)
        {
            // 403 (the person blocked the bot), 404 (conversation gone) and other refusals will not heal by retrying.
            logger.LogWarning("Teams cannot reach {Rep}: {Reason}{Blocked}", recipient.RepId, e.Message,
                e.Status == HttpStatusCode.Forbidden ? " (the user may have blocked the bot)" : "");
            return DeliveryOutcome.NotReachable;
        }
    }

    private static Activity Message(TeamsConversationEntity reference, string conversationId, OutboundNotification notification)
    {
        if (notification.Card is { } c)
        {
            c.FallbackText ??= notification.Text;
        }

        var card = notification.Card is null ? null : new RawJson(CardJson.SerializeFitted(notification.Card));
        return new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = reference.BotId },
            Recipient = new ChannelAccount { Id = reference.UserId },
            Conversation = new ConversationAccount { Id = conversationId, TenantId = reference.TenantId },
            Text = card is null ? notification.Text : null,
            Attachments = card is null ? null : [Attachment.AdaptiveCard(card)],
        };
    }
}
