using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// One of a run's append-only lists, seen without its element type so the store can treat the three alike.
/// Elements are immutable (init-only), which is what lets the cache and every run handed out share them.
/// </summary>
internal interface IRunEntryList
{
    RunEntryKind Kind { get; }

    /// <summary>The run's list itself (no copy).</summary>
    IReadOnlyList<object> Of(PlaybookRun run);

    /// <summary>Gives the run a new list: <paramref name="prefix"/> followed by <paramref name="tail"/>.</summary>
    void Assign(PlaybookRun run, ReadOnlySpan<object> prefix, IReadOnlyList<object> tail);

    string Serialize(object entry);

    object Deserialize(string json);
}
