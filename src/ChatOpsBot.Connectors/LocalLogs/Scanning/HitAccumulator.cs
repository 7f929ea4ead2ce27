using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Aggregates matched connections per (host, remote); one per worker, merged at the end.</summary>
internal sealed class HitAccumulator
{
    /// <summary>At most this many signature names are kept as a hit's evidence; the rest are only counted.</summary>
    private const int MaxSignatures = 10;

    private readonly Dictionary<(IpAddr Host, IpAddr Remote), Entry> _entries = [];

    public int Count => _entries.Count;

    public void Add(in IpAddr host, in IpAddr remote, bool outbound, long ticks, long bytes)
    {
        ref var entry = ref Touch(host, remote, outbound, ticks);
        entry.Connections++;
        entry.Bytes += bytes;
    }

    /// <summary>Adds a Suricata event: events with a flow id are gathered per flow, the others count as one connection each.</summary>
    public void AddEve(in IpAddr host, in IpAddr remote, bool outbound, long ticks, EveEvent e)
    {
        ref var entry = ref Touch(host, remote, outbound, ticks);
        if (e.Signature is not null)
        {
            (entry.Signatures ??= new SortedSet<string>(StringComparer.Ordinal)).Add(e.Signature);
        }

        if (e.FlowId < 0)
        {
            entry.Connections++;
            entry.Bytes += e.Bytes;
            return;
        }

        entry.Flows ??= [];
        entry.Flows.TryGetValue(e.FlowId, out var flow);
        entry.Flows[e.FlowId] = flow.With(e);
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
            if (e.Signatures is not null)
            {
                (entry.Signatures ??= new SortedSet<string>(StringComparer.Ordinal)).UnionWith(e.Signatures);
            }

            if (e.Flows is not null)
            {
                // One flow's events can sit in two ranges of a file read by two workers.
                entry.Flows ??= [];
                foreach (var (id, flow) in e.Flows)
                {
                    entry.Flows[id] = entry.Flows.TryGetValue(id, out var mine) ? mine.Merge(flow) : flow;
                }
            }
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
            var connections = e.Connections + (e.Flows?.Count ?? 0);
            var bytes = e.Bytes;
            foreach (var flow in e.Flows?.Values ?? Enumerable.Empty<FlowFacts>())
            {
                bytes += flow.Bytes;
            }

            hits.Add(new C2Hit(key.Host.ToString(), key.Remote.ToString(), new DateTimeOffset(e.First, TimeSpan.Zero),
                new DateTimeOffset(e.Last, TimeSpan.Zero), connections, bytes, direction) { Evidence = Evidence(e.Signatures) });
        }

        hits.Sort(static (a, b) =>
        {
            var byRemote = string.CompareOrdinal(a.RemoteIp, b.RemoteIp);
            return byRemote != 0 ? byRemote : string.CompareOrdinal(a.Host, b.Host);
        });
        return hits;
    }

    private static string? Evidence(SortedSet<string>? signatures)
    {
        if (signatures is null || signatures.Count == 0)
        {
            return null;
        }

        var shown = string.Join("; ", signatures.Take(MaxSignatures));
        return signatures.Count > MaxSignatures
            ? $"Suricata alerts: {shown}; and {signatures.Count - MaxSignatures} more"
            : $"Suricata alerts: {shown}";
    }

    private ref Entry Touch(in IpAddr host, in IpAddr remote, bool outbound, long ticks)
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

        entry.Directions |= outbound ? Outbound : Inbound;
        return ref entry;
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
        public Dictionary<long, FlowFacts>? Flows;
        public SortedSet<string>? Signatures;
    }

    /// <summary>One Suricata flow: the bytes of its flow event when it had one, else the most its alerts reported.</summary>
    private readonly record struct FlowFacts(bool HasFlowEvent, long FlowBytes, long AlertBytes)
    {
        public long Bytes => HasFlowEvent ? FlowBytes : AlertBytes;

        public FlowFacts With(EveEvent e) => e.IsFlow
            ? this with { HasFlowEvent = true, FlowBytes = e.Bytes }
            : this with { AlertBytes = Math.Max(AlertBytes, e.Bytes) };

        public FlowFacts Merge(FlowFacts other) => new(
            HasFlowEvent || other.HasFlowEvent,
            HasFlowEvent ? FlowBytes : other.FlowBytes,
            Math.Max(AlertBytes, other.AlertBytes));
    }
}
