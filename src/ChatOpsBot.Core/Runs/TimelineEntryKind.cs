namespace ChatOpsBot.Core.Runs;

/// <summary>Kinds of timeline entries.</summary>
public enum TimelineEntryKind
{
    /// <summary>A section machine changed state.</summary>
    Transition,
    /// <summary>A prompt was opened.</summary>
    PromptOpened,
    /// <summary>A prompt was answered and the transition fired.</summary>
    Answer,
    /// <summary>One approver of several approved.</summary>
    Approval,
    /// <summary>A text answer broke the prompt's rule.</summary>
    InvalidAnswer,
    /// <summary>Someone not allowed to answer tried.</summary>
    Refused,
    /// <summary>A step failed (connector error).</summary>
    StepFailed,
    /// <summary>A side effect (ticket, attachment, shift log) was carried out.</summary>
    Effect,
    /// <summary>An open prompt waited too long and was asked again.</summary>
    Reminder,
}
