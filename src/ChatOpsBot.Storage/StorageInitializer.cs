using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage;

/// <summary>Brings the database to the latest migration; the host calls it once before serving.</summary>
public sealed class StorageInitializer(IDbContextFactory<ChatOpsDbContext> contexts)
{
    /// <summary>Creates the database when missing and applies pending migrations; a no-op when up to date.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
