namespace ChatOpsBot.Core.Siem;

/// <summary>Which side opened the connections of a hit.</summary>
public enum HitDirection
{
    /// <summary>Our host connected to the indicator (beaconing): the indicator was the responder.</summary>
    Outbound,
    /// <summary>The indicator connected to our host: the indicator was the originator.</summary>
    Inbound,
    /// <summary>Both directions were seen.</summary>
    Both,
}
