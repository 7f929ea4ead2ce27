namespace ChatOpsBot.Teams.Auth;

/// <summary>Outcome of checking an inbound request: success, or the reason (for the log; the caller only sees 401).</summary>
public sealed record AuthenticationResult(bool Succeeded, string? Failure)
{
    public static AuthenticationResult Ok { get; } = new(true, null);
    public static AuthenticationResult Fail(string reason) => new(false, reason);
}
