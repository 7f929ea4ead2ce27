namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// What a <see cref="MessageLedger"/> entry is about: a run's root (its status card), a prompt, a notification (in the
/// run's thread, or its copy at the top of the channel) or a notification's file. <see cref="Key"/> is stored as it is,
/// and Slack also puts it on the message's metadata to find the message again.
/// </summary>
public sealed record LedgerEntry
{
    private LedgerEntry(string key) => Key = key;

    /// <summary>The ledger key (channel-neutral; the same in Slack and Teams).</summary>
    public string Key { get; }

    /// <summary>The run's root message: its live status card.</summary>
    public static LedgerEntry Root(string runId) => new($"root:{runId}");

    /// <summary>The message showing prompt <paramref name="promptId"/> (updated when it is answered).</summary>
    public static LedgerEntry Prompt(string promptId) => new($"prompt:{promptId}");

    /// <summary>Notification <paramref name="key"/> in the run's thread.</summary>
    public static LedgerEntry Notification(string key) => new($"notify:{key}");

    /// <summary>The copy of broadcast notification <paramref name="key"/> at the top of the channel (where it is a separate post).</summary>
    public static LedgerEntry ChannelCopy(string key) => new($"notify:{key}@channel");

    /// <summary>The file of notification <paramref name="key"/> (its value is the platform's file id, not a message).</summary>
    public static LedgerEntry File(string key) => new($"file:{key}");

    /// <inheritdoc />
    public override string ToString() => Key;
}
