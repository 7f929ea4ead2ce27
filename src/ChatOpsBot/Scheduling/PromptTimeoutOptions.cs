namespace ChatOpsBot.Scheduling;

/// <summary>What happens to prompts nobody answers (configuration section <c>Prompts</c>). Default: nothing.</summary>
public sealed class PromptTimeoutOptions
{
    public const string SectionName = "Prompts";

    /// <summary>Ask an open prompt once more after it waited this long; empty = no reminders.</summary>
    public TimeSpan? ReminderAfter { get; set; }

    /// <summary>
    /// Per section name (Validation, Containment, Pivot, InitialCompromise, Closure): answer with a default option
    /// after a wait. Only for choice/confirm prompts, and only where a team decided it is safe (e.g. Pivot → RunPivot).
    /// </summary>
    public Dictionary<string, DefaultAnswer> DefaultAnswers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often open prompts are checked. Default 1 min.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
