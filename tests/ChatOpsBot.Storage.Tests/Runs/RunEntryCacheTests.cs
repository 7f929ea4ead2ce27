using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage.Runs;

namespace ChatOpsBot.Storage.Tests.Runs;

public sealed class RunEntryCacheTests
{
    private static readonly RunEntryCounts Plenty = new(100, 100, 100);

    [Fact]
    public void Keeps_only_the_most_recently_used_runs()
    {
        var cache = new RunEntryCache(capacity: 2);
        cache.Record("r-1", 1, 0, Lists(1));
        cache.Record("r-2", 1, 0, Lists(1));
        Assert.NotNull(cache.Prefix("r-1", 0, Plenty));

        cache.Record("r-3", 1, 0, Lists(1));

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Prefix("r-1", 0, Plenty));
        Assert.Null(cache.Prefix("r-2", 0, Plenty));
        Assert.NotNull(cache.Prefix("r-3", 0, Plenty));
    }

    [Fact]
    public void A_row_of_another_generation_drops_the_cached_run()
    {
        var cache = new RunEntryCache(capacity: 4);
        cache.Record("r-1", 1, 0, Lists(2));

        Assert.Null(cache.Prefix("r-1", 1, Plenty));
        Assert.Null(cache.Prefix("r-1", 0, Plenty));
    }

    [Fact]
    public void Stored_counts_below_the_cached_ones_drop_the_cached_run()
    {
        var cache = new RunEntryCache(capacity: 4);
        cache.Record("r-1", 1, 0, Lists(3));

        Assert.Null(cache.Prefix("r-1", 0, new RunEntryCounts(2, 3, 3)));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Recording_a_longer_list_of_the_same_generation_appends_and_keeps_earlier_snapshots_intact()
    {
        var cache = new RunEntryCache(capacity: 4);
        var first = Lists(2);
        cache.Record("r-1", 1, 0, first);
        var before = cache.Prefix("r-1", 0, Plenty)!;
        var longer = first.Select(l => (IReadOnlyList<object>)l.Append(new TimelineEntry { Value = "new" }).ToList()).ToArray();

        cache.Record("r-1", 2, 0, longer);

        Assert.Equal(2, before[0].Length);
        var after = cache.Prefix("r-1", 0, Plenty)!;
        Assert.Equal(3, after[0].Length);
        Assert.Same(first[0][1], after[0].Span[1]);
        Assert.True(cache.HoldsPrefix("r-1", 0, RunEntryKind.Timeline, longer[0], 3));
    }

    [Fact]
    public void An_older_save_of_another_generation_does_not_replace_a_newer_entry()
    {
        var cache = new RunEntryCache(capacity: 4);
        cache.Record("r-1", 5, 1, Lists(4));

        cache.Record("r-1", 4, 0, Lists(1));

        Assert.NotNull(cache.Prefix("r-1", 1, Plenty));
    }

    [Fact]
    public void HoldsPrefix_is_false_for_equal_but_other_objects()
    {
        var cache = new RunEntryCache(capacity: 4);
        cache.Record("r-1", 1, 0, Lists(2));

        Assert.False(cache.HoldsPrefix("r-1", 0, RunEntryKind.Timeline, Lists(2)[0], 2));
        Assert.True(cache.HoldsPrefix("r-1", 0, RunEntryKind.Timeline, Lists(2)[0], 0));
    }

    private static IReadOnlyList<object>[] Lists(int count) =>
        RunEntryLists.All.Select(_ => (IReadOnlyList<object>)Enumerable.Range(0, count).Select(i => (object)new TimelineEntry { Value = $"e{i}" }).ToList()).ToArray();
}
