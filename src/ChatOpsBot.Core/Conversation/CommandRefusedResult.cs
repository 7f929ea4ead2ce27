namespace ChatOpsBot.Core.Conversation;

/// <summary>The command was not carried out: bad input, an unknown or finished run, or the database unavailable.</summary>
/// <param name="Message">One line of plain text; it may quote what was typed, so the channel escapes it.</param>
/// <param name="Syntax">The command concerned, whose usage line helps; null for an unknown verb (show every usage) or when no usage helps.</param>
/// <param name="ShowUsage">Whether the mistake is in the words typed (so a usage line helps) rather than in the state of things.</param>
public sealed record CommandRefusedResult(string Message, CommandSyntax? Syntax, bool ShowUsage) : CommandResult;
