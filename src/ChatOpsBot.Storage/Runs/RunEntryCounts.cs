using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Storage.Runs;

/// <summary>How many elements of each run list there are (stored, cached or in memory).</summary>
internal readonly record struct RunEntryCounts(int Timeline, int ClosedPrompts, int Hits)
{
    public int this[RunEntryKind kind] => kind switch
    {
        RunEntryKind.Timeline => Timeline,
        RunEntryKind.ClosedPrompt => ClosedPrompts,
        RunEntryKind.Hit => Hits,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static RunEntryCounts Of(PlaybookRun run) => new(run.Timeline.Count, run.ClosedPrompts.Count, run.Hits.Count);

    /// <summary>The counts a row records, or null for a legacy row whose document still holds the lists.</summary>
    public static RunEntryCounts? Of(int? timeline, int? closedPrompts, int? hits) =>
        timeline is int t && closedPrompts is int c && hits is int h ? new(t, c, h) : null;
}
