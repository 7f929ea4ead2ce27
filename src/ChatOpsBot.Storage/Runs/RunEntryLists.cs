using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Storage.Runs;

/// <summary>The run lists kept in <c>run_entries</c>, indexed by <see cref="RunEntryKind"/>.</summary>
internal static class RunEntryLists
{
    public static IReadOnlyList<IRunEntryList> All { get; } =
    [
        new RunEntryList<TimelineEntry>(RunEntryKind.Timeline, r => r.Timeline, (r, l) => r.Timeline = l),
        new RunEntryList<ClosedPrompt>(RunEntryKind.ClosedPrompt, r => r.ClosedPrompts, (r, l) => r.ClosedPrompts = l),
        new RunEntryList<HitRecord>(RunEntryKind.Hit, r => r.Hits, (r, l) => r.Hits = l),
    ];

    /// <summary>The run's lists themselves, by kind.</summary>
    public static IReadOnlyList<object>[] Of(PlaybookRun run) => All.Select(l => l.Of(run)).ToArray();
}
