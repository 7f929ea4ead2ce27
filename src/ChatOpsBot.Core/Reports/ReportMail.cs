namespace ChatOpsBot.Core.Reports;

/// <summary>A flagged mail in the report.</summary>
public sealed record ReportMail(string User, string Subject, string Reason, string Status, string? HandedTo);
