using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage.Tests.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatOpsBot.Storage.Tests.Migrations;

/// <summary>The RunEntries migration on a database that already holds runs, on SQLite; a subclass runs it on PostgreSQL.</summary>
public class RunEntriesMigrationTests
{
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;

    [SkippableFact]
    public async Task Runs_stored_before_the_migration_read_the_same_after_it_and_convert_on_save()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider, migrate: false);
        await using (var db = await storage.OpenAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var runEntries = migrations.FindIndex(m => m.EndsWith("_RunEntries", StringComparison.Ordinal));
            Assert.True(runEntries > 0, "no RunEntries migration");
            await db.GetService<IMigrator>().MigrateAsync(migrations[runEntries - 1], Ct);
            // The runs table as the earlier migrations left it: the whole run in Document.
            var old = SampleRuns.InValidation("r-old", StorageFixture.Start);
            old.Version = 7;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO runs ("Id", "State", "Section", "CreatedAt", "UpdatedAt", "Version", "Document") VALUES ({old.Id}, {old.State.ToString()}, {"Validation"}, {"2026-11-28T08:00:00.0000000Z"}, {"2026-11-28T08:00:00.0000000Z"}, {old.Version}, {RunJson.Serialize(old)})""",
                Ct);
        }

        await storage.Initializer.MigrateAsync(Ct);

        var expected = SampleRuns.InValidation("r-old", StorageFixture.Start);
        expected.Version = 7;
        var found = (await storage.Runs.FindAsync("r-old", Ct))!;
        Assert.Equal(RunJson.Serialize(expected), RunJson.Serialize(found));
        found.Timeline.Add(new TimelineEntry { Kind = TimelineEntryKind.Effect, Section = "Validation", Value = "after" });
        await storage.Runs.SaveAsync(found, Ct);
        Assert.Equal(RunJson.Serialize(found), RunJson.Serialize((await storage.NewRunStore().FindAsync("r-old", Ct))!));
        await using var check = await storage.OpenAsync();
        Assert.Equal(5, await check.RunEntries.CountAsync(e => e.RunId == "r-old", Ct));
        Assert.Empty(await check.Database.GetPendingMigrationsAsync(Ct));
    }
}

/// <summary><see cref="RunEntriesMigrationTests"/> on a real PostgreSQL server.</summary>
public sealed class RunEntriesMigrationPostgresTests : RunEntriesMigrationTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
