using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatOpsBot.Connectors.Graph;

/// <summary>Sends one request through the resilient client and turns every failure into a <see cref="GraphMailboxException"/>.</summary>
internal static class GraphHttp
{
    public static async Task<byte[]> SendAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post)
            request.Options.Set(ConnectorRequests.SafeToRepeat, true); // only the token request is a POST, and it changes nothing
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GraphMailboxException($"{what}: no answer ({e.Message})", null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var hint = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => " (token or client secret refused)",
                    HttpStatusCode.Forbidden => " (the app lacks the Mail.Read application permission, or an access policy excludes the mailbox)",
                    HttpStatusCode.NotFound => " (no such user or message)",
                    HttpStatusCode.BadRequest => " (request refused; check Graph:TenantId, Graph:ClientId)",
                    _ => "",
                };
                throw new GraphMailboxException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase}{hint}", response.StatusCode);
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<JsonObject> GetJsonAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        var bytes = await SendAsync(http, request, what, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new GraphMailboxException($"{what}: the answer is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new GraphMailboxException($"{what}: malformed JSON", null, e);
        }
    }
}
