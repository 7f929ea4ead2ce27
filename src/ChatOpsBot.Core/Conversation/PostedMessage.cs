namespace ChatOpsBot.Core.Conversation;

/// <summary>A chat message the bot posted: its conversation (Slack channel, Teams conversation or thread) and its id there.</summary>
/// <param name="Conversation">Slack channel id; Teams conversation id (a thread's id for a reply in a channel thread).</param>
/// <param name="MessageId">Slack <c>ts</c>; Teams activity id.</param>
public sealed record PostedMessage(string Conversation, string MessageId);
