namespace ChatOpsBot.Core.Feeds;

/// <summary>Port: downloads or reads a known-C2 indicator feed and extracts its unique addresses.</summary>
public interface IIocFeed
{
    /// <summary>
    /// Loads the feed at <paramref name="location"/> (a file path or an http(s) URL). Bad lines never fail
    /// the load: they are counted and returned in <see cref="FeedResult.InvalidLines"/>.
    /// </summary>
    Task<FeedResult> LoadAsync(string location, CancellationToken cancellationToken);
}
