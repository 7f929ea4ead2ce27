using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Core.Runs;

/// <summary>One remote IP under validation.</summary>
public sealed class RemoteIpCase
{
    /// <summary>The IP.</summary>
    public string Ip { get; set; } = "";
    /// <summary>Found by the hunt or by a pivot.</summary>
    public HitOrigin Origin { get; set; }
    /// <summary>The analyst's decision.</summary>
    public IpVerdictStatus Status { get; set; }
    /// <summary>Intel, once looked up.</summary>
    public IpIntel? Intel { get; set; }
    /// <summary>The Pivot section is done with it (pivoted or skipped).</summary>
    public bool Pivoted { get; set; }
    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; set; }
}
