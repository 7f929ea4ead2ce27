namespace ChatOpsBot.Core.Siem;

/// <summary>
/// What a SIEM query actually examined. A query that found nothing is only a clean answer when its coverage has
/// no gap: records inside the window, every file read to its end, and data reaching the window's end.
/// </summary>
/// <param name="Source">What was searched, e.g. "local logs" or "Splunk".</param>
/// <param name="FilesRead">Log files read to their end (0 for a SIEM that has no files, such as Splunk).</param>
/// <param name="RecordsRead">Records parsed, inside the window or not.</param>
/// <param name="RecordsInWindow">Records whose timestamp lies in the query window: the ones actually compared.</param>
/// <param name="MalformedRecords">Records that could not be parsed (no address, no timestamp, broken JSON).</param>
/// <param name="Earliest">Earliest record timestamp seen (any record), or null when none was.</param>
/// <param name="Latest">Latest record timestamp seen (any record), or null when none was.</param>
/// <param name="Files">Files that were unreadable, truncated, unusable or ignored, with the reason; files read cleanly are only counted.</param>
public sealed record SiemCoverage(
    string Source,
    int FilesRead,
    long RecordsRead,
    long RecordsInWindow,
    long MalformedRecords,
    DateTimeOffset? Earliest,
    DateTimeOffset? Latest,
    IReadOnlyList<CoverageFile> Files)
{
    /// <summary>Coverage of a SIEM that reports nothing about what it examined.</summary>
    public static SiemCoverage Unknown(string source) => new(source, 0, 0, 0, 0, null, null, []);
}
