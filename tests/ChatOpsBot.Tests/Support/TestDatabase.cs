using ChatOpsBot.TestSupport;

namespace ChatOpsBot.Tests.Support;

/// <summary>
/// A database shared by the "replicas" of a test: a <see cref="PostgresTestDatabase"/> when a server is configured
/// (CI), otherwise a SQLite file (one machine, several processes), so these tests run, rather than skip, anywhere.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private PostgresTestDatabase? _postgres;

    private TestDatabase() { }

    public string ConnectionString { get; private set; } = "";

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        if (PostgresTestDatabase.IsConfigured)
        {
            db._postgres = await PostgresTestDatabase.CreateAsync();
            db.ConnectionString = db._postgres.ConnectionString;
        }
        else
        {
            db.ConnectionString = $"Data Source={Path.Combine(db._directory.Path, "bot.db")}";
        }
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
