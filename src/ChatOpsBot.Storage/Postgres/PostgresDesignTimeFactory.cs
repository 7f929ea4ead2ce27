using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatOpsBot.Storage.Postgres;

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresChatOpsDbContext</c> only; opens no database.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChatOpsDbContext>
{
    public PostgresChatOpsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresChatOpsDbContext>();
        ChatOpsDbContextOptions.Configure(builder, new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=localhost;Database=chatopsbot" });
        return new PostgresChatOpsDbContext(builder.Options);
    }
}
