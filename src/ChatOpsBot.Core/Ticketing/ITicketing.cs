namespace ChatOpsBot.Core.Ticketing;

/// <summary>
/// Port: the ticket system. Every call carries an idempotency key: a resumed run repeats a call after a
/// crash, and the implementation must then return the first result instead of acting twice.
/// </summary>
public interface ITicketing
{
    /// <summary>Creates an incident ticket.</summary>
    Task<TicketRef> CreateAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Adds a comment.</summary>
    Task CommentAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Attaches a file.</summary>
    Task AttachAsync(string ticketId, TicketAttachment attachment, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Records observables on the ticket. Each observable is recorded once per ticket (same type and value, see
    /// <see cref="TicketObservable.SameAs"/>): those already there are left as they are, so a repeated or resumed call
    /// adds only what is missing.
    /// </summary>
    Task AddObservablesAsync(string ticketId, IReadOnlyList<TicketObservable> observables, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Resolves the ticket with a closing summary.</summary>
    Task ResolveAsync(string ticketId, string summary, string idempotencyKey, CancellationToken cancellationToken);
}
