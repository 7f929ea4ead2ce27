namespace ChatOpsBot.Core.Runs;

/// <summary>What kind of hole a run's coverage has; each one keeps a run without a confirmed incident from closing clean.</summary>
public enum CoverageGapKind
{
    /// <summary>The feed yielded no valid indicator: nothing was looked for.</summary>
    NoIndicators,
    /// <summary>No log file was found or read.</summary>
    NoLogs,
    /// <summary>Records were read, but none lies inside the query window.</summary>
    NoRecordsInWindow,
    /// <summary>A log file was unreadable, truncated or unusable.</summary>
    FileNotRead,
    /// <summary>The newest record is older than the window's end (beyond the tolerance).</summary>
    LogsEndEarly,
    /// <summary>The oldest record is younger than the window's start (beyond the tolerance).</summary>
    LogsStartLate,
    /// <summary>The SIEM did not say what it examined.</summary>
    CoverageUnknown,
    /// <summary>An analyst skipped a failed step.</summary>
    StepSkipped,
    /// <summary>A hit's remote IP was dismissed while intel had nothing to say about it.</summary>
    NoIntel,
}
