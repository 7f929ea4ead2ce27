using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Storage.WorkQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage.Inbox;

/// <summary>
/// <see cref="IInboxStore"/> in the bot's database. The unique key makes a platform's retry of one delivery a no-op;
/// items are leased like work items (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>) for <c>WorkQueue:InboxLease</c>, after
/// which another replica takes over an item whose replica died.
/// </summary>
public sealed class DbInboxStore(IDbContextFactory<ChatOpsDbContext> contexts, IOptions<WorkQueueOptions> options, TimeProvider clock) : IInboxStore
{
    /// <inheritdoc />
    public event Action? Added;

    /// <inheritdoc />
    public async Task<InboxReceipt> AddAsync(InboxItem item, string? leaseOwner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await InsertAsync(db, item, leaseOwner, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (inserted.Count == 1)
        {
            if (leaseOwner is null) Added?.Invoke();
            return new InboxReceipt(inserted[0], IsNew: true, Leased: leaseOwner is not null);
        }
        var existing = await db.Inbox.Where(i => i.Key == item.Key).Select(i => i.Id).SingleAsync(cancellationToken).ConfigureAwait(false);
        return new InboxReceipt(existing, IsNew: false, Leased: false);
    }

    /// <summary>
    /// Runs the acknowledgement path's statement once inside a transaction that is rolled back, so the first answer a
    /// fresh replica receives does not pay for opening connections and compiling the query while Slack waits.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var item = new InboxItem($"warm-up:{Guid.NewGuid():N}", "warm-up", InboxKind.Answer, "warm-up", null, null);
        await InsertAsync(db, item, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<LeasedInboxItem?> ClaimAsync(string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE inbox SET "LeaseOwner" = {0}, "LeaseUntil" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT i."Id" FROM inbox i
                WHERE i."ProcessedAt" IS NULL AND i."AvailableAt" <= {2} AND (i."LeaseUntil" IS NULL OR i."LeaseUntil" < {2})
                ORDER BY i."Id" LIMIT 1 {{skipLocked}})
            RETURNING "Id", "Key", "Channel", "Kind", "RunId", "Payload", "Attempts"
            """;
        var rows = await db.Database.SqlQueryRaw<Claimed>(sql, owner, StoredTime.Text(now + options.Value.InboxLease), StoredTime.Text(now))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].ToItem();
    }

    /// <inheritdoc />
    public async Task<LeasedInboxItem?> ClaimAsync(long id, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        const string sql = """
            UPDATE inbox SET "LeaseOwner" = {0}, "LeaseUntil" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" = {2} AND "ProcessedAt" IS NULL AND "AvailableAt" <= {3} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {3})
            RETURNING "Id", "Key", "Channel", "Kind", "RunId", "Payload", "Attempts"
            """;
        var rows = await db.Database.SqlQueryRaw<Claimed>(sql, owner, StoredTime.Text(now + options.Value.InboxLease), id, StoredTime.Text(now))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].ToItem();
    }

    /// <inheritdoc />
    public async Task CompleteAsync(long id, string owner, InboxResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        await db.Inbox.Where(i => i.Id == id && i.LeaseOwner == owner).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.ProcessedAt, now).SetProperty(i => i.Outcome, result.Outcome.ToString()).SetProperty(i => i.Reply, result.Message)
                .SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(long id, string owner, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var available = clock.GetUtcNow() + delay;
        var released = await db.Inbox.Where(i => i.Id == id && i.LeaseOwner == owner && i.ProcessedAt == null).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(i => i.AvailableAt, available), cancellationToken)
            .ConfigureAwait(false);
        if (released > 0 && delay <= TimeSpan.Zero) Added?.Invoke();
    }

    /// <inheritdoc />
    public async Task<InboxResult?> ResultAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Inbox.AsNoTracking().Where(i => i.Id == id && i.ProcessedAt != null)
            .Select(i => new { i.Outcome, i.Reply }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new InboxResult(Enum.Parse<AnswerOutcome>(row.Outcome!), row.Reply ?? "");
    }

    private Task<List<long>> InsertAsync(ChatOpsDbContext db, InboxItem item, string? leaseOwner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string? until = leaseOwner is null ? null : StoredTime.Text(now + options.Value.InboxLease);
        const string sql = """
            INSERT INTO inbox ("Key", "Channel", "Kind", "RunId", "Payload", "ReceivedAt", "AvailableAt", "LeaseOwner", "LeaseUntil", "Attempts")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {5}, {6}, {7}, {8})
            ON CONFLICT ("Key") DO NOTHING
            RETURNING "Id" AS "Value"
            """;
        return db.Database.SqlQueryRaw<long>(sql,
                item.Key, item.Channel, item.Kind.ToString(), item.RunId, new InboxPayload(item.Answer, item.ReplyTo).Serialize(),
                StoredTime.Text(now), (object?)leaseOwner ?? DBNull.Value, (object?)until ?? DBNull.Value, leaseOwner is null ? 0 : 1)
            .ToListAsync(cancellationToken);
    }

    private sealed record Claimed(long Id, string Key, string Channel, string Kind, string RunId, string Payload, int Attempts)
    {
        public LeasedInboxItem ToItem()
        {
            var payload = InboxPayload.Deserialize(Payload);
            return new LeasedInboxItem(Id, new InboxItem(Key, Channel, Enum.Parse<InboxKind>(Kind), RunId, payload.Answer, payload.ReplyTo), Attempts);
        }
    }
}
