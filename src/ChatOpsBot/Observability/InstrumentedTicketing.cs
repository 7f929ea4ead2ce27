using ChatOpsBot.Core.Ticketing;

namespace ChatOpsBot.Observability;

/// <summary>Measures calls to the configured <see cref="ITicketing"/>.</summary>
internal sealed class InstrumentedTicketing(ITicketing inner, ConnectorMetrics metrics) : ITicketing
{
    public Task<TicketRef> CreateAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("ticketing", inner, "create", () => inner.CreateAsync(ticket, idempotencyKey, cancellationToken));

    public Task CommentAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("ticketing", inner, "comment", () => inner.CommentAsync(ticketId, text, idempotencyKey, cancellationToken));

    public Task AttachAsync(string ticketId, TicketAttachment attachment, string idempotencyKey, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("ticketing", inner, "attach", () => inner.AttachAsync(ticketId, attachment, idempotencyKey, cancellationToken));

    public Task AddObservablesAsync(string ticketId, IReadOnlyList<TicketObservable> observables, string idempotencyKey, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("ticketing", inner, "add_observables", () => inner.AddObservablesAsync(ticketId, observables, idempotencyKey, cancellationToken));

    public Task ResolveAsync(string ticketId, string summary, string idempotencyKey, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("ticketing", inner, "resolve", () => inner.ResolveAsync(ticketId, summary, idempotencyKey, cancellationToken));
}
