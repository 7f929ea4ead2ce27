using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Connector;

/// <summary>
/// Keeps each conversation under Teams' per-bot limits (default 7 writes per second and 60 per 30 seconds) by
/// waiting before a write rather than collecting 429s.
/// </summary>
public sealed class ConversationPacer(IOptions<TeamsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _writes = new(StringComparer.Ordinal);

    /// <summary>Waits until one more write to <paramref name="conversationId"/> is within the limits, and counts it.</summary>
    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(conversationId);
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Zero when the write was counted now; otherwise how long to wait before asking again.</summary>
    internal TimeSpan TryTake(string conversationId)
    {
        var now = clock.GetUtcNow();
        lock (_writes)
        {
            if (_writes.Count > 1000) Forget(now);
            if (!_writes.TryGetValue(conversationId, out var times)) _writes[conversationId] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && now - times.Peek() >= HalfMinute) times.Dequeue();
            var o = options.Value;
            var lastSecond = times.Where(t => now - t < Second).ToList();
            var wait = TimeSpan.Zero;
            if (lastSecond.Count >= o.MaxWritesPerSecond) wait = lastSecond[^o.MaxWritesPerSecond] + Second - now;
            if (times.Count >= o.MaxWritesPer30Seconds)
            {
                var oldest = times.ElementAt(times.Count - o.MaxWritesPer30Seconds);
                var halfMinuteWait = oldest + HalfMinute - now;
                if (halfMinuteWait > wait) wait = halfMinuteWait;
            }
            if (wait > TimeSpan.Zero) return wait;
            times.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    // Conversations quiet for 30 s need no history; keeps the map small on a bot in many chats.
    private void Forget(DateTimeOffset now)
    {
        foreach (var (id, times) in _writes.Where(w => w.Value.Count == 0 || now - w.Value.Last() >= HalfMinute).ToList())
            _writes.Remove(id);
    }
}
