namespace ChatOpsBot.Core.Reports;

/// <summary>The feed a run hunted with.</summary>
/// <param name="Source">Location as given (file path or URL).</param>
/// <param name="Format">Recognised format, or null when it was never loaded.</param>
/// <param name="Indicators">Unique valid indicators.</param>
/// <param name="InvalidLines">Lines that could not be read.</param>
public sealed record ReportFeed(string Source, string? Format, int Indicators, int InvalidLines);
