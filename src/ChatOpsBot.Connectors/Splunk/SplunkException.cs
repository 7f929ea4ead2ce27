using ChatOpsBot.Connectors.Http;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Splunk could not answer a query for good (after retries), refused the token, or its search job failed.</summary>
public sealed class SplunkException : ConnectorException
{
    public SplunkException(string message, Exception? innerException = null)
        : base("Splunk", message, innerException)
    {
    }
}
