using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Runs;

/// <summary>A hit as kept on the run.</summary>
public sealed class HitRecord
{
    /// <summary>Internal host.</summary>
    public string Host { get; set; } = "";
    /// <summary>Indicator side.</summary>
    public string RemoteIp { get; set; } = "";
    /// <summary>First connection.</summary>
    public DateTimeOffset FirstSeen { get; set; }
    /// <summary>Last connection.</summary>
    public DateTimeOffset LastSeen { get; set; }
    /// <summary>Connections.</summary>
    public long Connections { get; set; }
    /// <summary>Bytes both ways.</summary>
    public long Bytes { get; set; }
    /// <summary>Who connected.</summary>
    public HitDirection Direction { get; set; }
    /// <summary>Hunt or pivot.</summary>
    public HitOrigin Origin { get; set; }
    /// <summary>For pivot hits: the confirmed C2 IP whose pulse led here.</summary>
    public string? PivotOf { get; set; }

    /// <summary>Copies a SIEM hit.</summary>
    public static HitRecord From(C2Hit hit, HitOrigin origin, string? pivotOf = null) => new()
    {
        Host = hit.Host, RemoteIp = hit.RemoteIp, FirstSeen = hit.FirstSeen, LastSeen = hit.LastSeen,
        Connections = hit.Connections, Bytes = hit.Bytes, Direction = hit.Direction, Origin = origin, PivotOf = pivotOf,
    };
}
