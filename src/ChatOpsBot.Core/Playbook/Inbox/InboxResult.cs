using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>How an applied inbox item ended, kept with it (a platform retry, or a caller waiting on another replica, reads it).</summary>
/// <param name="Outcome">The answer's outcome.</param>
/// <param name="Message">The sentence for the person who answered.</param>
public sealed record InboxResult(AnswerOutcome Outcome, string Message);
