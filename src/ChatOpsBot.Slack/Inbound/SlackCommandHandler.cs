using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Slack.Channel;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// <c>/c2hunt …</c> (and a mention or DM with the same words): the line goes to Core's <see cref="ConversationHandler"/>,
/// which parses and carries it out; this only supplies who and where, and renders the result with
/// <see cref="SlackCommandReplies"/>. Replies at once; slow work is queued.
/// </summary>
public sealed class SlackCommandHandler(ConversationHandler conversation, IOptions<SlackOptions> options)
{
    public async Task<JsonObject> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = new CommandContext(
            SlackChatChannel.ChannelName,
            options.Value.Channel,
            string.IsNullOrWhiteSpace(command.UserName) ? $"slack:{command.UserId}" : command.UserName,
            command.TriggerId is { Length: > 0 } trigger ? $"slack:{trigger}" : null);
        var result = await conversation.HandleAsync(command.Text, context, cancellationToken).ConfigureAwait(false);
        return SlackCommandReplies.Render(result, command.UserId);
    }
}
