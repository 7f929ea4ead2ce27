namespace ChatOpsBot.Core.Runs;

/// <summary>A host that talked to a confirmed C2 IP.</summary>
public sealed class CompromisedHost
{
    /// <summary>Host (IP or name).</summary>
    public string Host { get; set; } = "";
    /// <summary>The confirmed C2 IPs it talked to.</summary>
    public List<string> RemoteIps { get; set; } = [];
    /// <summary>User from the asset inventory, when known.</summary>
    public string? User { get; set; }
    /// <summary>User's mail, when known.</summary>
    public string? Email { get; set; }
    /// <summary>Whether the inventory was consulted.</summary>
    public bool AssetLookedUp { get; set; }
    /// <summary>Containment progress.</summary>
    public HostStatus Status { get; set; }
    /// <summary>The helpdesk's ticket number.</summary>
    public string? HelpdeskTicket { get; set; }
    /// <summary>Found by the hunt or a pivot.</summary>
    public HitOrigin Origin { get; set; }
}
