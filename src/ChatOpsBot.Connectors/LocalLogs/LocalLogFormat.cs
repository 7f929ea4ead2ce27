namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>The layout of the local log files.</summary>
public enum LocalLogFormat
{
    /// <summary>Detected per file from its first bytes (default).</summary>
    Auto,
    /// <summary>Zeek conn.log, tab-separated with <c>#fields</c> header.</summary>
    ZeekTsv,
    /// <summary>Zeek conn.log written as JSON lines.</summary>
    ZeekJson,
    /// <summary>Suricata eve.json lines (<c>flow</c> and <c>alert</c> events).</summary>
    SuricataEve,
    /// <summary>Comma-separated values with a header row; columns named by <see cref="CsvColumnOptions"/>.</summary>
    Csv,
}
