namespace ChatOpsBot.Core.Reports;

/// <summary>What the pivots queried (<paramref name="Ips"/>) and found (<paramref name="Hits"/>).</summary>
public sealed record ReportPivot(IReadOnlyList<string> Ips, IReadOnlyList<ReportHit> Hits, IReadOnlyList<string> PivotedFrom);
