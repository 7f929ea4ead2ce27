namespace ChatOpsBot.Storage.Runs;

/// <summary>Which list of a run a <see cref="RunEntryRow"/> belongs to; stored by name.</summary>
public enum RunEntryKind
{
    /// <summary><see cref="Core.Runs.PlaybookRun.Timeline"/>.</summary>
    Timeline,
    /// <summary><see cref="Core.Runs.PlaybookRun.ClosedPrompts"/>.</summary>
    ClosedPrompt,
    /// <summary><see cref="Core.Runs.PlaybookRun.Hits"/>.</summary>
    Hit,
}
