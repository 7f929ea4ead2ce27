namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Names for why a connection ended or an attempt failed, as logged, tagged on the reconnect metric and shown by
/// readiness. Only known names pass through, so an odd string from the wire never becomes a metric tag.
/// </summary>
internal static class SocketModeReasons
{
    public const string Closed = "closed";
    public const string Dropped = "dropped";
    public const string InvalidMessage = "invalid_message";
    public const string OpenFailed = "open_failed";
    public const string ConnectFailed = "connect_failed";
    public const string TooManyWebsockets = "too_many_websockets";

    // Errors of apps.connections.open that mean the app token itself is wrong: retrying soon will not help.
    private static readonly HashSet<string> TokenErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "not_allowed_token_type", "account_inactive", "token_revoked", "token_expired",
        "missing_scope", "no_permission",
    };

    private static readonly HashSet<string> DisconnectReasons = new(StringComparer.Ordinal)
    {
        "refresh_requested", "link_disabled", "warning", TooManyWebsockets,
    };

    /// <summary>Slack refused the app token (<c>invalid_auth</c>, <c>not_allowed_token_type</c>, <c>account_inactive</c>…).</summary>
    public static bool IsTokenRefusal(string error) => TokenErrors.Contains(error);

    /// <summary>What readiness and <c>check</c> say while Slack refuses the app token.</summary>
    public static string TokenRefusedMessage(string error) =>
        $"Slack refused the app token ({error}); check Slack:AppToken (an app-level xapp- token with connections:write).";

    /// <summary>A <c>disconnect</c> message's reason, or <c>disconnect</c> when it is missing or unknown.</summary>
    public static string Disconnect(string? reason) => reason is not null && DisconnectReasons.Contains(reason) ? reason : "disconnect";
}
