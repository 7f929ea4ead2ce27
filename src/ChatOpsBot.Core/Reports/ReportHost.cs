namespace ChatOpsBot.Core.Reports;

/// <summary>A contained host in the report.</summary>
public sealed record ReportHost(string Host, string? Ticket, string? HelpdeskTicket, string? User);
