namespace ChatOpsBot.Core.Playbook.Pivot;

/// <summary>Persisted progress of the Pivot section.</summary>
public sealed class PivotProgress
{
    /// <summary>Machine state (enum name of <see cref="PivotState"/>).</summary>
    public string State { get; set; } = nameof(PivotState.Idle);
    /// <summary>The confirmed C2 IP being pivoted on.</summary>
    public string? CurrentIp { get; set; }
    /// <summary>IPv4 indicators collected for the current pivot.</summary>
    public List<string> Indicators { get; set; } = [];
    /// <summary>Every pivot done.</summary>
    public List<PivotRecord> Records { get; set; } = [];
}
