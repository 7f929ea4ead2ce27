using Npgsql;

namespace ChatOpsBot.Storage.Tests;

/// <summary>
/// The real PostgreSQL server the tests use: <c>CHATOPSBOT_TEST_POSTGRES</c> names an admin connection
/// (.ci/run starts a server and sets it). Each test gets a database of its own, dropped afterwards. Without
/// the variable the PostgreSQL tests are skipped, unless <c>CHATOPSBOT_REQUIRE_POSTGRES=1</c> (CI), where a
/// missing server is a failure.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "CHATOPSBOT_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Skips (or, in CI, fails) the calling test when no server is configured.</summary>
    public static string RequireAdmin()
    {
        var admin = AdminConnectionString;
        if (admin is null && Environment.GetEnvironmentVariable("CHATOPSBOT_REQUIRE_POSTGRES") == "1")
            throw new InvalidOperationException($"{Variable} is not set but CHATOPSBOT_REQUIRE_POSTGRES=1: start PostgreSQL (see .ci/postgres.sh).");
        Skip.If(admin is null, $"{Variable} is not set: no PostgreSQL server for this test (.ci/postgres.sh starts one).");
        return admin!;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = RequireAdmin();
        var name = $"chatopsbot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
