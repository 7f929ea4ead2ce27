using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Coverage;

/// <summary>A run only closes as a clean day when it looked everywhere it was asked to.</summary>
public sealed class RunCoverageTests
{
    private static TestWorld NoHits()
    {
        var world = Demo();
        world.Siem.Connections.Clear();
        return world;
    }

    [Fact]
    public async Task RunAuto_NoHitsAndCompleteCoverage_ResolvesAsNoC2Traffic()
    {
        var world = NoHits();
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(RunState.Resolved, run.State);
        Assert.Empty(RunCoverage.Gaps(run));
        Assert.Contains(world.Channel.Notifications, n => n.Title == "Hunt closed: no C2 traffic");
        Assert.Contains(world.Channel.Asks, a => a.Title == "Close the hunt?");
    }

    [Fact]
    public async Task RunAuto_EmptyFeed_ClosesInconclusiveAndSaysNothingWasLookedFor()
    {
        var world = NoHits();
        world.Feed.Indicators.Clear();
        world.Feed.InvalidLines.Add(new Core.Feeds.InvalidFeedLine(1, "<html>", "not an IP address"));
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(RunState.Inconclusive, run.State);
        var gap = Assert.Single(RunCoverage.Gaps(run));
        Assert.Equal(CoverageGapKind.NoIndicators, gap.Kind);
        Assert.Contains("nothing was looked for", gap.Text, StringComparison.Ordinal);
        AssertGapShownEverywhere(world, run, gap);
    }

    [Fact]
    public async Task RunAuto_LogFileTruncated_ClosesInconclusiveNamingTheFile()
    {
        var world = NoHits();
        world.Siem.Coverage = q => new SiemCoverage("local logs", 1, 500, 500, 0, q.From, q.To.AddMinutes(-1),
            [new CoverageFile("/var/log/zeek/conn.log.gz", CoverageFileStatus.Truncated, "gzip stream ends early after 1,204 records")]);
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(RunState.Inconclusive, run.State);
        var gap = Assert.Single(RunCoverage.Gaps(run));
        Assert.Equal("Hunt: conn.log.gz is truncated: gzip stream ends early after 1,204 records", gap.Text);
        AssertGapShownEverywhere(world, run, gap);
        Assert.Contains(world.Channel.Notifications, n => n.Title == "No C2 traffic in what was examined — coverage has gaps");
    }

    [Fact]
    public async Task RunAuto_IncidentConfirmedWithAGap_ResolvesAndListsTheGap()
    {
        var world = Demo();
        world.Siem.Coverage = q => new SiemCoverage("local logs", 1, 500, 500, 0, q.From, q.To.AddHours(-6), []);
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(RunState.Resolved, run.State);
        Assert.NotNull(run.Ticket);
        Assert.Contains(RunCoverage.Gaps(run), g => g.Kind == CoverageGapKind.LogsEndEarly);
        Assert.Contains(world.Channel.Notifications, n => n.Key.EndsWith("closure:summary", StringComparison.Ordinal) && n.Title.Contains("coverage gap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_ListsCoverageFirstWithWindowFeedTimesAndIntelPerIp()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        var report = RunReport.From(run);

        Assert.Equal(RunReport.CurrentSchemaVersion, report.SchemaVersion);
        Assert.Equal(run.Settings.WindowTo, report.Window.To);
        Assert.Equal(3, report.Feed.Indicators);
        Assert.NotNull(report.EndedAt);
        Assert.Equal("fake SIEM", report.Coverage.Hunt!.Source);
        Assert.Equal("Malicious", report.RemoteIps.Single(r => r.Ip == Ips.HuntC2).IntelVerdict);
        Assert.Equal("Unknown", report.RemoteIps.Single(r => r.Ip == Ips.Benign).IntelVerdict);
        var markdown = RunReportMarkdown.Render(run);
        Assert.True(markdown.IndexOf("## Coverage", StringComparison.Ordinal) < markdown.IndexOf("## Summary", StringComparison.Ordinal));
    }

    private static void AssertGapShownEverywhere(TestWorld world, PlaybookRun run, CoverageGap gap)
    {
        var close = world.Channel.Asks.Single(a => a.Section == PlaybookSection.Closure && a.Kind == PromptKind.Confirm);
        Assert.Equal("Close the hunt as inconclusive?", close.Title);
        Assert.Contains("NOT everything was examined", close.Text, StringComparison.Ordinal);
        Assert.Contains(close.Facts, f => f.Label == "Not examined" && f.Value == gap.Text);
        var summary = world.Channel.Notifications.Single(n => n.Key.EndsWith("closure:summary", StringComparison.Ordinal));
        Assert.StartsWith("Hunt inconclusive", summary.Title, StringComparison.Ordinal);
        Assert.Equal("Examined", summary.Facts[0].Label);
        Assert.Contains(summary.Facts, f => f.Value == gap.Text);
        Assert.Contains(world.ShiftLog.Entries.Single().Summary, l => l.Contains(gap.Text, StringComparison.Ordinal));
        // Markdown escapes its active characters (parentheses among them): compare the part before the first one.
        Assert.Contains(gap.Text.Split('(')[0], RunReportMarkdown.Render(run), StringComparison.Ordinal);
        Assert.False(RunReport.From(run).Coverage.Complete);
    }
}
