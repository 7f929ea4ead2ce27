namespace ChatOpsBot.Core.Dialog;

/// <summary>Who answers a prompt, as the channel identified them.</summary>
/// <param name="Id">Channel-qualified id (e.g. <c>slack:U123</c>, <c>teams:aad-object-id</c>, <c>terminal:alice</c>).</param>
/// <param name="DisplayName">Name to show.</param>
/// <param name="IsApprover">Whether the channel's configuration lets this person confirm malware, containment and closure.</param>
public sealed record Actor(string Id, string DisplayName, bool IsApprover)
{
    /// <summary>The stand-in analyst of <c>--auto</c>.</summary>
    public static Actor Auto(int n = 1) => new($"auto:{n}", n == 1 ? "auto" : $"auto-{n}", true);
}
