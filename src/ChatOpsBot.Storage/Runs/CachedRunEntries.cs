namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// What one store knows of one run's stored lists: for <see cref="Generation"/>, each log is a prefix of the stored
/// list (stored lists only grow within a generation). <see cref="Version"/> is the newest version this was seen at,
/// only so an older writer cannot replace a newer entry.
/// </summary>
internal sealed class CachedRunEntries(int version, int generation, IReadOnlyList<object>[] lists)
{
    public int Version { get; set; } = version;
    public int Generation { get; } = generation;
    public EntryLog[] Logs { get; } = lists.Select(l => new EntryLog(l)).ToArray();
}
