namespace ChatOpsBot.Core.Conversation;

/// <summary><c>start [since] [until]</c>: start a hunt over the window, or over the configured default window.</summary>
/// <param name="WindowFrom">Start of the SIEM window, already resolved against the clock; null for the default.</param>
/// <param name="WindowTo">End of the SIEM window; null for now.</param>
public sealed record StartCommand(DateTimeOffset? WindowFrom, DateTimeOffset? WindowTo) : ConversationCommand;
