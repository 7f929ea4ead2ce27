namespace ChatOpsBot.Scheduling;

/// <summary>A default answer for a section's prompts.</summary>
public sealed class DefaultAnswer
{
    /// <summary>Wait before answering.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromHours(4);
    /// <summary>The option value (trigger name) to answer with, e.g. <c>RunPivot</c>.</summary>
    public string Option { get; set; } = "";
}
