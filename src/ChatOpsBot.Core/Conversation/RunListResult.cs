using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Conversation;

/// <summary>The latest runs, newest first; empty when there are none yet.</summary>
/// <param name="Runs">The runs.</param>
public sealed record RunListResult(IReadOnlyList<RunSummary> Runs) : CommandResult;
