using System.Net;

namespace ChatOpsBot.Teams.Connector;

/// <summary>Teams answered 403 <c>MessageWritesBlocked</c>: the user blocked the bot or the conversation is gone. Never retried.</summary>
public sealed class MessageWritesBlockedException(string conversationId)
    : ConnectorException(HttpStatusCode.Forbidden, $"Teams blocks the bot from writing to conversation {conversationId} (MessageWritesBlocked).")
{
    public string ConversationId { get; } = conversationId;
}
