namespace ChatOpsBot.Teams.Channel;

/// <summary>A message the bot posted: where, and its activity id (to update it).</summary>
public sealed record PostedMessage(string ConversationId, string ActivityId);
