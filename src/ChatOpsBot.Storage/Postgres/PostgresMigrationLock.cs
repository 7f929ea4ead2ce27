using Npgsql;

namespace ChatOpsBot.Storage.Postgres;

/// <summary>
/// A session-level advisory lock in the bot's PostgreSQL database, held while one replica migrates: replicas started
/// together on an empty database migrate one after the other, and each of the later ones finds the schema current.
/// The database itself is created first when it is missing (a concurrent creation by another replica is fine), so
/// every replica takes the lock in the same database.
/// </summary>
internal sealed class PostgresMigrationLock : IAsyncDisposable
{
    // Any constant would do; this one reads "C2HuntMg" so it is recognisable in pg_locks.
    private const long Key = 0x4332_4875_6E74_4D67;
    private const string InvalidCatalogName = "3D000";
    private const string DuplicateDatabase = "42P04";
    // Two CREATE DATABASE at once: the loser may also hit the catalog's unique index.
    private const string UniqueViolation = "23505";

    private readonly NpgsqlConnection _connection;

    private PostgresMigrationLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Waits for the lock (as long as <paramref name="cancellationToken"/> allows); dispose to release it.</summary>
    public static async Task<PostgresMigrationLock> AcquireAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Not pooled: the lock belongs to this session, which must end when the lock is released.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = await OpenAsync(builder, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0; // as long as another replica migrates
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresMigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // Closing the session below releases the lock as well.
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectAsync(builder.ConnectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == InvalidCatalogName && !string.IsNullOrEmpty(builder.Database))
        {
            await CreateDatabaseAsync(builder, cancellationToken).ConfigureAwait(false);
            return await ConnectAsync(builder.ConnectionString, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<NpgsqlConnection> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = await ConnectAsync(maintenance.ConnectionString, cancellationToken).ConfigureAwait(false);
        var name = target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is DuplicateDatabase or UniqueViolation)
        {
            // Another replica created it first.
        }
    }
}
