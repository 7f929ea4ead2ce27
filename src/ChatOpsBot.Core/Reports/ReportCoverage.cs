using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Reports;

/// <summary>What a run examined and what it did not.</summary>
/// <param name="Complete">True when there is no gap.</param>
/// <param name="Hunt">What the hunt query examined (null when it did not run or the SIEM did not say).</param>
/// <param name="Pivots">What each pivot query examined, by the C2 IP pivoted from.</param>
/// <param name="Gaps">Every gap, in the order it arose.</param>
public sealed record ReportCoverage(bool Complete, SiemCoverage? Hunt, IReadOnlyDictionary<string, SiemCoverage?> Pivots, IReadOnlyList<CoverageGap> Gaps);
