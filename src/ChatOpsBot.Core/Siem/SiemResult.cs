namespace ChatOpsBot.Core.Siem;

/// <summary>The hits of a SIEM query and what was examined to find them.</summary>
/// <param name="Hits">One aggregated hit per (internal host, remote IP).</param>
/// <param name="RecordsScanned">Log records examined (0 when the SIEM does not say).</param>
public sealed record SiemResult(IReadOnlyList<C2Hit> Hits, long RecordsScanned)
{
    /// <summary>What the query examined; null when the SIEM does not report it (itself a gap in the run's coverage).</summary>
    public SiemCoverage? Coverage { get; init; }
}
