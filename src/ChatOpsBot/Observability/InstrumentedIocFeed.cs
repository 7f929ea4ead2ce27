using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Observability;

/// <summary>Measures calls to the configured <see cref="IIocFeed"/>.</summary>
internal sealed class InstrumentedIocFeed(IIocFeed inner, ConnectorMetrics metrics) : IIocFeed
{
    public Task<FeedResult> LoadAsync(string location, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("feed", inner, "load", () => inner.LoadAsync(location, cancellationToken));
}
