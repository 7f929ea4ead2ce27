using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>Spaces posts to one channel by <see cref="SlackOptions.MessageInterval"/> (Slack allows about one message a second per channel).</summary>
public sealed class ChannelPacer(IOptions<SlackOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Waits until a message may be posted to <paramref name="channel"/>, and reserves that moment.</summary>
    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var interval = options.Value.MessageInterval;
        if (interval <= TimeSpan.Zero) return;
        var slot = _slots.GetOrAdd(channel, _ => new Slot());
        TimeSpan wait;
        lock (slot)
        {
            var now = clock.GetUtcNow();
            var at = slot.Next > now ? slot.Next : now;
            slot.Next = at + interval;
            wait = at - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Slot
    {
        public DateTimeOffset Next { get; set; }
    }
}
