namespace ChatOpsBot.Core.Siem;

/// <summary>Why a SIEM query runs.</summary>
public enum QueryPurpose
{
    /// <summary>The daily hunt over the C2 feed.</summary>
    Hunt,
    /// <summary>A pivot over the IPv4 indicators of a confirmed C2 IP's pulses.</summary>
    Pivot,
}
