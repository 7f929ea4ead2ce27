namespace ChatOpsBot.Core.Siem;

/// <summary>Traffic between one of our hosts and an indicator, aggregated over the query window.</summary>
/// <param name="Host">Our internal host (IP or name as the log has it).</param>
/// <param name="RemoteIp">The indicator-side address, in canonical text form.</param>
/// <param name="FirstSeen">Earliest connection in the window.</param>
/// <param name="LastSeen">Latest connection in the window.</param>
/// <param name="Connections">Number of connections.</param>
/// <param name="Bytes">Bytes in both directions (0 when the log has none).</param>
/// <param name="Direction">Who opened the connections.</param>
public sealed record C2Hit(string Host, string RemoteIp, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Connections, long Bytes, HitDirection Direction)
{
    /// <summary>
    /// What the log said about this traffic beyond the connections themselves, one line for analysts, e.g.
    /// "Suricata alerts: ET MALWARE Win32/IcedID Request Cookie"; null when it said nothing more.
    /// </summary>
    public string? Evidence { get; init; }
}
