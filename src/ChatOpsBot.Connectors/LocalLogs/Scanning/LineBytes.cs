namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>A line's byte count, read only when the line is a hit.</summary>
/// <param name="fromLineStart">The block from the start of the line (it holds the line's '\n').</param>
/// <param name="layout">The file's layout.</param>
internal readonly ref struct LineBytes(ReadOnlySpan<byte> fromLineStart, LogLayout layout)
{
    private readonly ReadOnlySpan<byte> _fromLineStart = fromLineStart;

    public long Read()
    {
        var nl = _fromLineStart.IndexOf((byte)'\n');
        var line = nl < 0 ? _fromLineStart : _fromLineStart[..nl];
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return layout.Format switch
        {
            LocalLogFormat.ZeekTsv or LocalLogFormat.Csv =>
                Count(Fields.Get(line, layout.Separator, layout.BytesA)) + Count(Fields.Get(line, layout.Separator, layout.BytesB)),
            LocalLogFormat.ZeekJson =>
                Count(JsonFields.Value(line, "\"orig_bytes\":"u8)) + Count(JsonFields.Value(line, "\"resp_bytes\":"u8)),
            _ => Count(JsonFields.Value(line, "\"bytes_toserver\":"u8)) + Count(JsonFields.Value(line, "\"bytes_toclient\":"u8)),
        };
    }

    private static long Count(ReadOnlySpan<byte> value) => TimestampParser.CountOrZero(value);
}
