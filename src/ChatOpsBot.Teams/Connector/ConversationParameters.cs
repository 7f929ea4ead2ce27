using ChatOpsBot.Teams.Activities;

namespace ChatOpsBot.Teams.Connector;

/// <summary>Body of <c>POST v3/conversations</c> (a 1:1 chat with a user, or a new thread in a channel).</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public object? ChannelData { get; set; }
}
