namespace ChatOpsBot.Storage.Ticketing;

/// <summary>A ticket number the built-in ticketing does not know.</summary>
public sealed class TicketNotFoundException(string ticketNumber)
    : Exception($"Ticket '{ticketNumber}' does not exist in the built-in ticketing.")
{
    /// <summary>The number asked for.</summary>
    public string TicketNumber { get; } = ticketNumber;
}
