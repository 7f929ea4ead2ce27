using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>A Web API call failed: <c>{"ok":false,"error":…}</c>, an HTTP error, or rate limiting beyond what we wait for.</summary>
public sealed class SlackApiException(string method, string error, int? statusCode = null, TimeSpan? retryAfter = null)
    : Exception($"Slack {method} failed: {error}{(statusCode is { } s ? $" (HTTP {s})" : "")}"), IChatDeliveryFailure
{
    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's error code (<c>channel_not_found</c>, <c>ratelimited</c>, <c>http_500</c>…).</summary>
    public string Error { get; } = error;

    /// <summary>HTTP status when the failure was at the HTTP level.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>Slack's Retry-After on a 429 we did not wait out ourselves.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// Slack answered and refused (<c>ok:false</c>, 429, other 4xx): nothing was posted. A 5xx, or a 200 we could not
    /// read, may have come after Slack posted.
    /// </summary>
    public bool MayHaveBeenDelivered => StatusCode >= 500 || Error is "invalid_response" or "missing_ts";
}
