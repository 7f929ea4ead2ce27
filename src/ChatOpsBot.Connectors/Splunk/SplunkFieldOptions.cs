namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Names of the result fields a hit is read from (<c>Splunk:Fields</c>).</summary>
public sealed class SplunkFieldOptions
{
    /// <summary>Our host. Default <c>src_ip</c>. When it holds an indicator instead, the row is read as inbound.</summary>
    public string Host { get; set; } = "src_ip";

    /// <summary>The remote side, normally the indicator. Default <c>dest_ip</c>.</summary>
    public string RemoteIp { get; set; } = "dest_ip";

    /// <summary>Connections the row stands for; a row without it counts as one. Default <c>count</c>.</summary>
    public string Count { get; set; } = "count";

    /// <summary>Bytes; missing counts as 0. Default <c>bytes</c>.</summary>
    public string Bytes { get; set; } = "bytes";

    /// <summary>Earliest connection (epoch seconds or ISO 8601); missing means the window start. Default <c>first_seen</c>.</summary>
    public string FirstSeen { get; set; } = "first_seen";

    /// <summary>Latest connection (epoch seconds or ISO 8601); missing means the window end. Default <c>last_seen</c>.</summary>
    public string LastSeen { get; set; } = "last_seen";
}
