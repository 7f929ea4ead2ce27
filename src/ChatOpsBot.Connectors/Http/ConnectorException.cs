namespace ChatOpsBot.Connectors.Http;

/// <summary>
/// An external system could not answer, for good: its resilience pipeline gave up, it refused the credentials,
/// or it answered something unreadable. The playbook engine turns it into a retry-or-stop prompt.
/// Messages name the system and the operation, never a key, token or response body.
/// </summary>
public abstract class ConnectorException : Exception
{
    protected ConnectorException(string connector, string message, Exception? innerException)
        : base($"{connector}: {message}", innerException)
    {
        Connector = connector;
    }

    /// <summary>The system that failed ("Splunk", "OTX", "VirusTotal").</summary>
    public string Connector { get; }
}
