namespace ChatOpsBot.Core.Playbook.Outbox;

/// <summary>How a claimed delivery attempt failed, and when the next may start.</summary>
/// <param name="NextAttemptAt">Not before (back-off, or the platform's Retry-After).</param>
/// <param name="OutcomeUnknown">The message may have been posted: the next attempt looks it up first.</param>
/// <param name="Error">A short description for operators (exception type and message; never a token).</param>
/// <param name="GiveUp">The message has failed for longer than the give-up age: stop retrying it automatically.</param>
public sealed record OutboxFailure(DateTimeOffset NextAttemptAt, bool OutcomeUnknown, string Error, bool GiveUp);
