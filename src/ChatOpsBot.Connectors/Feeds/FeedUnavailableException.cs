namespace ChatOpsBot.Connectors.Feeds;

/// <summary>The feed as a whole could not be read (missing file, HTTP error, timeout, content that is no IOC list in a known layout). Single bad lines never raise this.</summary>
public sealed class FeedUnavailableException : Exception
{
    public FeedUnavailableException(string message)
        : base(message)
    {
    }

    public FeedUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
