using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary>
/// Keeps calls within <c>VirusTotal:RequestsPerMinute</c> over any sliding minute: callers queue in order and each
/// waits, on the <see cref="TimeProvider"/> (so tests move time instead of waiting), until the oldest call of the
/// last minute ages out. Shared by every client instance, because the quota belongs to the key.
/// </summary>
public sealed class VirusTotalPacer : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly int _limit;
    private readonly TimeProvider _clock;

    public VirusTotalPacer(IOptions<VirusTotalOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limit = options.Value.RequestsPerMinute;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Returns when one more request fits in the quota, and counts it.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _clock.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Window) _sent.Dequeue();
                if (_sent.Count < _limit)
                {
                    _sent.Enqueue(now);
                    return;
                }
                await Task.Delay(_sent.Peek() + Window - now, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
