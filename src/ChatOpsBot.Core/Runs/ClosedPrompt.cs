namespace ChatOpsBot.Core.Runs;

/// <summary>
/// A prompt that was answered: enough to tell a late clicker who was first. Immutable once made, like
/// <see cref="TimelineEntry"/>, so a store may share it between the runs it hands out.
/// </summary>
public sealed class ClosedPrompt
{
    /// <summary>Prompt id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Prompt title.</summary>
    public string Title { get; init; } = "";
    /// <summary>The answer given (option label and text).</summary>
    public string Answer { get; init; } = "";
    /// <summary>Who answered.</summary>
    public string AnsweredBy { get; init; } = "";
    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }
}
