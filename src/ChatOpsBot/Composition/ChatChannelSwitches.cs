namespace ChatOpsBot.Composition;

/// <summary>
/// Which chat channels the service turns on. Any key that only means something to a channel turns it on, so a
/// partial configuration (a bot token without the signing secret, Socket Mode without the app token) stops the start
/// with the validator's line naming the missing key, instead of a service that runs with the channel silently off.
/// </summary>
public static class ChatChannelSwitches
{
    /// <summary>True when any of <c>Slack:SigningSecret</c>, <c>BotToken</c>, <c>AppToken</c>, <c>Channel</c> is set or <c>Slack:SocketMode</c> is true.</summary>
    public static bool Slack(IConfiguration configuration) =>
        AnySet(configuration, "Slack", "SigningSecret", "BotToken", "AppToken", "Channel")
        || (bool.TryParse(configuration["Slack:SocketMode"], out var socketMode) && socketMode);

    /// <summary>True when <c>Teams:AppId</c> or <c>Teams:AppPassword</c> is set or <c>Teams:LocalPlayground</c> is true.</summary>
    public static bool Teams(IConfiguration configuration) =>
        AnySet(configuration, "Teams", "AppId", "AppPassword")
        || (bool.TryParse(configuration["Teams:LocalPlayground"], out var playground) && playground);

    private static bool AnySet(IConfiguration configuration, string section, params string[] keys) =>
        keys.Any(k => !string.IsNullOrWhiteSpace(configuration[$"{section}:{k}"]));
}
