namespace ChatOpsBot.Core.Conversation;

/// <summary>The resume is recorded in the inbox; a worker shows the open question again (in the run's own channel) and advances the run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Channel">The channel the run talks in, where its open question appears again.</param>
public sealed record ResumeRequestedResult(string RunId, string Channel) : CommandResult;
