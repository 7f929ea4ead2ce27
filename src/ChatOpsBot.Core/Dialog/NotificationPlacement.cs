namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// Where a notification goes in a channel that gives each run one thread (Slack, Teams): decided in Core, where the
/// notification is made, so every channel shows the same few things at the top of the channel.
/// </summary>
public enum NotificationPlacement
{
    /// <summary>In the run's thread only: step results an analyst looks up, not news for the whole channel.</summary>
    Thread,
    /// <summary>In the run's thread and shown in the channel too: hits found, incident opened, run closed.</summary>
    Broadcast,
    /// <summary>On the run's live status card (the thread's root), updated in place: what the bot is doing now.</summary>
    Status,
}
