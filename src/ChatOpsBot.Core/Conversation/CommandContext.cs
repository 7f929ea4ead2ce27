namespace ChatOpsBot.Core.Conversation;

/// <summary>Who sent a command, and from where.</summary>
/// <param name="Channel">The channel's name (<c>slack</c>, <c>teams</c>, <c>terminal</c>): a started run talks there.</param>
/// <param name="ChannelAddress">Where in that channel a started run posts (a Slack channel id, a Teams conversation id).</param>
/// <param name="RequestedBy">The sender as the run records them (started by, cancelled by).</param>
/// <param name="RequestKey">
/// The platform's id for this request (Slack <c>trigger_id</c>, Teams activity id), prefixed with the channel: a resume
/// delivered twice is recorded once. Null when the platform gave none.
/// </param>
public sealed record CommandContext(string Channel, string? ChannelAddress, string RequestedBy, string? RequestKey);
