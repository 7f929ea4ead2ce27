namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>Options of the local-log SIEM (config section <c>LocalLogs</c>).</summary>
public sealed class LocalLogsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "LocalLogs";

    /// <summary>Log files or directories (a directory means every regular file in it, e.g. rotated
    /// <c>conn.log</c>, <c>conn.00:00:00-01:00:00.log.gz</c>; in a Zeek archive root also <c>current/</c> and the
    /// <c>YYYY-MM-DD/</c> day folders near the query window). Zeek logs of other types than conn (http.log,
    /// dns.log ...) are left out and named in the coverage. Required, no default.</summary>
    public IList<string> Paths { get; set; } = [];

    /// <summary>Layout of the files (default <see cref="LocalLogFormat.Auto"/>: detected per file).</summary>
    public LocalLogFormat Format { get; set; } = LocalLogFormat.Auto;

    /// <summary>Column names for <see cref="LocalLogFormat.Csv"/> (defaults <c>ts,src_ip,dest_ip,bytes</c>).</summary>
    public CsvColumnOptions CsvColumns { get; set; } = new();

    /// <summary>How many threads scan at once (default: the processor count).</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;
}
