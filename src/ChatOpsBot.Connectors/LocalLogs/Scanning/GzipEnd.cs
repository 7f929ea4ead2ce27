using System.IO.Compression;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// Tells a gzip file read to its end from one cut short. GZipStream checks each member's CRC and size, but when the
/// file simply stops mid-member it returns end of data without a word (unless the process-wide strict-validation
/// switch is on). So a tiny complete gzip member holding a marker line is read after the file's last byte: when the
/// file ended cleanly the marker decompresses as the last line; when it was cut, the marker's bytes are swallowed
/// by the unfinished member and never appear as such.
/// </summary>
internal static class GzipEnd
{
    /// <summary>The marker text, the last line of a complete file's data (no '\n' inside: it stays the unparsed tail).</summary>
    public static ReadOnlySpan<byte> Marker => "#chatopsbot:gzip-stream-complete:5d1e0b7a93c4"u8;

    // Immutable once built: the compressed form of "\n" + Marker (the '\n' ends a last line written without one).
    private static readonly byte[] Sentinel = BuildSentinel();

    /// <summary>The file followed by the sentinel member.</summary>
    public static TrailerStream WithSentinel(Stream file) => new(file, Sentinel);

    /// <summary>Removes the marker when <paramref name="data"/> ends with it; returns whether it did.</summary>
    public static bool Strip(ReadOnlySpan<byte> data, ref int filled)
    {
        if (!data[..filled].EndsWith(Marker))
        {
            return false;
        }

        filled -= Marker.Length;
        return true;
    }

    private static byte[] BuildSentinel()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.WriteByte((byte)'\n');
            gzip.Write(Marker);
        }

        return buffer.ToArray();
    }
}
