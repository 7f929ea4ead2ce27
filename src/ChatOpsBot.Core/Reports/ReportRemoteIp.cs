namespace ChatOpsBot.Core.Reports;

/// <summary>One remote IP of the run, with what intel said and what the analysts decided.</summary>
/// <param name="Ip">The IP.</param>
/// <param name="Origin">Hunt or Pivot.</param>
/// <param name="Status">Pending, Malware or NotMalicious.</param>
/// <param name="IntelVerdict">Intel's verdict (Unknown, Harmless, Suspicious, Malicious), or null when never looked up.</param>
/// <param name="IntelSource">Which intel source answered.</param>
/// <param name="Pulses">Names of the threat reports that list it.</param>
/// <param name="DecidedBy">Who decided.</param>
public sealed record ReportRemoteIp(string Ip, string Origin, string Status, string? IntelVerdict, string? IntelSource, IReadOnlyList<string> Pulses, string? DecidedBy);
