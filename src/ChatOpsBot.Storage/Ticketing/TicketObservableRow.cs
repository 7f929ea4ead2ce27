namespace ChatOpsBot.Storage.Ticketing;

/// <summary>Table <c>ticket_observables</c>: one observable on a ticket; unique per ticket, type and value.</summary>
public sealed class TicketObservableRow
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    /// <summary>Name of a <see cref="Core.Ticketing.ObservableType"/>.</summary>
    public string Type { get; set; } = "";
    public string Value { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the value as compared (lower-cased except for URLs); unique with the ticket and type.</summary>
    public string ValueKey { get; set; } = "";
    public bool Ioc { get; set; }
    /// <summary>Stored as a JSON array.</summary>
    public List<string> Tags { get; set; } = [];
    public string Description { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>Key of the call that added it.</summary>
    public string IdempotencyKey { get; set; } = "";
}
