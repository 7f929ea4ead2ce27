using System.Security.Cryptography;
using System.Text;
using ChatOpsBot.Core.Quotas;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Quotas;

/// <summary>
/// <see cref="IQuotaLedger"/> in the bot's database, shared by every replica. Taking a slot is one transaction that
/// holds the provider's lock from the read to the insert: PostgreSQL takes a transaction-scoped advisory lock on the
/// provider; SQLite's transaction begins IMMEDIATE, which takes the database's single write lock at once. So two
/// replicas never both see room for the last slot.
/// </summary>
public sealed class EfQuotaLedger(IDbContextFactory<ChatOpsDbContext> contexts, TimeProvider clock) : IQuotaLedger
{
    public async Task<long?> TryTakeAsync(string provider, DateTimeOffset since, Func<IReadOnlyList<QuotaGrant>, DateTimeOffset, bool> mayTake, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(mayTake);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey(provider)], cancellationToken).ConfigureAwait(false);
        await db.QuotaGrants.Where(g => g.Provider == provider && g.GrantedAt < since).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var grants = await db.QuotaGrants.AsNoTracking().Where(g => g.Provider == provider).OrderBy(g => g.Id)
            .Select(g => new QuotaGrant(g.Id, g.GrantedAt, g.CompletedAt)).ToListAsync(cancellationToken).ConfigureAwait(false);
        // Read under the lock: every slot already taken was taken before this one.
        var now = clock.GetUtcNow();
        if (!mayTake(grants, now))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        var row = new QuotaGrantRow { Provider = provider, GrantedAt = now };
        db.QuotaGrants.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    public async Task CompleteAsync(long grantId, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.QuotaGrants.Where(g => g.Id == grantId)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.CompletedAt, completedAt), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A stable 64-bit advisory-lock key per provider (the same in every replica and build).</summary>
    internal static long LockKey(string provider) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("chatopsbot:quota:" + provider)), 0);
}
