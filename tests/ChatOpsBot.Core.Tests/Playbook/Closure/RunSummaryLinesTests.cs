using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests.Playbook.Closure;

public sealed class RunSummaryLinesTests
{
    private static PlaybookRun RunWithDismissed(int count)
    {
        var run = new PlaybookRun { Id = "r-1" };
        for (var i = 0; i < count; i++)
            run.RemoteIps.Add(new RemoteIpCase { Ip = $"198.51.100.{i}", Status = IpVerdictStatus.NotMalicious });
        run.RemoteIps.Add(new RemoteIpCase { Ip = "203.0.113.9", Status = IpVerdictStatus.Malware });
        return run;
    }

    [Fact]
    public void Facts_ManyDismissedIps_ListsTheFirstTenAndCountsTheRest()
    {
        var facts = RunSummaryLines.Facts(RunWithDismissed(46));

        var dismissed = facts.Single(f => f.Label == "Dismissed").Value;
        Assert.StartsWith("198.51.100.0, 198.51.100.1, ", dismissed, StringComparison.Ordinal);
        Assert.EndsWith("198.51.100.9 and 36 more", dismissed, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.10,", dismissed, StringComparison.Ordinal);
        Assert.Equal("203.0.113.9", facts.Single(f => f.Label == "Confirmed C2").Value);
    }

    [Fact]
    public void Facts_TenOrFewer_ListsThemAll()
    {
        var dismissed = RunSummaryLines.Facts(RunWithDismissed(10)).Single(f => f.Label == "Dismissed").Value;

        Assert.Equal(string.Join(", ", Enumerable.Range(0, 10).Select(i => $"198.51.100.{i}")), dismissed);
    }

    [Fact]
    public void Lines_ManyDismissedIps_KeepTheFullListForTicketAndShiftLog()
    {
        var lines = RunSummaryLines.Lines(RunWithDismissed(46));

        var verdicts = lines.Single(l => l.StartsWith("Confirmed C2:", StringComparison.Ordinal));
        Assert.Contains("198.51.100.45", verdicts, StringComparison.Ordinal);
        Assert.DoesNotContain(" more", verdicts, StringComparison.Ordinal);
    }
}
