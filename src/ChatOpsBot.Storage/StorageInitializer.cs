using System.Data.Common;
using System.Reflection;
using ChatOpsBot.Storage.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage;

/// <summary>Brings the database to the latest migration; the host calls it once before serving.</summary>
public sealed class StorageInitializer(IDbContextFactory<ChatOpsDbContext> contexts, IOptions<StorageOptions> options)
{
    /// <summary>
    /// Creates the database when missing and applies pending migrations; a no-op when up to date. A database that
    /// cannot be used (not a database, corrupt, read-only, unreachable) fails with <see cref="DatabaseUnavailableException"/>.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateCoreAsync(contexts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e))
        {
            throw DatabaseFailures.Describe(e, options.Value.ConnectionString, options.Value.Provider);
        }
    }

    private static async Task MigrateCoreAsync(IDbContextFactory<ChatOpsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Every start but the first finds the schema current. Asking EF (history repository, migrations assembly)
        // was a large share of a terminal verb's start-up; one query of the history table answers the common case.
        if (await HasLatestMigrationAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            // SQLite serves one replica; its single writer already serialises the rest.
            await MigratePendingAsync(db, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Replicas started together would otherwise each create the history table and run the same migrations, and all
        // but one fail (42P07 relation already exists, 42701 column already exists). One migrates under the lock; the
        // others wait for it and then find the schema current.
        await using var gate = await PostgresMigrationLock.AcquireAsync(db.Database.GetConnectionString()!, cancellationToken).ConfigureAwait(false);
        if (await HasLatestMigrationAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        await MigratePendingAsync(db, cancellationToken).ConfigureAwait(false);
    }

    private static async Task MigratePendingAsync(ChatOpsDbContext db, CancellationToken cancellationToken)
    {
        // MigrateAsync would take the migration lock and diff the model against the snapshot even with nothing to do.
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
        if (!pending.Any())
        {
            return;
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The newest migration this build carries for <paramref name="contextType"/> (each provider's context owns its
    /// own migrations), read from the migration attributes EF itself reads.
    /// </summary>
    internal static string? LatestMigrationId(Type contextType) =>
        contextType.Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .Where(id => id is not null)
            .Max(StringComparer.Ordinal);

    /// <summary>
    /// True when the history table's newest entry is this build's newest migration. Anything else (no database or
    /// table yet, an older or a newer schema, a server that refuses) is left to EF's own check and its errors.
    /// </summary>
    private static async Task<bool> HasLatestMigrationAsync(ChatOpsDbContext db, CancellationToken cancellationToken)
    {
        var latest = LatestMigrationId(db.GetType());
        if (latest is null) return false;
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // EF's default history table and column, the same text on SQLite and PostgreSQL.
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""";
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string newest
                && string.Equals(newest, latest, StringComparison.Ordinal);
        }
        catch (DbException)
        {
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
