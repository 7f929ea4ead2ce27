namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>How to read the data lines of one file: its format and where the wanted columns are.</summary>
/// <param name="Format">The concrete format (never Auto).</param>
/// <param name="HeaderLength">Bytes before the first data line (BOM, Zeek <c>#</c> header, CSV header row).</param>
/// <param name="Separator">Field separator (TSV and CSV).</param>
/// <param name="Timestamp">Column of the timestamp (TSV and CSV).</param>
/// <param name="Source">Column of the originator address.</param>
/// <param name="Destination">Column of the responder address.</param>
/// <param name="BytesA">Column of the originator bytes (CSV: the bytes column), -1 when absent.</param>
/// <param name="BytesB">Column of the responder bytes, -1 when absent.</param>
internal sealed record LogLayout(LocalLogFormat Format, int HeaderLength, byte Separator, int Timestamp, int Source, int Destination, int BytesA, int BytesB)
{
    /// <summary>The highest of the timestamp and address columns: where a line's first pass can stop.</summary>
    public int LastCoreColumn { get; } = Math.Max(Timestamp, Math.Max(Source, Destination));

    /// <summary>The Zeek log type a TSV file says it holds (<c>#path</c>); null when it does not say.</summary>
    public string? ZeekPath { get; init; }

    /// <summary>Zeek JSON written with <c>Log::default_scope_sep="_"</c>: keys <c>id_orig_h</c>, <c>id_resp_h</c>.</summary>
    public bool UnderscoreScope { get; init; }

    /// <summary>Zeek JSON whose records carry <c>_path</c>: records of other log types in the same stream are read past.</summary>
    public bool PathPerRecord { get; init; }

    public static LogLayout Json(LocalLogFormat format, int headerLength) => new(format, headerLength, 0, -1, -1, -1, -1, -1);
}
