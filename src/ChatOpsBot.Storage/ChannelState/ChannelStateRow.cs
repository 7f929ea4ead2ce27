namespace ChatOpsBot.Storage.ChannelState;

/// <summary>One channel-state entry.</summary>
public sealed class ChannelStateRow
{
    public string Channel { get; set; } = "";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
