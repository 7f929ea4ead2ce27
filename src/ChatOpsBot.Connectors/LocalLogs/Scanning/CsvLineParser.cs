namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>CSV data rows (the header row is part of the layout); quoted fields allowed, not multi-line ones.</summary>
internal static class CsvLineParser
{
    // Hot loop: compiled fully optimised at first call (R2R cannot pre-compile the Vector256 code, and tier-0 plus OSR
    // would run the first megabytes of every scan slowly).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Process(ReadOnlySpan<byte> block, LogLayout layout, ScanContext context, ChunkState state)
    {
        long records = 0, malformed = 0;
        var pos = 0;
        while (pos < block.Length)
        {
            var rest = block[pos..];
            var nl = rest.IndexOf((byte)'\n');
            var line = rest[..nl];
            pos += nl + 1;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                continue;
            }

            records++;
            if (!ProcessLine(line, rest, layout, context, state))
            {
                malformed++;
            }
        }

        state.Records += records;
        state.Malformed += malformed;
    }

    private static bool ProcessLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> fromLineStart, LogLayout layout, ScanContext context, ChunkState state)
    {
        ReadOnlySpan<byte> sourceText = default, destinationText = default;
        long ticks = 0;
        var p = 0;
        for (var f = 0; f <= layout.LastCoreColumn; f++)
        {
            var field = Fields.Next(line, (byte)',', ref p, out var ok);
            if (!ok)
            {
                return false;
            }

            if (f == layout.Timestamp)
            {
                if (!TimestampParser.TryParseAny(field, out ticks))
                {
                    return false;
                }

                state.Seen(ticks);
                if (!context.InWindow(ticks))
                {
                    return true;
                }

                state.InWindow++;
            }
            else if (f == layout.Source)
            {
                sourceText = field;
            }
            else if (f == layout.Destination)
            {
                destinationText = field;
            }

            if (p > line.Length && f < layout.LastCoreColumn)
            {
                return false;
            }
        }

        if (!AddressParser.TryParse(sourceText, out var source) || !AddressParser.TryParse(destinationText, out var destination))
        {
            return false;
        }

        state.Match(context, source, destination, ticks, new LineBytes(fromLineStart, layout));
        return true;
    }
}
