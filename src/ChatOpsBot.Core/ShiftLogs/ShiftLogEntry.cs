namespace ChatOpsBot.Core.ShiftLogs;

/// <summary>A shift-log entry summarising one hunt run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="At">When it was written.</param>
/// <param name="Analysts">Who answered prompts during the run.</param>
/// <param name="Summary">Lines describing what was done.</param>
/// <param name="PostMortem">The analyst's words when the run was flagged for a post-mortem, otherwise null.</param>
public sealed record ShiftLogEntry(string RunId, DateTimeOffset At, IReadOnlyList<string> Analysts, IReadOnlyList<string> Summary, string? PostMortem);
