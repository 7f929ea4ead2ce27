using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// Honours Slack's rate limiting: on HTTP 429 waits the <c>Retry-After</c> seconds and sends again, a few times,
/// as long as the wait is within <see cref="SlackOptions.MaxRetryAfter"/>. Past that the 429 is returned and the
/// caller fails (the engine's outbox keeps the message and retries later), so nothing is lost.
/// </summary>
public sealed class SlackRetryAfterHandler(IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackRetryAfterHandler> logger) : DelegatingHandler
{
    private const int MaxAttempts = 4;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Request contents are buffered (string/bytes), so the same request can be sent again.
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= MaxAttempts) return response;
            var wait = RetryAfter(response);
            if (wait > options.Value.MaxRetryAfter) return response;
            logger.LogWarning("Slack rate-limited {Path}; retrying in {Seconds} s (attempt {Attempt})",
                request.RequestUri?.AbsolutePath, wait.TotalSeconds, attempt);
            response.Dispose();
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return TimeSpan.FromSeconds(Math.Max(0, (date - DateTimeOffset.UtcNow).TotalSeconds));
        return TimeSpan.FromSeconds(1);
    }
}
