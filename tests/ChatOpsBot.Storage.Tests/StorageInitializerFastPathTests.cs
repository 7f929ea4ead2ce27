using ChatOpsBot.Storage.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatOpsBot.Storage.Tests;

/// <summary>
/// <see cref="StorageInitializer"/> answers "up to date" from one query of the history table; these cases make sure
/// that shortcut never skips a migration the database lacks.
/// </summary>
public class StorageInitializerFastPathTests
{
    private static CancellationToken Ct => CancellationToken.None;

    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    [Fact]
    public void LatestMigrationId_IsTheNewestMigrationEfKnowsForEachContext()
    {
        using var sqlite = new ChatOpsDbContext(new DbContextOptionsBuilder<ChatOpsDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresChatOpsDbContext(new DbContextOptionsBuilder<PostgresChatOpsDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        Assert.Equal(sqlite.Database.GetMigrations().Last(), StorageInitializer.LatestMigrationId(typeof(ChatOpsDbContext)));
        Assert.Equal(postgres.Database.GetMigrations().Last(), StorageInitializer.LatestMigrationId(typeof(PostgresChatOpsDbContext)));
        Assert.NotEqual(StorageInitializer.LatestMigrationId(typeof(ChatOpsDbContext)), StorageInitializer.LatestMigrationId(typeof(PostgresChatOpsDbContext)));
    }

    [SkippableFact]
    public async Task MigrateAsync_DatabaseMissingTheNewestMigration_AppliesIt()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        string latest;
        await using (var db = await storage.OpenAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            latest = migrations[^1];
            // Back to the schema before the newest migration (its Down), as a database of the previous release is.
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2], Ct);
            Assert.Equal([latest], await db.Database.GetPendingMigrationsAsync(Ct));
        }

        await storage.Initializer.MigrateAsync(Ct);

        await using var after = await storage.OpenAsync();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(0, await after.RunEntries.CountAsync(Ct));
    }

    [SkippableFact]
    public async Task MigrateAsync_UpToDateDatabase_KeepsItsData()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Ticketing.CreateAsync(new("t", "d", "P3", []), "create-1", Ct);

        await storage.Initializer.MigrateAsync(Ct);
        await storage.Initializer.MigrateAsync(Ct);

        await using var db = await storage.OpenAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(1, await db.Tickets.CountAsync(Ct));
    }
}

/// <summary>The same cases on a real PostgreSQL server.</summary>
public sealed class StorageInitializerFastPathPostgresTests : StorageInitializerFastPathTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
