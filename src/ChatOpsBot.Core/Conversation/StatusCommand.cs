namespace ChatOpsBot.Core.Conversation;

/// <summary><c>status [run]</c>: where a run stands.</summary>
/// <param name="RunId">The run; null for the latest.</param>
public sealed record StatusCommand(string? RunId) : ConversationCommand;
