namespace ChatOpsBot.Core.Dialog;

/// <summary>What became of an answer.</summary>
public enum AnswerOutcome
{
    /// <summary>The transition fired.</summary>
    Accepted,
    /// <summary>Approval recorded; more distinct approvers are needed.</summary>
    AwaitingMoreApprovals,
    /// <summary>The text broke the prompt's rule; the prompt stays open and is asked again with the reason.</summary>
    Invalid,
    /// <summary>The prompt is no longer open (answered, or another run step); nothing changed.</summary>
    Stale,
    /// <summary>The person may not give this answer; recorded on the timeline, nothing else changed.</summary>
    Refused,
    /// <summary>The run does not exist.</summary>
    UnknownRun,
}
