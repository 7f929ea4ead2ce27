using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatOpsBot.Connectors.Http;

/// <summary>Recognises how an HTTP call ends once resilience has given up, and says so in words fit for the analyst.</summary>
internal static class HttpFailure
{
    /// <summary>True for a failure the connector reports as its typed exception; false for the caller's own cancellation.</summary>
    public static bool IsFinal(Exception error, CancellationToken cancellationToken) => error switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException or JsonException or IOException => true,
        _ => false,
    };

    /// <summary>What went wrong, without URLs' query strings, headers or bodies.</summary>
    public static string Describe(Exception error) => error switch
    {
        TimeoutRejectedException => "timed out",
        BrokenCircuitException => "circuit open after repeated failures (calls paused for a while)",
        HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } e =>
            $"HTTP {(int)e.StatusCode!} ({e.StatusCode}): the credentials were refused or lack a permission",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} ({status})",
        HttpRequestException e => $"unreachable ({e.HttpRequestError})",
        OperationCanceledException => "timed out",
        JsonException => "answered malformed JSON",
        _ => "the answer could not be read",
    };

    /// <summary>Throws the exception <see cref="Describe"/> reports as an HTTP status when the call failed.</summary>
    public static void ThrowUnlessSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(HttpRequestError.Unknown, $"HTTP {(int)response.StatusCode}", null, response.StatusCode);
    }
}
