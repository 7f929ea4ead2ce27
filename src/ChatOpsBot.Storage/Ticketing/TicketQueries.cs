using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Ticketing;

/// <summary><see cref="ITicketQueries"/> over <see cref="ChatOpsDbContext"/>.</summary>
public sealed class TicketQueries(IDbContextFactory<ChatOpsDbContext> contexts) : ITicketQueries
{
    public async Task<TicketDetails?> GetAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Tickets.AsNoTracking()
            .Include(t => t.Comments)
            .Include(t => t.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Number == ticketNumber, cancellationToken)
            .ConfigureAwait(false);
        if (row is null)
            return null;
        var observables = await db.TicketObservables.AsNoTracking().Where(o => o.TicketId == row.Id).OrderBy(o => o.Id)
            .Select(o => o.Value).ToListAsync(cancellationToken).ConfigureAwait(false);

        return new TicketDetails(
            // Tickets opened before ticket_observables existed have their values on the row only.
            row.Number, row.Title, row.Description, row.Priority, row.Status, observables.Count > 0 ? observables : row.Observables,
            row.CreatedAt, row.ResolvedAt, row.ResolutionSummary,
            [.. row.Comments.OrderBy(c => c.Id).Select(c => new TicketComment(c.Text, c.At))],
            [.. row.Attachments.OrderBy(a => a.Id).Select(a => new TicketFile(a.FileName, a.ContentType, a.Size, a.Content, a.At))]);
    }

    public async Task<IReadOnlyList<TicketSummary>> ListAsync(int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Tickets.AsNoTracking()
            .OrderByDescending(t => t.Id)
            .Take(take)
            .Select(t => new TicketSummary(t.Number, t.Title, t.Priority, t.Status, t.CreatedAt, t.ResolvedAt))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
