using ChatOpsBot.Core.Conversation;

namespace ChatOpsBot.Terminal;

/// <summary>What <c>hunt</c> was asked to do: its flags mapped onto the conversation's commands.</summary>
/// <param name="Feed">Feed location, or null for the configured default.</param>
/// <param name="Command">
/// <see cref="StartCommand"/> (<c>--since</c>/<c>--until</c>, checked by <see cref="CommandGrammar"/> as a chat
/// <c>start</c> is) or <see cref="ResumeCommand"/> (<c>--resume</c>).
/// </param>
/// <param name="Auto">Answer prompts with the <c>--auto</c> stand-in analyst.</param>
/// <param name="Report">Report format to print at the end (<c>json</c>, <c>md</c>) or null.</param>
/// <param name="NoCache">Ask the intel sources afresh instead of using fresh verdicts from the cache (<c>--no-cache</c>).</param>
public sealed record HuntRequest(string? Feed, ConversationCommand Command, bool Auto, string? Report, bool NoCache = false);
