namespace ChatOpsBot.Core.Conversation;

/// <summary>The run was stopped and is on record as Abandoned.</summary>
/// <param name="RunId">The run.</param>
public sealed record RunCancelledResult(string RunId) : CommandResult;
