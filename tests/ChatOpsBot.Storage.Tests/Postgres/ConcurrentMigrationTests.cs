using ChatOpsBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.Postgres;

/// <summary>
/// Replicas started together on an empty PostgreSQL database: each runs <see cref="StorageInitializer.MigrateAsync"/>
/// at the same moment, with its own services and connections, as separate processes would.
/// </summary>
public sealed class ConcurrentMigrationTests
{
    [SkippableFact]
    public async Task Four_replicas_migrating_an_empty_database_at_once_all_succeed_and_migrate_it_once()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var database = await PostgresTestDatabase.CreateAsync();
            var replicas = Enumerable.Range(0, 4).Select(_ => Services(database.ConnectionString)).ToList();
            try
            {
                using var start = new Barrier(replicas.Count);
                var migrations = replicas.Select(r => Task.Run(async () =>
                {
                    start.SignalAndWait();
                    await r.GetRequiredService<StorageInitializer>().MigrateAsync(CancellationToken.None);
                })).ToList();

                await Task.WhenAll(migrations);

                await using var db = await replicas[0].GetRequiredService<IDbContextFactory<ChatOpsDbContext>>().CreateDbContextAsync();
                var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
                Assert.Equal(db.Database.GetMigrations(), applied);
                Assert.Equal(applied.Count, applied.Distinct().Count());
                Assert.Equal(0, await db.Runs.CountAsync());
            }
            finally
            {
                foreach (var r in replicas) await r.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task A_replica_pointed_at_a_database_that_does_not_exist_yet_creates_it_and_migrates()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = database.Name + "_new" }.ConnectionString;
        var replicas = Enumerable.Range(0, 2).Select(_ => Services(missing)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(r => Task.Run(() => r.GetRequiredService<StorageInitializer>().MigrateAsync(CancellationToken.None))));

            await using var db = await replicas[0].GetRequiredService<IDbContextFactory<ChatOpsDbContext>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            foreach (var r in replicas) await r.DisposeAsync();
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable));
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Name}_new\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static ServiceProvider Services(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString,
        }).Build();
        return new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
    }
}
