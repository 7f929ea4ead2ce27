using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Conversation;

/// <summary>Where a run stands.</summary>
/// <param name="Run">The run.</param>
/// <param name="Section">The section it is in (see <see cref="Playbook.Engine.RunSections.Current"/>).</param>
public sealed record RunStatusResult(PlaybookRun Run, string Section) : CommandResult;
