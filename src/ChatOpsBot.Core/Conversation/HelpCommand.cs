namespace ChatOpsBot.Core.Conversation;

/// <summary><c>help</c> (or nothing at all): the commands.</summary>
public sealed record HelpCommand : ConversationCommand;
