using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;

namespace TerritoryBot.Channels.Slack;

/// <summary>
/// Answers queued Slack turns after the request was acknowledged: runs the conversation core, renders the result as
/// Block Kit and sends it where the turn asked (chat.postMessage or response_url). <see cref="SlackOptions.Workers"/>
/// turns run at once.
/// </summary>
internal sealed class SlackWorker(
    SlackQueue queue, ConversationCore core, SlackWebApi api, IOptions<SlackOptions> options, ILogger<SlackWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stop))
            {
                while (queue.Reader.TryRead(out var work))
                {
                    try
                    {
                        await AnswerAsync(work, stop);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                    {
                        logger.LogError(e, "A Slack turn could not be answered");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: turns still queued are not answered (Slack shows no reply; the person can ask again).
        }
    }

    internal async Task AnswerAsync(SlackWork work, CancellationToken ct)
    {
        var result = await core.HandleAsync(work.Turn, ct);
        var message = BlockKit.Render(result.Card, result.Text);
        var sent = work.Reply switch
        {
            PostToChannel post => await api.PostMessageAsync(message, post.Channel, post.ThreadTs, ct),
            RespondToCommand command => await api.RespondAsync(command.ResponseUrl, message.Payload(("response_type", "ephemeral")), ct),
            RespondToAction action => await api.RespondAsync(action.ResponseUrl, ActionReply(result, message), ct),
            _ => throw new InvalidOperationException($"unknown reply target {work.Reply.GetType().Name}"),
        };
        if (!sent.Ok)
        {
            logger.LogWarning("The answer to a Slack turn ({Intent}) was not delivered: {Error}", result.IntentName, sent.Error);
        }
    }

    /// <summary>
    /// A card that approving or rejecting changed replaces the card the button was on. Anything else (drill-downs,
    /// refusals, input errors) is a new ephemeral message for the person who pressed: the original card stays as it
    /// was for everyone, and what the presser may see is not shown to the channel.
    /// </summary>
    internal static JsonObject ActionReply(TurnResult result, SlackMessage message) =>
        result.Card is not null && (result.Intent == Intent.ApproveProposal || result.Intent == Intent.RejectProposal)
            ? message.Payload(("replace_original", true))
            : message.Payload(("response_type", "ephemeral"), ("replace_original", false));
}
