namespace ChatOpsBot.Slack.WebApi;

/// <summary>A Web API call failed: <c>{"ok":false,"error":…}</c>, an HTTP error, or rate limiting beyond what we wait for.</summary>
public sealed class SlackApiException(string method, string error, int? statusCode = null)
    : Exception($"Slack {method} failed: {error}{(statusCode is { } s ? $" (HTTP {s})" : "")}")
{
    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's error code (<c>channel_not_found</c>, <c>ratelimited</c>, <c>http_500</c>…).</summary>
    public string Error { get; } = error;

    /// <summary>HTTP status when the failure was at the HTTP level.</summary>
    public int? StatusCode { get; } = statusCode;
}
