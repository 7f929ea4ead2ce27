using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage;
using ChatOpsBot.Storage.Ticketing;
using ChatOpsBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.ScaleOut;

/// <summary>
/// A migrated <see cref="PostgresTestDatabase"/> shared by the replicas, plus the test's own view of it (runs,
/// tickets). Skipped without a server, except in CI (CHATOPSBOT_REQUIRE_POSTGRES=1).
/// </summary>
public sealed class SharedPostgres : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _database;
    private readonly ServiceProvider _services;

    private SharedPostgres(PostgresTestDatabase? database, string connectionString)
    {
        _database = database;
        ConnectionString = connectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString,
        }).Build();
        _services = new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
    }

    public string ConnectionString { get; }
    public IRunStore Runs => _services.GetRequiredService<IRunStore>();
    public ITicketQueries Tickets => _services.GetRequiredService<ITicketQueries>();

    public static async Task<SharedPostgres> CreateAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return await MigratedAsync(new SharedPostgres(database, database.ConnectionString));
    }

    /// <summary>The test's view of a database it does not own (a <see cref="ThrowawayPostgres"/>), migrated.</summary>
    public static Task<SharedPostgres> OnAsync(string connectionString) => MigratedAsync(new SharedPostgres(null, connectionString));

    private static async Task<SharedPostgres> MigratedAsync(SharedPostgres db)
    {
        try
        {
            await db._services.GetRequiredService<StorageInitializer>().MigrateAsync(CancellationToken.None);
        }
        catch
        {
            // The caller never gets the instance to dispose, so the database would be left on the server.
            await db.DisposeAsync();
            throw;
        }
        return db;
    }

    /// <summary>The run as stored; a connection cut by a server restart is retried (for 20 s), as the bot does.</summary>
    public async Task<PlaybookRun> RunAsync(string id)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await Runs.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no run {id}");
            }
            catch (Exception e) when (attempt < 100 && (e is Npgsql.NpgsqlException || e.InnerException is Npgsql.NpgsqlException))
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> (parameters @p0, @p1, …).</summary>
    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue($"p{i}", parameters[i]);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Holds the run's row locked (<c>SELECT … FOR UPDATE</c> in an open transaction) until disposed: no replica can save
    /// the run meanwhile, so a test can stop a replica between acknowledging an answer and applying it.
    /// </summary>
    public async Task<IAsyncDisposable> LockRunAsync(string runId)
    {
        var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand("""SELECT 1 FROM runs WHERE "Id" = @id FOR UPDATE""", connection, transaction))
        {
            command.Parameters.AddWithValue("id", runId);
            await command.ExecuteScalarAsync();
        }
        return new RowLock(connection, transaction);
    }

    private sealed class RowLock(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
