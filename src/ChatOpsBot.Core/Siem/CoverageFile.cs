namespace ChatOpsBot.Core.Siem;

/// <summary>A log file that was not read in full, or left out, and why.</summary>
/// <param name="Path">The file as configured or found (shown to analysts by its file name only).</param>
/// <param name="Status">Unreadable, truncated, unusable (gaps) or ignored (by design).</param>
/// <param name="Reason">One line saying what was wrong, e.g. "gzip stream ends early after 1,204 records".</param>
public sealed record CoverageFile(string Path, CoverageFileStatus Status, string Reason)
{
    /// <summary>True when this file leaves a gap in the query's coverage (everything but <see cref="CoverageFileStatus.Ignored"/>).</summary>
    public bool IsGap => Status != CoverageFileStatus.Ignored;
}
