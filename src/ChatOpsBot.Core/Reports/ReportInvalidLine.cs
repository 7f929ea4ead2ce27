namespace ChatOpsBot.Core.Reports;

/// <summary>A bad feed line in the report (line number and reason; the content stays out of reports).</summary>
public sealed record ReportInvalidLine(int Line, string Reason);
