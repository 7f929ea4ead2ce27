using ChatOpsBot.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Runs;

/// <summary>Writes and reads <c>run_entries</c> rows.</summary>
internal static class RunEntryRows
{
    /// <summary>Rows for the run's entries from position <paramref name="from"/> of each list on.</summary>
    public static IEnumerable<RunEntryRow> From(PlaybookRun run, RunEntryCounts from) =>
        RunEntryLists.All.SelectMany(list =>
        {
            var items = list.Of(run);
            return Enumerable.Range(from[list.Kind], Math.Max(0, items.Count - from[list.Kind])).Select(seq => new RunEntryRow
            {
                RunId = run.Id, Kind = list.Kind, Seq = seq, Json = list.Serialize(items[seq]),
            });
        });

    /// <summary>
    /// The stored entries at positions [<paramref name="from"/>, <paramref name="to"/>) of each list, deserialised, by
    /// kind. Throws when a position is missing: the counts on the row promise them.
    /// </summary>
    public static async Task<List<object>[]> ReadAsync(
        ChatOpsDbContext db, string runId, RunEntryCounts from, RunEntryCounts to, CancellationToken cancellationToken)
    {
        var rows = await db.RunEntries.AsNoTracking()
            .Where(e => e.RunId == runId && (
                (e.Kind == RunEntryKind.Timeline && e.Seq >= from.Timeline && e.Seq < to.Timeline) ||
                (e.Kind == RunEntryKind.ClosedPrompt && e.Seq >= from.ClosedPrompts && e.Seq < to.ClosedPrompts) ||
                (e.Kind == RunEntryKind.Hit && e.Seq >= from.Hits && e.Seq < to.Hits)))
            .OrderBy(e => e.Seq)
            .Select(e => new { e.Kind, e.Seq, e.Json })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        var tails = RunEntryLists.All.Select(_ => new List<object>()).ToArray();
        foreach (var row in rows)
        {
            var tail = tails[(int)row.Kind];
            if (row.Seq != from[row.Kind] + tail.Count)
                throw Missing(runId, row.Kind, from[row.Kind] + tail.Count);
            tail.Add(RunEntryLists.All[(int)row.Kind].Deserialize(row.Json));
        }
        foreach (var list in RunEntryLists.All)
            if (tails[(int)list.Kind].Count != to[list.Kind] - from[list.Kind])
                throw Missing(runId, list.Kind, from[list.Kind] + tails[(int)list.Kind].Count);
        return tails;
    }

    private static InvalidOperationException Missing(string runId, RunEntryKind kind, int seq) =>
        new($"Run {runId}: run_entries has no {kind} entry {seq} although the runs row counts it.");
}
