using System.Globalization;
using ChatOpsBot.Core.Ticketing;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>
/// A ticketing system that honours idempotency keys like a real one (a repeated key returns the first
/// result and changes nothing) and records every call, so a repeated side effect is visible in
/// <see cref="Calls"/> while <see cref="Tickets"/> shows what really exists.
/// </summary>
public sealed class FakeTicketing : ITicketing
{
    private readonly Dictionary<string, TicketRef> _created = [];
    private readonly HashSet<string> _applied = [];
    private Func<TicketCall, bool>? _failBefore;
    private Func<TicketCall, bool>? _failAfter;

    /// <summary>Every call, repeated keys included.</summary>
    public List<TicketCall> Calls { get; } = [];

    /// <summary>The tickets that exist.</summary>
    public List<FakeTicket> Tickets { get; } = [];

    /// <summary>The first call matching <paramref name="when"/> throws before doing anything (the system is down).</summary>
    public void FailBefore(Func<TicketCall, bool> when) => _failBefore = when;

    /// <summary>The first call matching <paramref name="when"/> is carried out, then throws (the response was lost).</summary>
    public void FailAfter(Func<TicketCall, bool> when) => _failAfter = when;

    /// <summary>The ticket with <paramref name="id"/>.</summary>
    public FakeTicket Ticket(string id) => Tickets.Single(t => t.Id == id);

    public Task<TicketRef> CreateAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken)
    {
        var call = Begin(new TicketCall("create", null, idempotencyKey, ticket.Title));
        if (!_created.TryGetValue(idempotencyKey, out var created))
        {
            var id = $"INC-{(Tickets.Count + 1).ToString("D4", CultureInfo.InvariantCulture)}";
            var fresh = new FakeTicket(id, ticket);
            fresh.Observables.AddRange(ticket.Observables.DistinctBy(o => (o.Type, o.Value.ToLowerInvariant())));
            Tickets.Add(fresh);
            _created[idempotencyKey] = created = new TicketRef(id, $"https://tickets.test/{id}");
        }
        End(call);
        return Task.FromResult(created);
    }

    public Task CommentAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken)
    {
        var call = Begin(new TicketCall("comment", ticketId, idempotencyKey, text));
        if (_applied.Add(idempotencyKey)) Ticket(ticketId).Comments.Add(text);
        End(call);
        return Task.CompletedTask;
    }

    public Task AttachAsync(string ticketId, TicketAttachment attachment, string idempotencyKey, CancellationToken cancellationToken)
    {
        var call = Begin(new TicketCall("attach", ticketId, idempotencyKey, attachment.FileName));
        if (_applied.Add(idempotencyKey)) Ticket(ticketId).Attachments.Add(attachment);
        End(call);
        return Task.CompletedTask;
    }

    public Task AddObservablesAsync(string ticketId, IReadOnlyList<TicketObservable> observables, string idempotencyKey, CancellationToken cancellationToken)
    {
        var call = Begin(new TicketCall("observables", ticketId, idempotencyKey, string.Join(", ", observables.Select(o => o.Value))));
        // Like a real system: an observable already on the ticket is not added again, whatever the key.
        var ticket = Ticket(ticketId);
        foreach (var observable in observables.Where(o => !ticket.Observables.Any(o.SameAs)))
            ticket.Observables.Add(observable);
        End(call);
        return Task.CompletedTask;
    }

    public Task ResolveAsync(string ticketId, string summary, string idempotencyKey, CancellationToken cancellationToken)
    {
        var call = Begin(new TicketCall("resolve", ticketId, idempotencyKey, summary));
        if (_applied.Add(idempotencyKey)) Ticket(ticketId).Resolutions.Add(summary);
        End(call);
        return Task.CompletedTask;
    }

    private TicketCall Begin(TicketCall call)
    {
        Calls.Add(call);
        if (_failBefore is { } fail && fail(call))
        {
            _failBefore = null;
            throw new HttpRequestException($"Ticketing unavailable during {call.Kind}.");
        }
        return call;
    }

    private void End(TicketCall call)
    {
        if (_failAfter is { } fail && fail(call))
        {
            _failAfter = null;
            throw new TaskCanceledException($"Ticketing timed out after {call.Kind} was applied.");
        }
    }
}

/// <summary>One call to the ticketing fake.</summary>
public sealed record TicketCall(string Kind, string? TicketId, string Key, string Detail);

/// <summary>A ticket as it exists in the fake.</summary>
public sealed class FakeTicket(string id, NewTicket opened)
{
    public string Id { get; } = id;
    public NewTicket Opened { get; } = opened;
    public List<string> Comments { get; } = [];
    public List<TicketAttachment> Attachments { get; } = [];
    public List<string> Resolutions { get; } = [];
    /// <summary>Observables on the ticket, each once (those it was opened with first).</summary>
    public List<TicketObservable> Observables { get; } = [];
}
