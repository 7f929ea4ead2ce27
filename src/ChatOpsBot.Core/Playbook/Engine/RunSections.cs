using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Names the section a run is in, for listings. It reads the sections' persisted state names, so it lives beside the
/// machines that write them: storage only copies the answer into its listing column.
/// </summary>
public static class RunSections
{
    /// <summary>Shown once every section has finished.</summary>
    public const string Done = "Done";

    private static readonly HashSet<string> Finished = new(StringComparer.Ordinal) { "Completed", "NothingFound", "Resolved" };
    private static readonly HashSet<string> NotStarted = new(StringComparer.Ordinal) { "Idle", "NotStarted" };

    /// <summary>
    /// The first section that is under way; failing that, the first section not finished; failing that, <see cref="Done"/>.
    /// Looking for work under way first keeps a hunt that found nothing (and skips straight to Closure) from being
    /// listed as sitting in Validation.
    /// </summary>
    public static string Current(PlaybookRun run)
    {
        var states = States(run);
        foreach (var (section, state) in states)
            if (!Finished.Contains(state) && !NotStarted.Contains(state))
                return section.ToString();
        if (run.State is RunState.Resolved or RunState.Inconclusive)
            return Done;
        foreach (var (section, state) in states)
            if (!Finished.Contains(state))
                return section.ToString();
        return Done;
    }

    private static (PlaybookSection Section, string State)[] States(PlaybookRun run) =>
        [.. Enum.GetValues<PlaybookSection>().Select(s => (s, SectionStates.Of(run, s)))];
}
