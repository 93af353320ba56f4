using System.Threading.Channels;
using TerritoryBot.Conversation;

namespace TerritoryBot.Channels.Slack;

/// <summary>Where the answer to a Slack turn goes.</summary>
internal abstract record SlackReplyTarget;

/// <summary>chat.postMessage into the channel (in the mention's thread when there is one).</summary>
internal sealed record PostToChannel(string Channel, string? ThreadTs) : SlackReplyTarget;

/// <summary>The slash command's response_url: an ephemeral answer only the person who asked sees.</summary>
internal sealed record RespondToCommand(Uri ResponseUrl) : SlackReplyTarget;

/// <summary>The pressed button's response_url: the card is updated in place or an ephemeral answer is added.</summary>
internal sealed record RespondToAction(Uri ResponseUrl) : SlackReplyTarget;

/// <summary>One acknowledged Slack request waiting for a worker.</summary>
internal sealed record SlackWork(Turn Turn, SlackReplyTarget Reply);

/// <summary>
/// The bounded queue between the endpoints (which acknowledge at once) and <see cref="SlackWorker"/>. Never waits:
/// when full, <see cref="TryEnqueue"/> returns false and the endpoint refuses the request.
/// </summary>
internal sealed class SlackQueue(Microsoft.Extensions.Options.IOptions<SlackOptions> options)
{
    private readonly Channel<SlackWork> channel = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse instead of dropping queued work
        SingleReader = false,
        SingleWriter = false,
    });

    public bool TryEnqueue(SlackWork work) => channel.Writer.TryWrite(work);

    public ChannelReader<SlackWork> Reader => channel.Reader;
}
