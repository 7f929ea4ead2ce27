using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>
/// What a chat channel adds when its inbox items are applied, on whichever replica: who the actor is now (approver
/// groups are read then, not while the platform waits for its acknowledgement) and how the person hears an outcome
/// other than "accepted" (the prompt's own message shows an accepted answer).
/// </summary>
public interface IInboxChannel
{
    /// <summary>The channel's name, as on <see cref="InboxItem.Channel"/>.</summary>
    string Name { get; }

    /// <summary>The actor as they answer now (approver or not).</summary>
    Task<Actor> ResolveAsync(Actor received, CancellationToken cancellationToken);

    /// <summary>Tells the person who answered about <paramref name="result"/>.</summary>
    Task ReplyAsync(InboxItem item, AnswerResult result, CancellationToken cancellationToken);
}
