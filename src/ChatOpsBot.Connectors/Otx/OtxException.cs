using ChatOpsBot.Connectors.Http;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>OTX could not answer for good (after retries), refused the key, or answered something unreadable.</summary>
public sealed class OtxException : ConnectorException
{
    public OtxException(string message, Exception? innerException = null)
        : base("OTX", message, innerException)
    {
    }
}
