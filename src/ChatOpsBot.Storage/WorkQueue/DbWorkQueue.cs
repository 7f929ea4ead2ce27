using System.Globalization;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.WorkQueue;

/// <summary>
/// Durable work queue in the bot's database. Items are claimed with a lease (PostgreSQL: <c>FOR UPDATE SKIP
/// LOCKED</c>; SQLite: its single writer makes the claim atomic), renewed while worked on, deleted when done; a
/// replica that dies leaves its lease to expire and another replica takes the item over.
/// </summary>
public sealed class DbWorkQueue(IDbContextFactory<ChatOpsDbContext> contexts, TimeProvider clock) : IRunWorkQueue
{
    /// <summary>Raised after a local enqueue, so this replica's worker wakes at once.</summary>
    public event Action? Enqueued;

    /// <inheritdoc />
    public async ValueTask EnqueueAdvanceAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        // One waiting item per run is enough: advancing runs the run until it needs an answer.
        var waiting = await db.WorkItems.AnyAsync(w => w.RunId == runId && w.LeaseOwner == null, cancellationToken).ConfigureAwait(false);
        if (!waiting)
        {
            db.WorkItems.Add(new WorkItemRow { RunId = runId, AvailableAt = now, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        Enqueued?.Invoke();
    }

    /// <summary>Claims the oldest available item whose run no other replica is working on, or returns null.</summary>
    public async Task<LeasedWorkItem?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = Text(clock.GetUtcNow());
        var until = Text(clock.GetUtcNow() + lease);
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE work_items SET "LeaseOwner" = {0}, "LeaseUntil" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT w."Id" FROM work_items w
                WHERE w."AvailableAt" <= {2} AND (w."LeaseUntil" IS NULL OR w."LeaseUntil" < {2})
                  AND NOT EXISTS (SELECT 1 FROM work_items o WHERE o."RunId" = w."RunId" AND o."Id" <> w."Id" AND o."LeaseUntil" >= {2})
                ORDER BY w."Id" LIMIT 1 {{skipLocked}})
            RETURNING "Id", "RunId", "Attempts"
            """;
        var claimed = await db.Database.SqlQueryRaw<ClaimRow>(sql, owner, until, now).ToListAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Count == 0 ? null : new LeasedWorkItem(claimed[0].Id, claimed[0].RunId, claimed[0].Attempts);
    }

    /// <summary>Extends the lease; false when it was lost (expired and taken over).</summary>
    public async Task<bool> RenewAsync(LeasedWorkItem item, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var until = clock.GetUtcNow() + lease;
        return await db.WorkItems.Where(w => w.Id == item.Id && w.LeaseOwner == owner)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.LeaseUntil, until), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Removes a finished (or abandoned) item.</summary>
    public async Task CompleteAsync(LeasedWorkItem item, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.WorkItems.Where(w => w.Id == item.Id && w.LeaseOwner == owner).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives an item back for a retry after <paramref name="delay"/>.</summary>
    public async Task ReleaseAsync(LeasedWorkItem item, string owner, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var available = clock.GetUtcNow() + delay;
        await db.WorkItems.Where(w => w.Id == item.Id && w.LeaseOwner == owner)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.LeaseOwner, (string?)null).SetProperty(w => w.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(w => w.AvailableAt, available), cancellationToken).ConfigureAwait(false);
    }

    private static string Text(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(UtcIsoDateTimeOffsetConverter.Format, CultureInfo.InvariantCulture);

    private sealed record ClaimRow(long Id, string RunId, int Attempts);
}
