namespace ChatOpsBot.Core.Runs;

/// <summary>What an outbox message asks the channel to do.</summary>
public enum OutboxKind
{
    /// <summary>Post a notification.</summary>
    Notify,
    /// <summary>Show a prompt.</summary>
    Ask,
    /// <summary>Mark a prompt answered.</summary>
    PromptClosed,
}
