using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage;
using ChatOpsBot.Storage.Ticketing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatOpsBot.Slack.Tests.ScaleOut;

/// <summary>
/// A fresh database on the real PostgreSQL server named by CHATOPSBOT_TEST_POSTGRES (.ci/postgres.sh starts
/// one), shared by the replicas, plus the test's own view of it (runs, tickets). Skipped without a server,
/// except in CI (CHATOPSBOT_REQUIRE_POSTGRES=1).
/// </summary>
public sealed class SharedPostgres : IAsyncDisposable
{
    private readonly string _admin;
    private readonly ServiceProvider _services;

    private SharedPostgres(string admin, string connectionString)
    {
        _admin = admin;
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
        var admin = Environment.GetEnvironmentVariable("CHATOPSBOT_TEST_POSTGRES");
        if (admin is null && Environment.GetEnvironmentVariable("CHATOPSBOT_REQUIRE_POSTGRES") == "1")
            throw new InvalidOperationException("CHATOPSBOT_TEST_POSTGRES is not set but CHATOPSBOT_REQUIRE_POSTGRES=1.");
        Skip.If(admin is null, "CHATOPSBOT_TEST_POSTGRES is not set: the scale-out tests need a real PostgreSQL (.ci/postgres.sh).");
        var name = $"chatopsbot_scaleout_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var db = new SharedPostgres(admin!, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        await db._services.GetRequiredService<StorageInitializer>().MigrateAsync(CancellationToken.None);
        return db;
    }

    public async Task<PlaybookRun> RunAsync(string id) => await Runs.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no run {id}");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
