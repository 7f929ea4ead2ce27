using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Ticketing;
using ChatOpsBot.Storage.Runs;
using ChatOpsBot.Storage.Ticketing;
using ChatOpsBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

/// <summary>
/// A migrated SQLite file in its own temp directory (or a <see cref="PostgresTestDatabase"/>), wired through
/// <see cref="StorageExtensions.AddStorage"/>.
/// </summary>
internal sealed class StorageFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private StorageFixture(string directory, ServiceProvider services, FakeTimeProvider time, PostgresTestDatabase? postgres)
    {
        _postgres = postgres;
        Directory = directory;
        Services = services;
        Time = time;
    }

    private readonly PostgresTestDatabase? _postgres;

    public string Directory { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public IRunStore Runs => Services.GetRequiredService<IRunStore>();
    /// <summary>Another store on the same database, with a cache of its own: what a second replica would be.</summary>
    public IRunStore NewRunStore() => ActivatorUtilities.CreateInstance<EfRunStore>(Services);
    public ITicketing Ticketing => Services.GetRequiredService<ITicketing>();
    public ITicketQueries Tickets => Services.GetRequiredService<ITicketQueries>();
    public StorageInitializer Initializer => Services.GetRequiredService<StorageInitializer>();

    public static string DatabasePath(string directory) => Path.Combine(directory, "data", "chatopsbot.db");

    /// <summary>A SQLite fixture; migrated unless <paramref name="migrate"/> is false.</summary>
    public static Task<StorageFixture> CreateAsync(bool migrate = true) => CreateAsync(StorageProvider.Sqlite, migrate);

    /// <summary>A fixture on <paramref name="provider"/> (PostgreSQL: a fresh database on the test server).</summary>
    public static async Task<StorageFixture> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-storage-tests", Guid.NewGuid().ToString("N"));
        var postgres = provider == StorageProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = provider.ToString(),
                ["Storage:ConnectionString"] = postgres?.ConnectionString ?? $"Data Source={DatabasePath(directory)}",
            })
            .Build();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddStorage(configuration)
            .BuildServiceProvider(validateScopes: true);

        var fixture = new StorageFixture(directory, services, time, postgres);
        if (migrate)
            await fixture.Initializer.MigrateAsync(CancellationToken.None);
        return fixture;
    }

    public async Task<ChatOpsDbContext> OpenAsync() =>
        await Services.GetRequiredService<IDbContextFactory<ChatOpsDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        // Pooled connections keep the file open; release them so the directory can go.
        SqliteConnection.ClearAllPools();
        if (_postgres is not null) await _postgres.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test over.
        }
    }
}
