namespace ChatOpsBot.Slack.SocketMode;

/// <summary>One answer of <see cref="SocketModeBackoff.Fail"/>.</summary>
/// <param name="Delay">Wait before the next attempt (zero: at once).</param>
/// <param name="Report">Log this failure: the back-off grew or the problem is new (repeats at the same step stay quiet).</param>
public readonly record struct BackoffStep(TimeSpan Delay, bool Report);
