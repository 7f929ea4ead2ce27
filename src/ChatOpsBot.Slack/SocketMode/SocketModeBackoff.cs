namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// The wait before the next Socket Mode attempt, from the failures in a row: none for the first short-lived
/// connection (Slack's routine refresh), then <c>initial</c> doubling up to <c>max</c>, each less a random quarter.
/// It also says when a failure is worth logging: once per step of the back-off (or a new problem), not per attempt.
/// Not thread-safe: each connection keeps its own.
/// </summary>
/// <param name="initial">First wait.</param>
/// <param name="max">Longest wait.</param>
/// <param name="random">Uniform in [0, 1): the jitter.</param>
public sealed class SocketModeBackoff(TimeSpan initial, TimeSpan max, Func<double> random)
{
    private const double Jitter = 0.25;
    private TimeSpan? _step;
    private string? _reported;

    /// <summary>Failures since the last healthy connection.</summary>
    public int Failures { get; private set; }

    /// <summary>The wait has grown to its maximum.</summary>
    public bool AtMaximum => _step >= max;

    /// <summary>A connection was healthy: the next failure starts over.</summary>
    public void Reset()
    {
        Failures = 0;
        _step = null;
        _reported = null;
    }

    /// <summary>Counts a failure and returns the wait before the next attempt.</summary>
    /// <param name="problem">What failed (a Slack error or disconnect reason); a new problem is reported even at the same step.</param>
    /// <param name="promptRetry">A connection ended that may be replaced at once, if it is the first failure in a row.</param>
    public BackoffStep Fail(string problem, bool promptRetry)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Failures++;
        if (promptRetry && Failures == 1) return new BackoffStep(TimeSpan.Zero, Report: false);
        var grew = !AtMaximum;
        _step = _step is { } step ? Min(step * 2, max) : Min(initial, max);
        var report = grew || !string.Equals(problem, _reported, StringComparison.Ordinal);
        _reported = problem;
        var wait = _step.Value * (1 - Jitter * Math.Clamp(random(), 0, 1));
        return new BackoffStep(wait, report);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
