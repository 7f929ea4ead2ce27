using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;

namespace ChatOpsBot.Core.Tests.Playbook.Hunt;

/// <summary>Analysts read the feed's name; the server's file layout stays on the server (and in the run's report).</summary>
public sealed class FeedNameTests
{
    [Fact]
    public async Task NothingAnalystsRead_ShowsTheServerPathOfTheFeed()
    {
        var world = TestWorld.Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync("/srv/chatopsbot/feeds/c2-feed.txt")).Id);

        var shown = world.Channel.Notifications.SelectMany(n => new[] { n.Title, n.Text }.Concat(n.Facts.SelectMany(f => new[] { f.Label, f.Value })))
            .Concat(world.Channel.Asks.SelectMany(p => new[] { p.Title, p.Text }.Concat(p.Facts.SelectMany(f => new[] { f.Label, f.Value }))))
            .ToList();
        Assert.Contains(shown, s => s.Contains("c2-feed.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, s => s.Contains("/srv/", StringComparison.Ordinal));
        Assert.True(run.State.IsFinished());
    }
}
