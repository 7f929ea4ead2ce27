namespace ChatOpsBot.Storage.Ticketing;

/// <summary>Reads the built-in ticketing (for the host's ticket views and for tests).</summary>
public interface ITicketQueries
{
    /// <summary>The ticket with its comments and attachments, or null.</summary>
    Task<TicketDetails?> GetAsync(string ticketNumber, CancellationToken cancellationToken);

    /// <summary>The most recent tickets, newest first.</summary>
    Task<IReadOnlyList<TicketSummary>> ListAsync(int take, CancellationToken cancellationToken);
}
