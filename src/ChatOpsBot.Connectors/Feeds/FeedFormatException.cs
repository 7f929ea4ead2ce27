namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// The feed's content is not an IOC list in any layout the parser knows (binary data, an HTML page, JSON of
/// another shape). The loader turns it into a <see cref="FeedUnavailableException"/> naming the feed.
/// </summary>
internal sealed class FeedFormatException(string reason) : Exception(reason);
