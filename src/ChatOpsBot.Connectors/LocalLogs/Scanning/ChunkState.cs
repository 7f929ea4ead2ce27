namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>One worker's running totals.</summary>
internal sealed class ChunkState
{
    public HitAccumulator Hits { get; } = new();

    public long Records;

    public long Malformed;

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

    public void MergeFrom(ChunkState other)
    {
        Hits.MergeFrom(other.Hits);
        Records += other.Records;
        Malformed += other.Malformed;
    }
}
