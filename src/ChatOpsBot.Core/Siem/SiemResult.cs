namespace ChatOpsBot.Core.Siem;

/// <summary>The hits of a SIEM query and how much data was looked at.</summary>
/// <param name="Hits">One aggregated hit per (internal host, remote IP).</param>
/// <param name="RecordsScanned">Log records examined (0 when the SIEM does not say).</param>
public sealed record SiemResult(IReadOnlyList<C2Hit> Hits, long RecordsScanned);
