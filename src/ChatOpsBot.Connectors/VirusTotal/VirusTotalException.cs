using ChatOpsBot.Connectors.Http;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary>VirusTotal could not answer for good (after retries, quota exhausted), refused the key, or answered something unreadable.</summary>
public sealed class VirusTotalException : ConnectorException
{
    public VirusTotalException(string message, Exception? innerException = null)
        : base("VirusTotal", message, innerException)
    {
    }
}
