namespace ChatOpsBot.Core.Runs;

/// <summary>
/// One line of a run's audit trail: who did what, when, in answer to which prompt. Immutable once made: the trail
/// is append-only, so a store may share entries between the runs it hands out.
/// </summary>
public sealed class TimelineEntry
{
    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }
    /// <summary>What kind of entry.</summary>
    public TimelineEntryKind Kind { get; init; }
    /// <summary>Section concerned.</summary>
    public string Section { get; init; } = "";
    /// <summary>Actor id (<c>bot</c> for the bot's own steps).</summary>
    public string Actor { get; init; } = "bot";
    /// <summary>Actor display name.</summary>
    public string ActorName { get; init; } = "bot";
    /// <summary>Prompt id, for prompt-related entries.</summary>
    public string? PromptId { get; init; }
    /// <summary>Prompt title, for prompt-related entries.</summary>
    public string? Prompt { get; init; }
    /// <summary>The value: chosen option and text, or "From → To via Trigger" for transitions.</summary>
    public string Value { get; init; } = "";
    /// <summary>Given by <c>--auto</c> (or a default answer), not a person.</summary>
    public bool Automatic { get; init; }
}
