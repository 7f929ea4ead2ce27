using ChatOpsBot.Storage.Postgres;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage;

/// <summary>
/// Creates contexts for the configured provider. PostgreSQL gets <see cref="PostgresChatOpsDbContext"/>, whose
/// migrations are generated for PostgreSQL; SQLite keeps the base context and its own migrations.
/// </summary>
internal sealed class ProviderDbContextFactory : IDbContextFactory<ChatOpsDbContext>
{
    private readonly Func<ChatOpsDbContext> _create;

    public ProviderDbContextFactory(StorageOptions options)
    {
        if (options.Provider == StorageProvider.Postgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresChatOpsDbContext>();
            ChatOpsDbContextOptions.Configure(builder, options);
            var built = builder.Options;
            _create = () => new PostgresChatOpsDbContext(built);
        }
        else
        {
            var builder = new DbContextOptionsBuilder<ChatOpsDbContext>();
            ChatOpsDbContextOptions.Configure(builder, options);
            var built = builder.Options;
            _create = () => new ChatOpsDbContext(built);
        }
    }

    public ChatOpsDbContext CreateDbContext() => _create();
}
