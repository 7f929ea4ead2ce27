using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Playbook.Hunt;

/// <summary>Persisted progress of the Hunt section.</summary>
public sealed class HuntProgress
{
    /// <summary>Machine state (enum name of <see cref="HuntState"/>).</summary>
    public string State { get; set; } = nameof(HuntState.NotStarted);
    /// <summary>Recognised feed format.</summary>
    public FeedFormat? FeedFormat { get; set; }
    /// <summary>Unique indicators in the feed.</summary>
    public int IndicatorCount { get; set; }
    /// <summary>Bad feed lines (the first <see cref="MaxKeptInvalidLines"/>).</summary>
    public List<InvalidFeedLine> InvalidLines { get; set; } = [];
    /// <summary>All bad feed lines, kept or not.</summary>
    public int InvalidLineCount { get; set; }
    /// <summary>Records the SIEM looked at.</summary>
    public long RecordsScanned { get; set; }
    /// <summary>What the hunt query examined (null before the query ran, or when the SIEM did not say).</summary>
    public SiemCoverage? Coverage { get; set; }
    /// <summary>Gaps found when the feed was loaded and the query ran (judged against the window at that time).</summary>
    public List<CoverageGap> Gaps { get; set; } = [];

    /// <summary>How many bad lines are kept on the run (the count is always exact).</summary>
    public const int MaxKeptInvalidLines = 200;
}
