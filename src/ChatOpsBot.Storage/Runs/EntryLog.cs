namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// A cached run list that only grows. Appends write past <see cref="Count"/> (or into a new, larger array), so a
/// snapshot taken earlier keeps reading the same elements without holding the cache's lock.
/// </summary>
internal sealed class EntryLog
{
    private object[] _items;

    public EntryLog(IReadOnlyList<object> items)
    {
        _items = new object[Math.Max(items.Count, 4)];
        Append(items, 0);
    }

    public int Count { get; private set; }

    /// <summary>The first <see cref="Count"/> elements as they are now.</summary>
    public ReadOnlyMemory<object> Snapshot() => _items.AsMemory(0, Count);

    /// <summary>
    /// Whether the first <paramref name="count"/> elements of <paramref name="list"/> are the very objects cached here:
    /// entries are immutable, so the same objects mean the same stored content.
    /// </summary>
    public bool IsPrefixOf(IReadOnlyList<object> list, int count)
    {
        if (count > Count || count > list.Count) return false;
        for (var i = 0; i < count; i++)
            if (!ReferenceEquals(_items[i], list[i]))
                return false;
        return true;
    }

    /// <summary>Appends <paramref name="list"/> from index <paramref name="from"/> on.</summary>
    public void Append(IReadOnlyList<object> list, int from)
    {
        var needed = Count + list.Count - from;
        if (needed > _items.Length)
        {
            var grown = new object[Math.Max(needed, _items.Length * 2)];
            Array.Copy(_items, grown, Count);
            _items = grown;
        }
        for (var i = from; i < list.Count; i++)
            _items[Count++] = list[i];
    }
}
