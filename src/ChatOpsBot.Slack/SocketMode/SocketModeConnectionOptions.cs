namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// How Socket Mode keeps its connections (section <c>Slack:SocketModeConnection</c>). A connection that ends soon after
/// it opened, or an attempt that fails, waits <see cref="InitialBackoff"/>, doubled per failure up to
/// <see cref="MaxBackoff"/> (less up to a quarter, at random, so replicas do not reconnect in step); the first
/// short-lived connection after a healthy one is replaced at once, as Slack expects after <c>refresh_requested</c>.
/// </summary>
public sealed class SocketModeConnectionOptions
{
    /// <summary>First wait after a failed attempt or a short-lived connection. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts; readiness fails once the wait has grown to it. Default 60 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a connection must stay up to count as healthy (delivering an envelope also does). Default 30 s.</summary>
    public TimeSpan HealthyAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sockets this process holds at once (Slack allows 10 per app across all replicas). Default 1.</summary>
    public int MaxConnections { get; set; } = 1;
}
