using System.Runtime.CompilerServices;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>One worker's running totals.</summary>
internal sealed class ChunkState
{
    public HitAccumulator Hits { get; } = new();

    public long Records;

    public long Malformed;

    /// <summary>Records whose timestamp lies in the window.</summary>
    public long InWindow;

    /// <summary>Earliest and latest record timestamps seen, in UTC ticks (MaxValue/MinValue while none was).</summary>
    public long MinTicks = long.MaxValue;

    public long MaxTicks = long.MinValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Seen(long ticks)
    {
        if (ticks < MinTicks)
        {
            MinTicks = ticks;
        }

        if (ticks > MaxTicks)
        {
            MaxTicks = ticks;
        }
    }

    /// <summary>Matches both ends of one in-window connection and records the hits.</summary>
    public void Match(ScanContext context, in IpAddr source, in IpAddr destination, long ticks, LineBytes bytes)
    {
        var outbound = context.Indicators.Contains(destination);
        var inbound = context.Indicators.Contains(source);
        if (!outbound && !inbound)
        {
            return;
        }

        var total = bytes.Read();
        if (outbound)
        {
            Hits.Add(source, destination, outbound: true, ticks, total);
        }

        if (inbound)
        {
            Hits.Add(destination, source, outbound: false, ticks, total);
        }
    }

    /// <summary>
    /// Matches one in-window Suricata flow or alert event. Events of one flow share its <c>flow_id</c>, so a flow is
    /// counted once however many events it has; its bytes come from its flow event, and alerts add their signature.
    /// </summary>
    public void MatchEve(ScanContext context, in IpAddr source, in IpAddr destination, long ticks, ReadOnlySpan<byte> line, LineBytes bytes, bool isFlow)
    {
        var outbound = context.Indicators.Contains(destination);
        var inbound = context.Indicators.Contains(source);
        if (!outbound && !inbound)
        {
            return;
        }

        string? signature = null;
        var (originator, responder) = (source, destination);
        if (!isFlow)
        {
            signature = JsonFields.StringValue(line, "\"signature\":"u8);
            // An alert on a server-to-client packet names the server as its source; the flow's originator is the client.
            if (JsonFields.Value(line, "\"direction\":"u8).SequenceEqual("to_client"u8))
            {
                (originator, responder) = (responder, originator);
                (outbound, inbound) = (inbound, outbound);
            }
        }

        var evidence = new EveEvent(JsonFields.Int64(line, "\"flow_id\":"u8), isFlow, bytes.Read(), signature);
        if (outbound)
        {
            Hits.AddEve(originator, responder, outbound: true, ticks, evidence);
        }

        if (inbound)
        {
            Hits.AddEve(responder, originator, outbound: false, ticks, evidence);
        }
    }

    public void MergeFrom(ChunkState other)
    {
        Hits.MergeFrom(other.Hits);
        Records += other.Records;
        Malformed += other.Malformed;
        InWindow += other.InWindow;
        MinTicks = Math.Min(MinTicks, other.MinTicks);
        MaxTicks = Math.Max(MaxTicks, other.MaxTicks);
    }
}
