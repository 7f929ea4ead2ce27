namespace ChatOpsBot.Core.Conversation;

/// <summary><c>resume &lt;run&gt;</c>: show a run's open question again and carry on, from any channel.</summary>
/// <param name="RunId">The run.</param>
public sealed record ResumeCommand(string RunId) : ConversationCommand;
