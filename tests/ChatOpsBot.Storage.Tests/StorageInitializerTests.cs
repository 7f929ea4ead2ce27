using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Tests;

public sealed class StorageInitializerTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task MigrateAsync_creates_the_directory_and_schema_on_an_empty_file()
    {
        await using var storage = await StorageFixture.CreateAsync(migrate: false);
        Assert.False(Directory.Exists(Path.GetDirectoryName(StorageFixture.DatabasePath(storage.Directory))));

        await storage.Initializer.MigrateAsync(Ct);

        Assert.True(File.Exists(StorageFixture.DatabasePath(storage.Directory)));
        await using var db = await storage.OpenAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(0, await db.Runs.CountAsync(Ct));
        Assert.Equal(0, await db.Tickets.CountAsync(Ct));
    }

    [Fact]
    public async Task MigrateAsync_twice_is_a_no_op()
    {
        await using var storage = await StorageFixture.CreateAsync();
        await storage.Ticketing.CreateAsync(new("t", "d", "P3", []), "create-1", Ct);

        await storage.Initializer.MigrateAsync(Ct);

        await using var db = await storage.OpenAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync(Ct);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Equal(1, await db.Tickets.CountAsync(Ct));
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var storage = await StorageFixture.CreateAsync();
        await using var db = await storage.OpenAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` (see src/ChatOpsBot.Storage/README.md).");
    }

    [Fact]
    public async Task Connections_use_write_ahead_logging_and_a_busy_timeout()
    {
        await using var storage = await StorageFixture.CreateAsync();
        await using var db = await storage.OpenAsync();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal("10000", Scalar(connection, "PRAGMA busy_timeout;"));
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
