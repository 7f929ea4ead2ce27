using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Aggregates matched connections per (host, remote); one per worker, merged at the end.</summary>
internal sealed class HitAccumulator
{
    private readonly Dictionary<(IpAddr Host, IpAddr Remote), Entry> _entries = [];

    public int Count => _entries.Count;

    public void Add(in IpAddr host, in IpAddr remote, bool outbound, long ticks, long bytes)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, (host, remote), out var exists);
        if (!exists)
        {
            entry.First = ticks;
            entry.Last = ticks;
        }
        else
        {
            entry.First = Math.Min(entry.First, ticks);
            entry.Last = Math.Max(entry.Last, ticks);
        }

        entry.Connections++;
        entry.Bytes += bytes;
        entry.Directions |= outbound ? Outbound : Inbound;
    }

    public void MergeFrom(HitAccumulator other)
    {
        foreach (var (key, e) in other._entries)
        {
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out var exists);
            if (!exists)
            {
                entry = e;
                continue;
            }

            entry.First = Math.Min(entry.First, e.First);
            entry.Last = Math.Max(entry.Last, e.Last);
            entry.Connections += e.Connections;
            entry.Bytes += e.Bytes;
            entry.Directions |= e.Directions;
        }
    }

    /// <summary>The hits sorted by (remote, host), ordinal on the canonical text.</summary>
    public List<C2Hit> ToHits()
    {
        var hits = new List<C2Hit>(_entries.Count);
        foreach (var (key, e) in _entries)
        {
            var direction = e.Directions switch
            {
                Outbound => HitDirection.Outbound,
                Inbound => HitDirection.Inbound,
                _ => HitDirection.Both,
            };
            hits.Add(new C2Hit(key.Host.ToString(), key.Remote.ToString(), new DateTimeOffset(e.First, TimeSpan.Zero),
                new DateTimeOffset(e.Last, TimeSpan.Zero), e.Connections, e.Bytes, direction));
        }

        hits.Sort(static (a, b) =>
        {
            var byRemote = string.CompareOrdinal(a.RemoteIp, b.RemoteIp);
            return byRemote != 0 ? byRemote : string.CompareOrdinal(a.Host, b.Host);
        });
        return hits;
    }

    private const int Outbound = 1;
    private const int Inbound = 2;

    private struct Entry
    {
        public long First;
        public long Last;
        public long Connections;
        public long Bytes;
        public int Directions;
    }
}
