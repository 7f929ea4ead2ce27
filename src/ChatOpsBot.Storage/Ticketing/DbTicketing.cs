using ChatOpsBot.Core.Ticketing;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Ticketing;

/// <summary>
/// Built-in <see cref="ITicketing"/> in the bot's own database. Every call is idempotent on its key: the key is a
/// unique column, so a repeat finds the first row and writes nothing, and a concurrent repeat loses on the unique
/// index and then reads the winner's row.
/// </summary>
public sealed class DbTicketing(IDbContextFactory<ChatOpsDbContext> contexts, TimeProvider time) : ITicketing
{
    public async Task<TicketRef> CreateAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        var created = await FindCreatedAsync(idempotencyKey, cancellationToken).ConfigureAwait(false)
            ?? await InsertTicketAsync(ticket, idempotencyKey, cancellationToken).ConfigureAwait(false);
        // After a crash between the ticket and its observables, the repeated call adds the missing ones.
        await AddObservablesAsync(created.Id, ticket.Observables, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return created;
    }

    private async Task<TicketRef> InsertTicketAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken)
    {
        var row = new TicketRow
        {
            Title = ticket.Title,
            Description = ticket.Description,
            Priority = ticket.Priority,
            Status = TicketStatus.Open,
            // The values as opened, for readers of the row alone; the typed observables are in ticket_observables.
            Observables = [.. ticket.Observables.Select(o => o.Value)],
            CreatedAt = time.GetUtcNow(),
            IdempotencyKey = idempotencyKey,
        };
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.Tickets.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new TicketRef(row.Number, null);
        }
        catch (DbUpdateException)
        {
            // Lost the race to a concurrent call with the same key: its ticket is the result.
            var winner = await FindCreatedAsync(idempotencyKey, CancellationToken.None).ConfigureAwait(false);
            if (winner is null)
                throw;
            return winner;
        }
    }

    public async Task AddObservablesAsync(string ticketId, IReadOnlyList<TicketObservable> observables, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observables);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var wanted = observables.Where(o => !string.IsNullOrWhiteSpace(o.Value)).ToList();
        if (wanted.Count == 0)
            return;
        var id = await TicketIdAsync(ticketId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var observable in wanted)
        {
            var type = observable.Type.ToString();
            var valueKey = ValueKey(observable);
            var row = new TicketObservableRow
            {
                TicketId = id, Type = type, Value = observable.Value, ValueKey = valueKey, Ioc = observable.Ioc, Tags = [.. observable.Tags],
                Description = observable.Description, At = now, IdempotencyKey = idempotencyKey,
            };
            // The unique index makes "already there" and "added concurrently" the same outcome.
            if (!await ExistsAsync<TicketObservableRow>(o => o.TicketId == id && o.Type == type && o.ValueKey == valueKey, cancellationToken).ConfigureAwait(false))
                await InsertOnceAsync(row, o => o.TicketId == id && o.Type == type && o.ValueKey == valueKey, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What makes two observables the same (see <see cref="TicketObservable.SameAs"/>), hashed to fit an index.</summary>
    internal static string ValueKey(TicketObservable observable)
    {
        var compared = observable.Type == ObservableType.Url ? observable.Value.Trim() : observable.Value.Trim().ToLowerInvariant();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(compared)));
    }

    public async Task CommentAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        if (await ExistsAsync<TicketCommentRow>(c => c.IdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false))
            return;

        var id = await TicketIdAsync(ticketId, cancellationToken).ConfigureAwait(false);
        var row = new TicketCommentRow { TicketId = id, Text = text, At = time.GetUtcNow(), IdempotencyKey = idempotencyKey };
        await InsertOnceAsync(row, c => c.IdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    public async Task AttachAsync(string ticketId, TicketAttachment attachment, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        if (await ExistsAsync<TicketAttachmentRow>(a => a.IdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false))
            return;

        var id = await TicketIdAsync(ticketId, cancellationToken).ConfigureAwait(false);
        var row = new TicketAttachmentRow
        {
            TicketId = id,
            FileName = attachment.FileName,
            ContentType = attachment.ContentType,
            Content = attachment.Content,
            Size = attachment.Content.LongLength,
            At = time.GetUtcNow(),
            IdempotencyKey = idempotencyKey,
        };
        await InsertOnceAsync(row, a => a.IdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResolveAsync(string ticketId, string summary, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        if (await ExistsAsync<TicketRow>(t => t.ResolutionIdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false))
            return;

        var id = await TicketIdAsync(ticketId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // Only an open ticket is resolved: the first resolution (and its summary) stands, whatever key a later call has.
        await db.Tickets
            .Where(t => t.Id == id && t.Status == TicketStatus.Open)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, TicketStatus.Resolved)
                .SetProperty(t => t.ResolvedAt, now)
                .SetProperty(t => t.ResolutionSummary, summary)
                .SetProperty(t => t.ResolutionIdempotencyKey, idempotencyKey), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<TicketRef?> FindCreatedAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var number = await db.Tickets.AsNoTracking()
            .Where(t => t.IdempotencyKey == idempotencyKey)
            .Select(t => t.Number)
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return number is null ? null : new TicketRef(number, null);
    }

    private async Task<int> TicketIdAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketNumber);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.Tickets.AsNoTracking()
            .Where(t => t.Number == ticketNumber)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return ids.Count == 1 ? ids[0] : throw new TicketNotFoundException(ticketNumber);
    }

    private async Task<bool> ExistsAsync<TRow>(System.Linq.Expressions.Expression<Func<TRow, bool>> predicate, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<TRow>().AnyAsync(predicate, cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertOnceAsync<TRow>(TRow row, System.Linq.Expressions.Expression<Func<TRow, bool>> sameKey, CancellationToken cancellationToken)
        where TRow : class
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.Set<TRow>().Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Lost the race to a concurrent call with the same key: its row is the result.
            if (!await ExistsAsync(sameKey, CancellationToken.None).ConfigureAwait(false))
                throw;
        }
    }
}
