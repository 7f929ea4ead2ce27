namespace ChatOpsBot.Core.Dialog;

/// <summary>What sort of message a notification is.</summary>
public enum NotificationKind
{
    /// <summary>Something found: hits, verdicts, suspicious mails, tickets.</summary>
    Finding,
    /// <summary>What the bot is doing now.</summary>
    Progress,
    /// <summary>The closing summary.</summary>
    Summary,
}
