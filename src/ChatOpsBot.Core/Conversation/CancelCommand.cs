namespace ChatOpsBot.Core.Conversation;

/// <summary><c>cancel &lt;run&gt;</c>: stop a run that is not finished; it stays on record as Abandoned.</summary>
/// <param name="RunId">The run.</param>
public sealed record CancelCommand(string RunId) : ConversationCommand;
