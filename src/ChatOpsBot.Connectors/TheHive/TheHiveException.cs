using System.Net;

namespace ChatOpsBot.Connectors.TheHive;

/// <summary>TheHive failed for good (after the retries), refused the key, or answered something unreadable. Never carries the key.</summary>
public sealed class TheHiveException : Exception
{
    public TheHiveException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status, when TheHive answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
