using System.IO.Compression;
using ChatOpsBot.Connectors.LocalLogs.Scanning;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>
/// A bounded look at one log file for <c>check</c>: its detected format and the earliest and latest timestamps among
/// the records in its first 256 KB and (plain files) its last 64 KB. Never reads the whole file.
/// </summary>
/// <param name="Format">The detected (or configured) format; null when the file is empty or unreadable as a log.</param>
/// <param name="Error">Why the file cannot be scanned, as the scanner would say; null otherwise.</param>
/// <param name="First">Earliest timestamp seen in the sample, UTC.</param>
/// <param name="Last">Latest timestamp seen in the sample, UTC.</param>
internal sealed record LogFileSample(LocalLogFormat? Format, string? Error, DateTimeOffset? First, DateTimeOffset? Last)
{
    private const int HeadBytes = 256 * 1024;
    private const int TailBytes = 64 * 1024;

    /// <summary>Samples <paramref name="path"/>; I/O errors are left to the caller.</summary>
    public static LogFileSample Read(string path, LocalLogFormat configured, CsvColumnOptions columns)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var gzip = file.Read(magic) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        file.Position = 0;
        var head = new byte[HeadBytes];
        int filled;
        try
        {
            if (gzip)
            {
                using var unzipped = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                filled = unzipped.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            else
            {
                filled = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
        }
        catch (InvalidDataException e)
        {
            return new LogFileSample(null, $"not readable as gzip ({e.Message})", null, null);
        }
        var complete = filled < head.Length;
        if (!LogLayoutReader.TryRead(head.AsSpan(0, filled), complete, configured, columns, out var layout, out var error))
            return new LogFileSample(null, error, null, null);

        long? first = null, last = null;
        Timestamps(head.AsSpan(layout!.HeaderLength, filled - layout.HeaderLength), layout, dropFirstLine: false, dropLastLine: !complete, ref first, ref last);
        if (!gzip && !complete && file.Length > HeadBytes)
        {
            var tail = new byte[(int)Math.Min(TailBytes, file.Length - HeadBytes)];
            file.Position = file.Length - tail.Length;
            var read = file.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false);
            Timestamps(tail.AsSpan(0, read), layout, dropFirstLine: true, dropLastLine: false, ref first, ref last);
        }
        return new LogFileSample(layout.Format, null, Utc(first), Utc(last));
    }

    private static void Timestamps(ReadOnlySpan<byte> block, LogLayout layout, bool dropFirstLine, bool dropLastLine, ref long? first, ref long? last)
    {
        var lineNumber = 0;
        foreach (var range in block.Split((byte)'\n'))
        {
            var line = block[range];
            var isFirst = lineNumber++ == 0;
            if ((isFirst && dropFirstLine) || (dropLastLine && range.End.Value == block.Length)) continue;
            if (line.IsEmpty || line[0] == (byte)'#' || !TryTimestamp(line.TrimEnd((byte)'\r'), layout, out var ticks)) continue;
            if (first is null || ticks < first) first = ticks;
            if (last is null || ticks > last) last = ticks;
        }
    }

    private static bool TryTimestamp(ReadOnlySpan<byte> line, LogLayout layout, out long ticks)
    {
        switch (layout.Format)
        {
            case LocalLogFormat.ZeekJson:
                var ts = JsonFields.Value(line, "\"ts\":"u8, out var isString);
                return isString ? TimestampParser.TryParseIso(ts, out ticks) : TimestampParser.TryParseEpoch(ts, out ticks);
            case LocalLogFormat.SuricataEve:
                return TimestampParser.TryParseIso(JsonFields.Value(line, "\"timestamp\":"u8), out ticks);
            default:
                var column = 0;
                foreach (var field in line.Split(layout.Separator))
                {
                    if (column++ == layout.Timestamp) return TimestampParser.TryParseAny(line[field].Trim((byte)'"'), out ticks);
                }
                ticks = 0;
                return false;
        }
    }

    private static DateTimeOffset? Utc(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
