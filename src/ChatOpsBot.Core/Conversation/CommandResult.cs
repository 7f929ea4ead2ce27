namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// What a command did, for the channel to render in its own markup; outside strings in it (run ids as typed, names)
/// are raw, so each renderer escapes them with its channel's escape function.
/// </summary>
public abstract record CommandResult;
