namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// Zeek conn.log TSV. Fast path (<see cref="ZeekTsvFastPath"/>): two 32-byte compares at each line start find
/// the separators of the wanted columns; anything unusual (comments, CR, IPv6, long fields, short lines,
/// the last lines of a block) goes through the general per-field path below.
/// </summary>
internal static class ZeekTsvParser
{
    /// <param name="block">Whole lines, the last ending with '\n'.</param>
    public static void Process(ReadOnlySpan<byte> block, LogLayout layout, ScanContext context, ChunkState state)
    {
        if (ZeekTsvFastPath.Supports(layout))
        {
            ZeekTsvFastPath.Process(block, layout, context, state);
            return;
        }

        ProcessGeneral(block, layout, context, state);
    }

    /// <summary>The general path: one vectorised search per field up to the last column needed.</summary>
    /// <param name="block">Whole lines, the last ending with '\n'.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void ProcessGeneral(ReadOnlySpan<byte> block, LogLayout layout, ScanContext context, ChunkState state)
    {
        var separator = layout.Separator;
        var tsColumn = layout.Timestamp;
        var sourceColumn = layout.Source;
        var destinationColumn = layout.Destination;
        var lastColumn = layout.LastCoreColumn;
        long records = 0, malformed = 0, inWindow = 0;
        var pos = 0;
        while (pos < block.Length)
        {
            var line = block[pos..];
            var first = line[0];
            if (first == (byte)'#' || first == (byte)'\n' || (first == (byte)'\r' && line.Length > 1 && line[1] == (byte)'\n'))
            {
                pos += line.IndexOf((byte)'\n') + 1; // comments (#close, repeated headers) and blank lines
                continue;
            }

            records++;
            ReadOnlySpan<byte> sourceText = default, destinationText = default;
            long ticks = 0;
            var p = 0;
            var consumed = -1; // line length incl. '\n' once the '\n' has been seen
            var bad = false;
            var skip = false;
            for (var f = 0; ; f++)
            {
                var end = line[p..].IndexOfAny(separator, (byte)'\n');
                var field = line.Slice(p, end);
                var atLineEnd = line[p + end] == (byte)'\n';
                p += end + 1;
                if (atLineEnd)
                {
                    consumed = p;
                }

                if (f == tsColumn)
                {
                    if (!TimestampParser.TryParseEpoch(TrimCr(field), out ticks))
                    {
                        bad = true;
                        break;
                    }

                    state.Seen(ticks);
                    if (!context.InWindow(ticks))
                    {
                        skip = true;
                        break;
                    }

                    inWindow++;
                }
                else if (f == sourceColumn)
                {
                    sourceText = field;
                }
                else if (f == destinationColumn)
                {
                    destinationText = field;
                }

                if (f == lastColumn)
                {
                    break;
                }

                if (atLineEnd)
                {
                    bad = true; // too few fields
                    break;
                }
            }

            if (!bad && !skip)
            {
                if (AddressParser.TryParse(TrimCr(sourceText), out var source) && AddressParser.TryParse(TrimCr(destinationText), out var destination))
                {
                    state.Match(context, source, destination, ticks, new LineBytes(line, layout));
                }
                else
                {
                    bad = true;
                }
            }

            if (bad)
            {
                malformed++;
            }

            pos += consumed >= 0 ? consumed : p + line[p..].IndexOf((byte)'\n') + 1;
        }

        state.Records += records;
        state.Malformed += malformed;
        state.InWindow += inWindow;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> field) => field.Length > 0 && field[^1] == (byte)'\r' ? field[..^1] : field;
}
