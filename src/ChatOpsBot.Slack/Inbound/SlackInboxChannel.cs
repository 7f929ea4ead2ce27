using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Slack.Channel;
using ChatOpsBot.Slack.Escaping;
using ChatOpsBot.Slack.WebApi;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Slack's part in applying inbox items on any replica: approver membership is read when the answer is applied (a
/// user-group lookup must not delay Slack's 3-second acknowledgement), and outcomes other than "accepted" reach the
/// person ephemerally.
/// </summary>
public sealed class SlackInboxChannel(SlackActors actors, SlackWebApiClient slack) : IInboxChannel
{
    private const string ActorPrefix = "slack:";

    public string Name => SlackChatChannel.ChannelName;

    public Task<Actor> ResolveAsync(Actor received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var userId = received.Id.StartsWith(ActorPrefix, StringComparison.Ordinal) ? received.Id[ActorPrefix.Length..] : received.Id;
        return actors.ResolveAsync(userId, received.DisplayName, cancellationToken);
    }

    public async Task ReplyAsync(InboxItem item, AnswerResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(result);
        if (SlackReplyRoute.Parse(item.ReplyTo) is not { } route) return;
        var text = SlackText.Escape(result.Message);
        if (route.ResponseUrl is not null)
            await slack.RespondAsync(route.ResponseUrl, SlackReplies.Ephemeral(text), cancellationToken).ConfigureAwait(false);
        else if (route.Channel is not null)
            await slack.PostEphemeralAsync(route.Channel, route.UserId, text, cancellationToken).ConfigureAwait(false);
    }
}
