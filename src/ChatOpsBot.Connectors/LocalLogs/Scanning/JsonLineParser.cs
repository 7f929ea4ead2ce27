namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Zeek JSON lines and Suricata eve.json (flow and alert events; other event types are read past).</summary>
internal static class JsonLineParser
{
    // Hot loop: compiled fully optimised at first call (R2R cannot pre-compile the Vector256 code, and tier-0 plus OSR
    // would run the first megabytes of every scan slowly).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Process(ReadOnlySpan<byte> block, LogLayout layout, ScanContext context, ChunkState state)
    {
        var eve = layout.Format == LocalLogFormat.SuricataEve;
        long records = 0, malformed = 0;
        var pos = 0;
        while (pos < block.Length)
        {
            var rest = block[pos..];
            var nl = rest.IndexOf((byte)'\n');
            var line = rest[..nl];
            pos += nl + 1;
            if (line.IsEmpty || line.IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                continue;
            }

            records++;
            if (!(eve ? ProcessEve(line, rest, layout, context, state) : ProcessZeek(line, rest, layout, context, state)))
            {
                malformed++;
            }
        }

        state.Records += records;
        state.Malformed += malformed;
    }

    private static bool ProcessZeek(ReadOnlySpan<byte> line, ReadOnlySpan<byte> fromLineStart, LogLayout layout, ScanContext context, ChunkState state)
    {
        if (layout.PathPerRecord)
        {
            // A stream of several Zeek logs (records tagged with _path): only conn records are connections.
            var path = JsonFields.Value(line, "\"_path\":"u8);
            if (!path.IsEmpty && !path.SequenceEqual("conn"u8))
            {
                return true;
            }
        }

        var tsText = JsonFields.Value(line, "\"ts\":"u8, out var isString);
        var ok = isString ? TimestampParser.TryParseIso(tsText, out var ticks) : TimestampParser.TryParseEpoch(tsText, out ticks);
        if (!ok)
        {
            return false;
        }

        state.Seen(ticks);
        if (!context.InWindow(ticks))
        {
            return true;
        }

        state.InWindow++;
        var underscore = layout.UnderscoreScope;
        if (!AddressParser.TryParse(JsonFields.Value(line, underscore ? "\"id_orig_h\":"u8 : "\"id.orig_h\":"u8), out var source)
            || !AddressParser.TryParse(JsonFields.Value(line, underscore ? "\"id_resp_h\":"u8 : "\"id.resp_h\":"u8), out var destination))
        {
            return false;
        }

        state.Match(context, source, destination, ticks, new LineBytes(fromLineStart, layout));
        return true;
    }

    private static bool ProcessEve(ReadOnlySpan<byte> line, ReadOnlySpan<byte> fromLineStart, LogLayout layout, ScanContext context, ChunkState state)
    {
        var eventType = JsonFields.Value(line, "\"event_type\":"u8);
        var isFlow = eventType.SequenceEqual("flow"u8);
        var connection = isFlow || eventType.SequenceEqual("alert"u8);
        var timed = TimestampParser.TryParseIso(JsonFields.Value(line, "\"timestamp\":"u8), out var ticks);
        if (timed)
        {
            // Every event dates the data (dns, http, stats ... too), so the coverage's time range counts them all.
            state.Seen(ticks);
            if (context.InWindow(ticks))
            {
                state.InWindow++;
            }
        }

        if (!connection)
        {
            return !eventType.IsEmpty; // dns, http, stats ... are records we do not need
        }

        if (!timed)
        {
            return false;
        }

        if (!context.InWindow(ticks))
        {
            return true;
        }

        if (!AddressParser.TryParse(JsonFields.Value(line, "\"src_ip\":"u8), out var source)
            || !AddressParser.TryParse(JsonFields.Value(line, "\"dest_ip\":"u8), out var destination))
        {
            return false;
        }

        state.MatchEve(context, source, destination, ticks, line, new LineBytes(fromLineStart, layout), isFlow);
        return true;
    }
}
