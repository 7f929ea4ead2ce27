using Npgsql;
using Xunit;

namespace ChatOpsBot.TestSupport;

/// <summary>
/// A throw-away database on the real PostgreSQL server the tests share: <c>CHATOPSBOT_TEST_POSTGRES</c> names an
/// admin connection (<c>. .ci/postgres.sh</c> starts a server and sets it). Without the variable a PostgreSQL test
/// is skipped, unless <c>CHATOPSBOT_REQUIRE_POSTGRES=1</c> (CI), where a missing server is a failure: a CI run
/// that silently skipped them would look green while testing nothing of PostgreSQL.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CHATOPSBOT_TEST_POSTGRES";
    public const string RequireVariable = "CHATOPSBOT_REQUIRE_POSTGRES";

    private readonly string _admin;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// Whether a server is configured, for tests that can fall back to SQLite instead of skipping.
    /// Throws when CI requires a server and none is set.
    /// </summary>
    public static bool IsConfigured => AdminConnectionString(
        Environment.GetEnvironmentVariable(ServerVariable), Environment.GetEnvironmentVariable(RequireVariable)) is not null;

    /// <summary>
    /// The decision behind <see cref="IsConfigured"/> and <see cref="CreateAsync"/>, apart from the environment so
    /// it can be tested: the admin connection string, or null when there is none and none is required.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server but <paramref name="require"/> is "1".</exception>
    public static string? AdminConnectionString(string? server, string? require)
    {
        if (!string.IsNullOrWhiteSpace(server)) return server;
        if (require == "1")
            throw new InvalidOperationException($"{ServerVariable} is not set but {RequireVariable}=1: start PostgreSQL (see .ci/postgres.sh).");
        return null;
    }

    /// <summary>
    /// Creates an empty, uniquely named database. Skips the calling test (it must be a <c>[SkippableFact]</c>) when
    /// no server is configured, and fails it when CI requires one.
    /// </summary>
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var admin = AdminConnectionString(
            Environment.GetEnvironmentVariable(ServerVariable), Environment.GetEnvironmentVariable(RequireVariable));
        Skip.If(admin is null, $"{ServerVariable} is not set: no PostgreSQL server for this test (. .ci/postgres.sh starts one).");
        var database = new PostgresTestDatabase(admin!, $"chatopsbot_test_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"", cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections would keep the database in use; FORCE ends any the test itself still holds open.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
