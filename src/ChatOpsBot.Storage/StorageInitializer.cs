using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage;

/// <summary>Brings the database to the latest migration; the host calls it once before serving.</summary>
public sealed class StorageInitializer(IDbContextFactory<ChatOpsDbContext> contexts)
{
    /// <summary>Creates the database when missing and applies pending migrations; a no-op when up to date.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Up to date (every start but the first): the history table says so. MigrateAsync would still take the
        // migration lock and diff the model against the snapshot, a large part of the terminal verbs' start-up.
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
        if (!pending.Any())
        {
            return;
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
