using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Tests.Playbook.Coverage;

public sealed class QueryCoverageTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);
    private static readonly TimeSpan Tolerance = TimeSpan.FromHours(1);

    private static List<CoverageGap> Gaps(SiemCoverage? c) => QueryCoverage.Gaps(c, From, To, Tolerance, PlaybookSection.Hunt, "Hunt");

    private static SiemCoverage Full(params CoverageFile[] files) =>
        new("local logs", 3, 1_000, 900, 2, From.AddMinutes(3), To.AddMinutes(-10), files);

    [Fact]
    public void Gaps_EverythingReadAcrossTheWindow_None() => Assert.Empty(Gaps(Full()));

    [Fact]
    public void Gaps_IgnoredFilesOnly_None() =>
        Assert.Empty(Gaps(Full(new CoverageFile("/logs/http.log", CoverageFileStatus.Ignored, "not a connection log (http)"))));

    [Fact]
    public void Gaps_SiemSaysNothing_CoverageUnknown() =>
        Assert.Equal(CoverageGapKind.CoverageUnknown, Assert.Single(Gaps(null)).Kind);

    [Fact]
    public void Gaps_NoFileAtAll_NoLogs()
    {
        var gap = Assert.Single(Gaps(new SiemCoverage("local logs", 0, 0, 0, 0, null, null, [])));
        Assert.Equal(CoverageGapKind.NoLogs, gap.Kind);
        Assert.Contains("no log data", gap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_RecordsAllOutsideTheWindow_NoRecordsInWindowWithTheDataSpan()
    {
        var gap = Assert.Single(Gaps(new SiemCoverage("local logs", 1, 290, 0, 0, From.AddDays(-3), From.AddDays(-2), [])));
        Assert.Equal(CoverageGapKind.NoRecordsInWindow, gap.Kind);
        Assert.Contains("none of the 290 records", gap.Text, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 00:00Z → 2026-11-25 00:00Z", gap.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CoverageFileStatus.Unreadable, "could not be read")]
    [InlineData(CoverageFileStatus.Truncated, "is truncated")]
    [InlineData(CoverageFileStatus.Unusable, "was not usable")]
    public void Gaps_FileNotReadInFull_NamesTheFileByNameOnly(CoverageFileStatus status, string verb)
    {
        var gap = Assert.Single(Gaps(Full(new CoverageFile("/srv/zeek/2026-11-27/conn.00:00:00-01:00:00.log.gz", status, "the reason"))));
        Assert.Equal(CoverageGapKind.FileNotRead, gap.Kind);
        Assert.Equal($"Hunt: conn.00:00:00-01:00:00.log.gz {verb}: the reason", gap.Text);
        Assert.DoesNotContain("/srv/zeek", gap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_LogsStopHoursBeforeTheWindowEnds_LogsEndEarly()
    {
        var gap = Assert.Single(Gaps(Full() with { Latest = To.AddHours(-5) }));
        Assert.Equal(CoverageGapKind.LogsEndEarly, gap.Kind);
        Assert.Contains("5 h 0 min before the window's end", gap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_LogsStopWithinTheTolerance_None() => Assert.Empty(Gaps(Full() with { Latest = To.AddMinutes(-59) }));

    [Fact]
    public void Gaps_LogsStartHoursAfterTheWindowStarts_LogsStartLate() =>
        Assert.Equal(CoverageGapKind.LogsStartLate, Assert.Single(Gaps(Full() with { Earliest = From.AddHours(12) })).Kind);

    [Fact]
    public void Gaps_WindowInTheFuture_NoRecordsInWindow()
    {
        // --until a week ahead: every record lies before the window.
        var gaps = QueryCoverage.Gaps(new SiemCoverage("local logs", 1, 290, 0, 0, From, To, []), To.AddDays(6), To.AddDays(7), Tolerance, PlaybookSection.Hunt, "Hunt");
        Assert.Equal(CoverageGapKind.NoRecordsInWindow, Assert.Single(gaps).Kind);
    }

    [Fact]
    public void Summary_SaysFilesRecordsWindowShareAndDataSpan() =>
        Assert.Equal("local logs: 3 file(s) read, 1,000 records (900 in the window, 2 malformed); data 2026-11-27 00:03Z → 2026-11-27 23:50Z",
            QueryCoverage.Summary(Full()));

    [Fact]
    public void Summary_NullCoverage_SaysTheSiemDidNotReport() =>
        Assert.Equal("the SIEM did not report what it examined", QueryCoverage.Summary(null));
}
