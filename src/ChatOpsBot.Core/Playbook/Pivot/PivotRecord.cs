using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Playbook.Pivot;

/// <summary>What one pivot did.</summary>
public sealed class PivotRecord
{
    /// <summary>The confirmed C2 IP.</summary>
    public string SourceIp { get; set; } = "";
    /// <summary>Pulses read.</summary>
    public List<string> PulseIds { get; set; } = [];
    /// <summary>IPv4 indicators queried.</summary>
    public List<string> Ips { get; set; } = [];
    /// <summary>New hits found.</summary>
    public int Hits { get; set; }
    /// <summary>The analyst skipped it.</summary>
    public bool Skipped { get; set; }
    /// <summary>What the pivot query examined (null before it ran, or when the SIEM did not say).</summary>
    public SiemCoverage? Coverage { get; set; }
    /// <summary>Gaps of the pivot query.</summary>
    public List<CoverageGap> Gaps { get; set; } = [];
}
