namespace ChatOpsBot.Core.Runs;

/// <summary>A failed step an analyst chose to skip: the run went on without its result.</summary>
public sealed class SkippedStep
{
    /// <summary>Section (enum name of <see cref="Playbook.PlaybookSection"/>).</summary>
    public string Section { get; set; } = "";
    /// <summary>The section's machine state when the step was skipped (what was not done).</summary>
    public string Step { get; set; } = "";
    /// <summary>The error that made the step fail, first line.</summary>
    public string Error { get; set; } = "";
    /// <summary>Who skipped it.</summary>
    public string By { get; set; } = "";
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
