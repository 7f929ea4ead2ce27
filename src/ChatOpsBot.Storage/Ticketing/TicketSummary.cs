namespace ChatOpsBot.Storage.Ticketing;

/// <summary>A ticket as listed.</summary>
public sealed record TicketSummary(string Number, string Title, string Priority, TicketStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt);
