namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// Which Zeek logs hold connections. Only <c>conn</c> does: http, dns, ssl, ssh ... logs repeat the connection's
/// uid and addresses, so reading them as connections counts one connection two or three times.
/// </summary>
internal static class ZeekLogTypes
{
    public const string Connections = "conn";

    // The logs Zeek and its common packages write besides conn (file stem or #path). A name not listed here is
    // read and judged by its #path or its fields, so an unusual name never loses a real conn log.
    private static readonly HashSet<string> Others = new(StringComparer.OrdinalIgnoreCase)
    {
        "analyzer", "bacnet", "broker", "capture_loss", "cluster", "config", "conn_long", "dce_rpc", "dhcp", "dnp3", "dns",
        "dpd", "enip", "files", "ftp", "http", "intel", "irc", "kerberos", "known_certs", "known_devices", "known_hosts",
        "known_modbus", "known_services", "ldap", "ldap_search", "loaded_scripts", "modbus", "mqtt_connect", "mqtt_publish",
        "mqtt_subscribe", "mysql", "netcontrol", "notice", "notice_alarm", "ntlm", "ntp", "ocsp", "openflow", "packet_filter",
        "pe", "postgresql", "print", "quic", "radius", "rdp", "redis", "reporter", "rfb", "s7comm", "signatures", "sip",
        "smb_cmd", "smb_files", "smb_mapping", "smtp", "snmp", "socks", "software", "ssh", "ssl", "stats", "syslog",
        "telemetry", "traceroute", "tunnel", "unknown_protocols", "weird", "weird_stats", "websocket", "x509",
    };

    /// <summary>The log type a Zeek file name announces when it is one of the non-connection logs (<c>http.log</c>,
    /// <c>dns.00:00:00-01:00:00.log.gz</c>, <c>ssh.json</c>), else null.</summary>
    public static string? OtherTypeByName(string path)
    {
        var name = Path.GetFileName(path.AsSpan());
        var dot = name.IndexOf('.');
        var stem = (dot < 0 ? name : name[..dot]).ToString();
        return Others.Contains(stem) ? stem.ToLowerInvariant() : null;
    }

    /// <summary>Why a log of type <paramref name="type"/> is not read as connections.</summary>
    public static string Reason(string type) => type.Equals("conn_long", StringComparison.OrdinalIgnoreCase)
        ? "Zeek conn_long log: interim records of long connections, whose final record is in conn.log"
        : $"Zeek {type} log, not connections (only conn logs are)";
}
