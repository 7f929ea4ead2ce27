using Npgsql;

namespace ChatOpsBot.Tests.Support;

/// <summary>
/// A database shared by the "replicas" of a test: a fresh database on the PostgreSQL server named by
/// CHATOPSBOT_TEST_POSTGRES when set (CI), otherwise a SQLite file (one machine, several processes).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string? _admin = Environment.GetEnvironmentVariable("CHATOPSBOT_TEST_POSTGRES");

    private TestDatabase() { }

    public string ConnectionString { get; private set; } = "";
    public bool IsPostgres => _admin is not null;

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        if (db._admin is null)
        {
            db.ConnectionString = $"Data Source={Path.Combine(db._directory.Path, "bot.db")}";
            return db;
        }
        var name = $"chatopsbot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(db._admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        db.ConnectionString = new NpgsqlConnectionStringBuilder(db._admin) { Database = name }.ConnectionString;
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
