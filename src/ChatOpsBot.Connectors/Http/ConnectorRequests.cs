namespace ChatOpsBot.Connectors.Http;

/// <summary>Per-request hints to the connector pipeline.</summary>
public static class ConnectorRequests
{
    /// <summary>
    /// Marks a POST that is safe to repeat after a timeout or a 5xx: it only reads (TheHive's <c>/api/v1/query</c>,
    /// Splunk's export search, a token request) or replaces the same data again (Splunk's <c>batch_save</c> keyed by
    /// IP). Other POST and PATCH requests are retried only when the server said it did not process them (429, 503),
    /// so a retry never creates a second case or a second search job. GET, HEAD, PUT and DELETE are idempotent.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRepeat = new("ChatOpsBot.SafeToRepeat");
}
