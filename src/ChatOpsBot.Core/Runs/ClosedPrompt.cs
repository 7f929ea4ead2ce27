namespace ChatOpsBot.Core.Runs;

/// <summary>A prompt that was answered: enough to tell a late clicker who was first.</summary>
public sealed class ClosedPrompt
{
    /// <summary>Prompt id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Prompt title.</summary>
    public string Title { get; set; } = "";
    /// <summary>The answer given (option label and text).</summary>
    public string Answer { get; set; } = "";
    /// <summary>Who answered.</summary>
    public string AnsweredBy { get; set; } = "";
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
