namespace ChatOpsBot.Core.Conversation;

/// <summary>What <see cref="CommandGrammar.Parse"/> made of a line: a command, or a one-line error.</summary>
/// <param name="Command">The command, or null when the line was refused.</param>
/// <param name="Error">Why the line was refused (plain text that may quote what was typed: escape it per channel), or null.</param>
/// <param name="Syntax">The command the error is about (its usage line helps), or null when the verb itself is unknown.</param>
public sealed record CommandParse(ConversationCommand? Command, string? Error, CommandSyntax? Syntax)
{
    /// <summary>A parsed command.</summary>
    public static CommandParse Of(ConversationCommand command) => new(command, null, null);

    /// <summary>A refused line.</summary>
    public static CommandParse Refused(string error, CommandSyntax? syntax) => new(null, error, syntax);
}
