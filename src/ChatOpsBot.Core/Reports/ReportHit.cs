namespace ChatOpsBot.Core.Reports;

/// <summary>A hit in the report.</summary>
public sealed record ReportHit(string Host, string RemoteIp, long Connections, long Bytes, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string Origin);
