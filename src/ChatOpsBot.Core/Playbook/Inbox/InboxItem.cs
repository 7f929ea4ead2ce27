using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>One inbound answer or command as received, before it is applied.</summary>
/// <param name="Key">
/// Idempotency key from the platform's own id (Slack <c>trigger_id</c>, Teams activity id), prefixed with the channel:
/// the same delivery received twice is stored once.
/// </param>
/// <param name="Channel">The channel it came from (<c>slack</c>, <c>teams</c>, <c>terminal</c>).</param>
/// <param name="Kind">What it asks for.</param>
/// <param name="RunId">The run concerned.</param>
/// <param name="Answer">For <see cref="InboxKind.Answer"/>: the answer, with the actor as the channel first saw them.</param>
/// <param name="ReplyTo">Where the channel tells the person the outcome (opaque to the engine), if anywhere.</param>
public sealed record InboxItem(string Key, string Channel, InboxKind Kind, string RunId, PromptAnswer? Answer, string? ReplyTo);
