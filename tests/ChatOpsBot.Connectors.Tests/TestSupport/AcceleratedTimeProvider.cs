using System.Diagnostics;

namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>
/// A clock that runs <c>factor</c> times faster than real time, timers included: a 12-minute quota-paced validation
/// runs in seconds, while the bot and the fakes still share one monotonic clock (what a quota test needs: the
/// fake judges the bot's requests on the very clock the bot paces them by). Scheduling jitter is magnified by the
/// same factor, so tests on it assert what must hold for any timing, never exact instants.
/// </summary>
public sealed class AcceleratedTimeProvider(DateTimeOffset start, double factor) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Elapsed();

    public override long GetTimestamp() => Elapsed().Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), factor);

    private TimeSpan Elapsed() => TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_origin).Ticks * factor));

    private static TimeSpan Scale(TimeSpan time, double by) =>
        time == Timeout.InfiniteTimeSpan || time <= TimeSpan.Zero ? time : TimeSpan.FromTicks(Math.Max(1, (long)(time.Ticks / by)));

    private TimeSpan Scale(TimeSpan time) => Scale(time, factor);

    private sealed class ScaledTimer(ITimer inner, double factor) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Scale(dueTime, factor), Scale(period, factor));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
