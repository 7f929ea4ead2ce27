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
}
