using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary>
/// Keeps calls within <c>VirusTotal:RequestsPerMinute</c>: a sliding one-minute window whose segments a
/// <see cref="TimeProvider"/> timer advances, so tests move time instead of waiting. Shared by every client instance.
/// </summary>
public sealed class VirusTotalPacer : IDisposable
{
    private const int Segments = 6;
    private readonly SlidingWindowRateLimiter _limiter;
    private readonly ITimer _timer;

    public VirusTotalPacer(IOptions<VirusTotalOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var window = TimeSpan.FromMinutes(1);
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = window,
            SegmentsPerWindow = Segments,
            AutoReplenishment = false,
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var tick = window / Segments;
        _timer = clock.CreateTimer(_ => _limiter.TryReplenish(), null, tick, tick);
    }

    /// <summary>Waits for a slot; throws <see cref="VirusTotalException"/> when the queue is full.</summary>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new VirusTotalException("too many lookups queued for the key's request quota");
    }

    public void Dispose()
    {
        _timer.Dispose();
        _limiter.Dispose();
    }
}
