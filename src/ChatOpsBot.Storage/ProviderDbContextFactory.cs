using ChatOpsBot.Storage.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ChatOpsBot.Storage;

/// <summary>
/// Creates contexts for the configured provider. PostgreSQL gets <see cref="PostgresChatOpsDbContext"/>, whose
/// migrations are generated for PostgreSQL; SQLite keeps the base context and its own migrations. Contexts are
/// pooled: every store call opens one, and a fresh context resolves EF's scoped services anew each time, which
/// dominated a save once a hunt had hundreds of IPs to validate.
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
            var pool = new PooledDbContextFactory<PostgresChatOpsDbContext>(builder.Options);
            _create = pool.CreateDbContext;
        }
        else
        {
            var builder = new DbContextOptionsBuilder<ChatOpsDbContext>();
            ChatOpsDbContextOptions.Configure(builder, options);
            var pool = new PooledDbContextFactory<ChatOpsDbContext>(builder.Options);
            _create = pool.CreateDbContext;
        }
    }

    public ChatOpsDbContext CreateDbContext() => _create();
}
