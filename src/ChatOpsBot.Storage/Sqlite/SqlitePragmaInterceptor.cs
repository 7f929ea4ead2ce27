using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatOpsBot.Storage.Sqlite;

/// <summary>
/// Sets the per-connection pragmas every SQLite connection needs: a busy timeout, so a writer waits for another
/// writer in the same process instead of failing with "database is locked", and WAL, so readers never block writers.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // busy_timeout: how long (ms) a connection waits for a lock held by another connection.
    private const string Pragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
