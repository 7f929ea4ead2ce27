using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// A read-only transaction in which several queries see one snapshot, so a run's row and its entry rows agree even
/// while another replica saves. Takes no write lock on either provider.
/// </summary>
internal static class ReadSnapshot
{
    /// <summary>Begins the snapshot on <paramref name="db"/>; dispose the result to end it (it rolls back, nothing was written).</summary>
    public static async Task<DbTransaction> BeginAsync(ChatOpsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        // SQLite: a deferred transaction (the default is IMMEDIATE, a write lock); in WAL mode its first read fixes the
        // snapshot. PostgreSQL: REPEATABLE READ is a snapshot, and read-only transactions never fail to serialise.
        var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await db.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        return transaction;
    }
}
