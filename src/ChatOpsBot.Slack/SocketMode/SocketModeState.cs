namespace ChatOpsBot.Slack.SocketMode;

/// <summary>Where one Socket Mode connection is (the metric tags it in snake case).</summary>
public enum SocketModeState
{
    /// <summary>Asking for a URL (<c>apps.connections.open</c>) or opening the socket.</summary>
    Connecting,

    /// <summary>Slack said <c>hello</c>; envelopes arrive.</summary>
    Connected,

    /// <summary>Backing off after a failed attempt or a short-lived connection.</summary>
    Waiting,

    /// <summary>Backing off because Slack refused the app token.</summary>
    TokenRefused,
}
