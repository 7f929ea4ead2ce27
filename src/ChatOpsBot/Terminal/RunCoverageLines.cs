using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Terminal;

/// <summary>What a run examined, as the lines <c>runs show</c> prints before the timeline.</summary>
public static class RunCoverageLines
{
    /// <summary>Window, feed, each query's coverage, then every gap.</summary>
    public static IReadOnlyList<string> For(PlaybookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lines = new List<string>
        {
            $"Window: {QueryCoverage.Window(run.Settings.WindowFrom, run.Settings.WindowTo)}",
            $"Feed: {FeedNames.Display(run.Settings.Feed)}, {run.Hunt.IndicatorCount} indicators, {run.Hunt.InvalidLineCount} unreadable lines",
            $"Hunt query: {QueryCoverage.Summary(run.Hunt.Coverage)}",
        };
        lines.AddRange(run.Pivot.Records.Where(p => !p.Skipped).Select(p => $"Pivot on {p.SourceIp}: {QueryCoverage.Summary(p.Coverage)}"));
        var gaps = RunCoverage.Gaps(run);
        lines.Add(gaps.Count == 0 ? "Coverage: complete" : $"Coverage: {gaps.Count} gap(s)");
        lines.AddRange(gaps.Select(g => $"  - {g.Text}"));
        return lines;
    }
}
