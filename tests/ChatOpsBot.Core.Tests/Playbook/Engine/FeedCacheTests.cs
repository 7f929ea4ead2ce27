using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Tests.Fakes;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class FeedCacheTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task GetAsync_AfterPrefetchOfTheSameLocation_ReadsTheFeedOnce()
    {
        var feed = new FakeIocFeed { Indicators = { "203.0.113.7" } };
        var cache = new FeedCache();

        cache.Prefetch("feed.txt", feed, Ct);
        var result = await cache.GetAsync("r-1", "feed.txt", feed, Ct);
        var again = await cache.GetAsync("r-1", "feed.txt", feed, Ct);

        Assert.Equal(["feed.txt"], feed.Loads);
        Assert.Equal("203.0.113.7/32", result.Indicators.Single().ToString());
        Assert.Same(result, again);
    }

    [Fact]
    public async Task Prefetch_SameLocationTwice_ReadsTheFeedOnce()
    {
        var feed = new FakeIocFeed { Indicators = { "203.0.113.7" } };
        var cache = new FeedCache();

        cache.Prefetch("feed.txt", feed, Ct);
        cache.Prefetch("feed.txt", feed, Ct);
        await cache.GetAsync("r-1", "feed.txt", feed, Ct);

        Assert.Equal(["feed.txt"], feed.Loads);
    }

    [Fact]
    public async Task GetAsync_PrefetchIsUsedByOneRunOnly()
    {
        var feed = new FakeIocFeed { Indicators = { "203.0.113.7" } };
        var cache = new FeedCache();

        cache.Prefetch("feed.txt", feed, Ct);
        await cache.GetAsync("r-1", "feed.txt", feed, Ct);
        await cache.GetAsync("r-2", "feed.txt", feed, Ct);

        Assert.Equal(["feed.txt", "feed.txt"], feed.Loads);
    }

    [Fact]
    public async Task GetAsync_OtherLocation_IgnoresThePrefetch()
    {
        var feed = new LocationFeed();
        var cache = new FeedCache();

        cache.Prefetch("old.txt", feed, Ct);
        var result = await cache.GetAsync("r-1", "new.txt", feed, Ct);

        Assert.Equal("new.txt", result.InvalidLines.Single().Content);
    }

    [Fact]
    public async Task GetAsync_FailedPrefetch_FailsLikeALoadAndTheRetryReadsAnew()
    {
        var feed = new FailingOnceFeed();
        var cache = new FeedCache();

        cache.Prefetch("feed.txt", feed, Ct);
        await Assert.ThrowsAsync<IOException>(() => cache.GetAsync("r-1", "feed.txt", feed, Ct));
        var retried = await cache.GetAsync("r-1", "feed.txt", feed, Ct);

        Assert.Equal(2, feed.Calls);
        Assert.Empty(retried.Indicators);
    }

    /// <summary>Says which location it read, in a bad-line entry.</summary>
    private sealed class LocationFeed : IIocFeed
    {
        public Task<FeedResult> LoadAsync(string location, CancellationToken cancellationToken) =>
            Task.FromResult(new FeedResult([], [new InvalidFeedLine(1, location, "marker")], FeedFormat.Plain));
    }

    private sealed class FailingOnceFeed : IIocFeed
    {
        public int Calls { get; private set; }

        public Task<FeedResult> LoadAsync(string location, CancellationToken cancellationToken) =>
            ++Calls == 1 ? Task.FromException<FeedResult>(new IOException("feed down")) : Task.FromResult(new FeedResult([], [], FeedFormat.Plain));
    }
}
