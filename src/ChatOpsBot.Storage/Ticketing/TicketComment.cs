namespace ChatOpsBot.Storage.Ticketing;

/// <summary>A comment on a ticket.</summary>
public sealed record TicketComment(string Text, DateTimeOffset At);
