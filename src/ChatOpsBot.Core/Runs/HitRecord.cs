using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Runs;

/// <summary>
/// A hit as kept on the run. Immutable once made, like <see cref="TimelineEntry"/>, so a store may share it between
/// the runs it hands out.
/// </summary>
public sealed class HitRecord
{
    /// <summary>Internal host.</summary>
    public string Host { get; init; } = "";
    /// <summary>Indicator side.</summary>
    public string RemoteIp { get; init; } = "";
    /// <summary>First connection.</summary>
    public DateTimeOffset FirstSeen { get; init; }
    /// <summary>Last connection.</summary>
    public DateTimeOffset LastSeen { get; init; }
    /// <summary>Connections.</summary>
    public long Connections { get; init; }
    /// <summary>Bytes both ways.</summary>
    public long Bytes { get; init; }
    /// <summary>Who connected.</summary>
    public HitDirection Direction { get; init; }
    /// <summary>Hunt or pivot.</summary>
    public HitOrigin Origin { get; init; }
    /// <summary>For pivot hits: the confirmed C2 IP whose pulse led here.</summary>
    public string? PivotOf { get; init; }
    /// <summary>What the log said beyond the connections (e.g. Suricata alert signatures); null when nothing. See <see cref="C2Hit.Evidence"/>.</summary>
    public string? Evidence { get; init; }

    /// <summary>Copies a SIEM hit.</summary>
    public static HitRecord From(C2Hit hit, HitOrigin origin, string? pivotOf = null) => new()
    {
        Host = hit.Host, RemoteIp = hit.RemoteIp, FirstSeen = hit.FirstSeen, LastSeen = hit.LastSeen,
        Connections = hit.Connections, Bytes = hit.Bytes, Direction = hit.Direction, Origin = origin, PivotOf = pivotOf,
        Evidence = hit.Evidence,
    };
}
