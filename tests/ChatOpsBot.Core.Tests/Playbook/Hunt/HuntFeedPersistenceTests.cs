using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;

namespace ChatOpsBot.Core.Tests.Playbook.Hunt;

/// <summary>A feed can hold half a million addresses: the run keeps its counts, never its addresses.</summary>
public sealed class HuntFeedPersistenceTests
{
    [Fact]
    public async Task RunAuto_LargeFeedWithoutHits_RunDocumentCountsTheIndicatorsButHoldsNoneOfThem()
    {
        var world = TestWorld.Quiet();
        var feed = Enumerable.Range(0, 2000).Select(TestWorld.UnknownIp).ToList();
        world.Feed.Indicators.AddRange(feed);
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(world.Feed.Indicators.Count, run.Hunt.IndicatorCount);
        var json = RunJson.Serialize(run);
        Assert.DoesNotContain(world.Feed.Indicators, ip => json.Contains($"\"{ip}\"", StringComparison.Ordinal));
    }
}
