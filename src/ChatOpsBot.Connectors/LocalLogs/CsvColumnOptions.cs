namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>Header names of the CSV columns the scanner reads (config section <c>LocalLogs:CsvColumns</c>).</summary>
public sealed class CsvColumnOptions
{
    /// <summary>Connection start, epoch seconds or ISO-8601 (default <c>ts</c>).</summary>
    public string Timestamp { get; set; } = "ts";

    /// <summary>Originator address (default <c>src_ip</c>).</summary>
    public string SourceIp { get; set; } = "src_ip";

    /// <summary>Responder address (default <c>dest_ip</c>).</summary>
    public string DestinationIp { get; set; } = "dest_ip";

    /// <summary>Bytes of the connection; optional column, 0 when absent (default <c>bytes</c>).</summary>
    public string Bytes { get; set; } = "bytes";
}
