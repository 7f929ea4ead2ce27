using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Conversation;

/// <summary>A run was started (and queued to advance).</summary>
/// <param name="Run">The new run; its settings hold the window actually used.</param>
public sealed record RunStartedResult(PlaybookRun Run) : CommandResult;
