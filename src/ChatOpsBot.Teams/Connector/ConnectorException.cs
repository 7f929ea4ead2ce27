using System.Net;

namespace ChatOpsBot.Teams.Connector;

/// <summary>A Bot Connector call that failed for good (after retries, or with a status that is not retried).</summary>
public class ConnectorException(HttpStatusCode? status, string message) : Exception(message)
{
    /// <summary>The last HTTP status, when there was a response.</summary>
    public HttpStatusCode? Status { get; } = status;
}
