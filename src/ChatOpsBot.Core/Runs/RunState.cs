namespace ChatOpsBot.Core.Runs;

/// <summary>Where a run stands as a whole.</summary>
public enum RunState
{
    /// <summary>The bot is working (querying, looking up, posting).</summary>
    Running,
    /// <summary>A prompt is open.</summary>
    AwaitingAnswer,
    /// <summary>Closed: the incident (if any) is resolved and the shift log written.</summary>
    Resolved,
    /// <summary>Stopped by an analyst after a step failed for good.</summary>
    Abandoned,
    /// <summary>
    /// Closed without a confirmed incident while its coverage had gaps (nothing to look for, logs not read, data
    /// not reaching the window, a skipped step, intel silent on a dismissed hit): not a clean "no C2 traffic".
    /// </summary>
    Inconclusive,
}
