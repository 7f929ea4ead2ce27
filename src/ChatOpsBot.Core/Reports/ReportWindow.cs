namespace ChatOpsBot.Core.Reports;

/// <summary>The SIEM window a run searched: [<paramref name="From"/>, <paramref name="To"/>).</summary>
public sealed record ReportWindow(DateTimeOffset From, DateTimeOffset To);
