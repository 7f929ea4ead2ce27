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
    private readonly PostgresTestDatabase _database;
    private readonly ServiceProvider _services;

    private SharedPostgres(PostgresTestDatabase database)
    {
        _database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = database.ConnectionString,
        }).Build();
        _services = new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
    }

    public string ConnectionString => _database.ConnectionString;
    public IRunStore Runs => _services.GetRequiredService<IRunStore>();
    public ITicketQueries Tickets => _services.GetRequiredService<ITicketQueries>();

    public static async Task<SharedPostgres> CreateAsync()
    {
        var db = new SharedPostgres(await PostgresTestDatabase.CreateAsync());
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

    public async Task<PlaybookRun> RunAsync(string id) => await Runs.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no run {id}");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
