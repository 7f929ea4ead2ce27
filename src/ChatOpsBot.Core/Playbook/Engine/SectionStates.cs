using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>Reads a section's persisted machine state by section id (for records that name where a run stood).</summary>
public static class SectionStates
{
    /// <summary>The enum name of <paramref name="section"/>'s state on <paramref name="run"/>.</summary>
    public static string Of(PlaybookRun run, PlaybookSection section) => section switch
    {
        PlaybookSection.Hunt => run.Hunt.State,
        PlaybookSection.Validation => run.Validation.State,
        PlaybookSection.Containment => run.Containment.State,
        PlaybookSection.Pivot => run.Pivot.State,
        PlaybookSection.InitialCompromise => run.InitialCompromise.State,
        PlaybookSection.Closure => run.Closure.State,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
