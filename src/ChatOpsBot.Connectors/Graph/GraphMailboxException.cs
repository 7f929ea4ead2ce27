using System.Net;

namespace ChatOpsBot.Connectors.Graph;

/// <summary>Graph or the token endpoint failed for good, refused the app, or answered something unreadable. Never carries the secret or a token.</summary>
public sealed class GraphMailboxException : Exception
{
    public GraphMailboxException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status, when the server answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
