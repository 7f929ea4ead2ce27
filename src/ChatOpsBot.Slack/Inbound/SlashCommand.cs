namespace ChatOpsBot.Slack.Inbound;

/// <summary>A slash command (or a mention/DM read as one), whichever transport brought it.</summary>
public sealed record SlashCommand(string Text, string UserId, string UserName, string? ChannelId, string? ResponseUrl, string? TriggerId);
