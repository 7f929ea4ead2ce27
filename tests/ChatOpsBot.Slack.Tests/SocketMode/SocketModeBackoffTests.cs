using ChatOpsBot.Slack.SocketMode;

namespace ChatOpsBot.Slack.Tests.SocketMode;

public sealed class SocketModeBackoffTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Fail_ShortLivedConnections_FirstAtOnceThenDoublingToTheMaximum()
    {
        var backoff = new SocketModeBackoff(Second, TimeSpan.FromSeconds(60), () => 0);

        var waits = Enumerable.Range(0, 9).Select(_ => backoff.Fail("refresh_requested", promptRetry: true).Delay.TotalSeconds).ToList();

        Assert.Equal([0, 1, 2, 4, 8, 16, 32, 60, 60], waits);
        Assert.True(backoff.AtMaximum);
    }

    [Fact]
    public void Fail_NotPrompt_WaitsTheInitialBackoffFirst()
    {
        var backoff = new SocketModeBackoff(Second, TimeSpan.FromSeconds(60), () => 0);

        Assert.Equal(Second, backoff.Fail("too_many_websockets", promptRetry: false).Delay);
        Assert.Equal(2 * Second, backoff.Fail("too_many_websockets", promptRetry: true).Delay);
    }

    [Fact]
    public void Fail_Jitter_TakesUpToAQuarterOffAndNeverAddsTime()
    {
        var high = new SocketModeBackoff(Second, TimeSpan.FromSeconds(60), () => 0.999999);
        var low = new SocketModeBackoff(Second, TimeSpan.FromSeconds(60), () => 0);

        for (var i = 0; i < 10; i++)
        {
            var shortened = high.Fail("invalid_auth", promptRetry: false).Delay;
            var full = low.Fail("invalid_auth", promptRetry: false).Delay;
            Assert.InRange(shortened.TotalMilliseconds, full.TotalMilliseconds * 0.75 - 1, full.TotalMilliseconds);
        }
    }

    [Fact]
    public void Fail_ReportsOncePerStep_AndAgainForANewProblem()
    {
        var backoff = new SocketModeBackoff(Second, TimeSpan.FromSeconds(4), () => 0);

        var reports = Enumerable.Range(0, 6).Select(_ => backoff.Fail("invalid_auth", promptRetry: false).Report).ToList();

        Assert.Equal([true, true, true, false, false, false], reports);
        Assert.True(backoff.Fail("account_inactive", promptRetry: false).Report);
        Assert.False(backoff.Fail("account_inactive", promptRetry: false).Report);
    }

    [Fact]
    public void Reset_AfterAHealthyConnection_StartsOverWithAPromptRetry()
    {
        var backoff = new SocketModeBackoff(Second, TimeSpan.FromSeconds(60), () => 0);
        for (var i = 0; i < 10; i++) backoff.Fail("dropped", promptRetry: true);

        backoff.Reset();

        Assert.False(backoff.AtMaximum);
        Assert.Equal(TimeSpan.Zero, backoff.Fail("dropped", promptRetry: true).Delay);
        Assert.Equal(Second, backoff.Fail("dropped", promptRetry: true).Delay);
    }
}
