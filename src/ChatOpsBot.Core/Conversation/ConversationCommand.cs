namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// A command as the analyst meant it, whatever the channel it was typed in: parsed once by
/// <see cref="CommandGrammar"/> (or built from the terminal's flags) and carried out by <see cref="ConversationHandler"/>.
/// </summary>
public abstract record ConversationCommand;
