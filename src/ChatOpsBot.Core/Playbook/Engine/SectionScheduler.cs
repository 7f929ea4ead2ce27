using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Decides which section works next. The order is the playbook's: a pivot's new IPs are validated and their
/// hosts contained before the next pivot, and mail is searched only once every host is known.
/// </summary>
public static class SectionScheduler
{
    /// <summary>The section to step next, or null when the run is finished.</summary>
    public static IPlaybookSection? Next(PlaybookRun run, IReadOnlyDictionary<PlaybookSection, IPlaybookSection> sections)
    {
        var hunt = sections[PlaybookSection.Hunt];
        if (hunt.HasWork(run)) return hunt;
        if (run.Hunt.State == nameof(HuntState.NothingFound))
            return sections[PlaybookSection.Closure].HasWork(run) ? sections[PlaybookSection.Closure] : null;
        foreach (var id in new[] { PlaybookSection.Validation, PlaybookSection.Containment, PlaybookSection.Pivot, PlaybookSection.InitialCompromise, PlaybookSection.Closure })
            if (sections[id].HasWork(run)) return sections[id];
        return null;
    }
}
