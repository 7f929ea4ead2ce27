using ChatOpsBot.Storage.WorkQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage.Outbox;

/// <summary>
/// What the recovery worker asks the database: runs with undelivered messages whose delivery is due, runs whose delivery
/// gave up, runs left running without queued work, and the purge of old inbox items and outbox claims.
/// </summary>
public sealed class RecoveryQueries(IDbContextFactory<ChatOpsDbContext> contexts, IOptions<WorkQueueOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Runs of <paramref name="channels"/> with messages in their outbox saved more than <paramref name="settle"/> ago, none of whose messages is being
    /// delivered, waiting for its back-off, or given up: a replica that looks now can deliver them.
    /// </summary>
    public async Task<IReadOnlyList<string>> DueDeliveriesAsync(IReadOnlyCollection<string> channels, TimeSpan settle, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var settled = now - settle;
        return await db.Runs.AsNoTracking()
            .Where(r => r.OutboxCount > 0 && r.UpdatedAt < settled && channels.Contains(r.Channel))
            .Where(r => !db.OutboxClaims.Any(c => c.RunId == r.Id && c.State != OutboxClaimStates.Delivered
                && ((c.State == OutboxClaimStates.Delivering && c.LeaseUntil >= now) || c.NextAttemptAt > now || c.GaveUpAt != null)))
            .OrderBy(r => r.UpdatedAt).Select(r => r.Id).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs whose delivery gave up ("delivery failing"), with when and why, oldest first.</summary>
    public async Task<IReadOnlyList<FailingDelivery>> FailingDeliveriesAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.OutboxClaims.AsNoTracking()
            .Where(c => c.GaveUpAt != null && c.State != OutboxClaimStates.Delivered)
            .Select(c => new { c.RunId, c.Channel, c.FirstAttemptAt, c.LastError })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.RunId)
            .Select(g => g.OrderBy(r => r.FirstAttemptAt).First())
            .OrderBy(r => r.FirstAttemptAt).Take(take)
            .Select(r => new FailingDelivery(r.RunId, r.Channel, r.FirstAttemptAt, r.LastError ?? ""))
            .ToList();
    }

    /// <summary>Runs of <paramref name="channels"/> in state Running, unchanged for <paramref name="idle"/>, with no work item: nothing would advance them.</summary>
    public async Task<IReadOnlyList<string>> StalledRunsAsync(IReadOnlyCollection<string> channels, TimeSpan idle, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var before = clock.GetUtcNow() - idle;
        return await db.Runs.AsNoTracking()
            .Where(r => r.State == "Running" && r.UpdatedAt < before && channels.Contains(r.Channel) && !db.WorkItems.Any(w => w.RunId == r.Id))
            .OrderBy(r => r.UpdatedAt).Select(r => r.Id).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes applied inbox items and delivered claims older than <c>WorkQueue:Retention</c>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var before = clock.GetUtcNow() - options.Value.Retention;
        var inbox = await db.Inbox.Where(i => i.ProcessedAt != null && i.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var claims = await db.OutboxClaims.Where(c => c.State == OutboxClaimStates.Delivered && c.UpdatedAt < before)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return inbox + claims;
    }
}
