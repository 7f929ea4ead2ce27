namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// The immutable entries of recently used runs, per store instance (so per replica). Bounded: it keeps the
/// <c>capacity</c> runs used last, because a long-running service sees an unbounded number of runs. It is only an
/// optimisation: every method is safe to answer "not cached", and a cached list is only trusted while the row's
/// generation matches and its counts are not below the cache's.
/// </summary>
internal sealed class RunEntryCache(int capacity)
{
    private readonly int _capacity = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least 1.");
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string RunId, CachedRunEntries Entries)>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<(string RunId, CachedRunEntries Entries)> _recency = new();

    public int Count
    {
        get { lock (_lock) return _byId.Count; }
    }

    /// <summary>
    /// The cached prefix of each list of a stored row (by kind), or null. A cache that cannot be a prefix of what the
    /// row holds (other generation, or longer than the stored lists) is dropped.
    /// </summary>
    public ReadOnlyMemory<object>[]? Prefix(string runId, int generation, RunEntryCounts stored)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(runId, out var node)) return null;
            var entries = node.Value.Entries;
            if (entries.Generation != generation || RunEntryLists.All.Any(l => entries.Logs[(int)l.Kind].Count > stored[l.Kind]))
            {
                Remove(node);
                return null;
            }
            Touch(node);
            return entries.Logs.Select(l => l.Snapshot()).ToArray();
        }
    }

    /// <summary>Whether <paramref name="list"/> starts with the very objects cached for its first <paramref name="count"/> stored entries.</summary>
    public bool HoldsPrefix(string runId, int generation, RunEntryKind kind, IReadOnlyList<object> list, int count)
    {
        lock (_lock)
        {
            return _byId.TryGetValue(runId, out var node)
                   && node.Value.Entries.Generation == generation
                   && node.Value.Entries.Logs[(int)kind].IsPrefixOf(list, count);
        }
    }

    /// <summary>Notes that at <paramref name="version"/> the stored lists (of <paramref name="generation"/>) are exactly <paramref name="lists"/>.</summary>
    public void Record(string runId, int version, int generation, IReadOnlyList<object>[] lists)
    {
        lock (_lock)
        {
            if (_byId.TryGetValue(runId, out var node))
            {
                var entries = node.Value.Entries;
                if (entries.Generation == generation)
                {
                    // Both are prefixes of the same growing lists: extend by what the cache lacks.
                    foreach (var list in RunEntryLists.All)
                    {
                        var log = entries.Logs[(int)list.Kind];
                        var items = lists[(int)list.Kind];
                        if (log.Count < items.Count) log.Append(items, log.Count);
                    }
                    entries.Version = Math.Max(entries.Version, version);
                    Touch(node);
                    return;
                }
                if (entries.Version >= version) return;
                Remove(node);
            }

            _byId[runId] = _recency.AddFirst((runId, new CachedRunEntries(version, generation, lists)));
            if (_byId.Count > _capacity) Remove(_recency.Last!);
        }
    }

    public void Forget(string runId)
    {
        lock (_lock)
        {
            if (_byId.TryGetValue(runId, out var node)) Remove(node);
        }
    }

    private void Touch(LinkedListNode<(string RunId, CachedRunEntries Entries)> node)
    {
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    private void Remove(LinkedListNode<(string RunId, CachedRunEntries Entries)> node)
    {
        _recency.Remove(node);
        _byId.Remove(node.Value.RunId);
    }
}
