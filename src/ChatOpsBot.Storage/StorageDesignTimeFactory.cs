using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatOpsBot.Storage;

/// <summary>
/// Used by <c>dotnet ef</c> only (see README.md in this folder). Migrations are generated for SQLite against the
/// default connection string; <c>migrations add</c> opens no database.
/// </summary>
internal sealed class StorageDesignTimeFactory : IDesignTimeDbContextFactory<ChatOpsDbContext>
{
    public ChatOpsDbContext CreateDbContext(string[] args)
    {
        var options = new StorageOptions();
        var builder = new DbContextOptionsBuilder<ChatOpsDbContext>();
        ChatOpsDbContextOptions.Configure(builder, options);
        return new ChatOpsDbContext(builder.Options);
    }
}
