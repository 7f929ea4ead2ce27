namespace ChatOpsBot.Core.Runs;

/// <summary>One thing the run did not examine, in words an analyst can act on.</summary>
/// <param name="Section">The section where the gap arose (enum name of <see cref="Playbook.PlaybookSection"/>).</param>
/// <param name="Kind">What kind of gap.</param>
/// <param name="Text">One line, e.g. "conn.log.gz is truncated: gzip stream ends early after 1,204 records".</param>
public sealed record CoverageGap(string Section, CoverageGapKind Kind, string Text);
