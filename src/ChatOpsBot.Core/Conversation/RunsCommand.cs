namespace ChatOpsBot.Core.Conversation;

/// <summary><c>runs</c>: the latest runs.</summary>
/// <param name="Take">How many (chat channels list 10; the terminal's <c>runs list --take</c> chooses).</param>
public sealed record RunsCommand(int Take = RunsCommand.DefaultTake) : ConversationCommand
{
    /// <summary>How many runs a chat listing shows.</summary>
    public const int DefaultTake = 10;
}
