namespace ChatOpsBot.Core.Conversation;

/// <summary>The command list, as data: each channel renders (and escapes) the usage lines its own way.</summary>
/// <param name="Commands">The grammar's commands.</param>
public sealed record HelpResult(IReadOnlyList<CommandSyntax> Commands) : CommandResult;
