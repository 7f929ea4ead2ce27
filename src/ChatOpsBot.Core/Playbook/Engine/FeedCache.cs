using System.Collections.Concurrent;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Keeps a run's loaded feed in memory between the load and the query steps. Indicator sets can be large,
/// so they are not written into the run document; after a restart the feed is simply read again.
/// </summary>
public sealed class FeedCache
{
    private readonly ConcurrentDictionary<string, FeedResult> _byRun = new();
    private readonly ConcurrentDictionary<string, Task<FeedResult>> _prefetched = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts loading <paramref name="location"/> in the background for a run about to be started, so the download
    /// or parse overlaps the database work that comes first; the next run that asks for this location takes it.
    /// </summary>
    public void Prefetch(string location, IIocFeed feed, CancellationToken cancellationToken) =>
        _prefetched.GetOrAdd(location, l => Task.Run(() => feed.LoadAsync(l, cancellationToken), cancellationToken));

    /// <summary>The feed for <paramref name="runId"/>, loading it from <paramref name="location"/> if needed.</summary>
    public async Task<FeedResult> GetAsync(string runId, string location, IIocFeed feed, CancellationToken cancellationToken)
    {
        if (_byRun.TryGetValue(runId, out var cached)) return cached;
        // A prefetch is used once; if it failed, the error surfaces here as a load failure would, and a retry reads anew.
        var loaded = _prefetched.TryRemove(location, out var prefetched)
            ? await prefetched.WaitAsync(cancellationToken).ConfigureAwait(false)
            : await feed.LoadAsync(location, cancellationToken).ConfigureAwait(false);
        _byRun[runId] = loaded;
        return loaded;
    }

    /// <summary>Forgets a run's feed once the hunt query is done.</summary>
    public void Forget(string runId) => _byRun.TryRemove(runId, out _);
}
