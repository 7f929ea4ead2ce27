using ChatOpsBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage;

/// <summary>Points a <see cref="DbContextOptionsBuilder"/> at the configured database; shared by DI and design time.</summary>
internal static class ChatOpsDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StorageOptions options)
    {
        if (options.Provider == StorageProvider.Postgres)
            return builder.UseNpgsql(options.ConnectionString);
        return builder
            .UseSqlite(options.ConnectionString)
            .AddInterceptors(SqlitePragmaInterceptor.Instance);
    }
}
