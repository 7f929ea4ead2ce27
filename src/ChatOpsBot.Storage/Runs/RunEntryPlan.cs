using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// What a save writes to <c>run_entries</c>: per list, the position from which entries are inserted, and the lists
/// rewritten wholesale (their stored rows deleted first).
/// </summary>
/// <param name="From">Insert each list's entries from this position on.</param>
/// <param name="Rewritten">Lists whose stored rows are replaced.</param>
internal sealed record RunEntryPlan(RunEntryCounts From, IReadOnlyList<RunEntryKind> Rewritten)
{
    /// <summary>
    /// Appends where the in-memory list provably starts with the stored one: the first <c>stored</c> elements are the
    /// very (immutable) objects this store read or wrote for that generation. Anything else — a shorter list, a
    /// replaced entry, a run this store never saw, a legacy row — rewrites the list: correct, only slower. Core only
    /// appends to these lists today (the hunt assigns <see cref="PlaybookRun.Hits"/> once, or clears it while still
    /// empty when skipped), so the rewrite is a guard, not a path the playbook takes.
    /// </summary>
    public static RunEntryPlan For(PlaybookRun run, RunEntryCounts? stored, int generation, RunEntryCache cache)
    {
        var from = new int[RunEntryLists.All.Count];
        var rewritten = new List<RunEntryKind>();
        foreach (var list in RunEntryLists.All)
        {
            var items = list.Of(run);
            var count = stored?[list.Kind];
            if (count is 0 || (count is int n && cache.HoldsPrefix(run.Id, generation, list.Kind, items, n)))
                from[(int)list.Kind] = count.Value;
            else
                rewritten.Add(list.Kind);
        }
        return new RunEntryPlan(new RunEntryCounts(from[0], from[1], from[2]), rewritten);
    }
}
