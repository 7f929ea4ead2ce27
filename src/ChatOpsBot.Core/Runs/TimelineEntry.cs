namespace ChatOpsBot.Core.Runs;

/// <summary>One line of a run's audit trail: who did what, when, in answer to which prompt.</summary>
public sealed class TimelineEntry
{
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>What kind of entry.</summary>
    public TimelineEntryKind Kind { get; set; }
    /// <summary>Section concerned.</summary>
    public string Section { get; set; } = "";
    /// <summary>Actor id (<c>bot</c> for the bot's own steps).</summary>
    public string Actor { get; set; } = "bot";
    /// <summary>Actor display name.</summary>
    public string ActorName { get; set; } = "bot";
    /// <summary>Prompt id, for prompt-related entries.</summary>
    public string? PromptId { get; set; }
    /// <summary>Prompt title, for prompt-related entries.</summary>
    public string? Prompt { get; set; }
    /// <summary>The value: chosen option and text, or "From → To via Trigger" for transitions.</summary>
    public string Value { get; set; } = "";
    /// <summary>Given by <c>--auto</c> (or a default answer), not a person.</summary>
    public bool Automatic { get; set; }
}
