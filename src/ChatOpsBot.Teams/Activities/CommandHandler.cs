using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Teams.Channel;

namespace ChatOpsBot.Teams.Activities;

/// <summary>
/// A message to the bot (<c>c2hunt start 24h</c>, or <c>start 24h</c> in a 1:1 chat): the text goes to Core's
/// <see cref="ConversationHandler"/>, which parses and carries it out; this only supplies who and where, and renders
/// the result with <see cref="TeamsCommandReplies"/>. Starting and resuming only queue work.
/// </summary>
public sealed class CommandHandler(ConversationHandler conversation, TeamsActors actors)
{
    public async Task<string> HandleAsync(string text, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var context = new CommandContext(
            TeamsChatChannel.ChannelName,
            activity.Conversation?.Id,
            actors.From(activity.From).Id,
            string.IsNullOrEmpty(activity.Id) ? null : $"teams:{activity.Id}");
        var result = await conversation.HandleAsync(text, context, cancellationToken).ConfigureAwait(false);
        return TeamsCommandReplies.Render(result);
    }
}
