namespace ChatOpsBot.Storage.Ticketing;

/// <summary>A file attached to a ticket.</summary>
public sealed record TicketFile(string FileName, string ContentType, long Size, byte[] Content, DateTimeOffset At);
