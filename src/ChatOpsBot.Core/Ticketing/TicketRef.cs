namespace ChatOpsBot.Core.Ticketing;

/// <summary>A ticket as shown in chat.</summary>
/// <param name="Id">The ticket number, e.g. <c>INC-000123</c>.</param>
/// <param name="Url">A link to it, when the system has one.</param>
public sealed record TicketRef(string Id, string? Url);
