using ChatOpsBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatOpsBot.Storage.Tests.Ticketing;

/// <summary>
/// Makes the race deterministic: just before the store's first insert is saved, another connection inserts a row
/// with the same idempotency key, as a concurrent caller that passed the same "not there yet" check would.
/// </summary>
internal sealed class RacingContextFactory(string connectionString, string competingInsertSql) : IDbContextFactory<ChatOpsDbContext>
{
    private readonly Interceptor _interceptor = new(connectionString, competingInsertSql);

    public int Races => _interceptor.Races;

    public ChatOpsDbContext CreateDbContext() => new(
        new DbContextOptionsBuilder<ChatOpsDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(SqlitePragmaInterceptor.Instance, _interceptor)
            .Options);

    private sealed class Interceptor(string connectionString, string sql) : SaveChangesInterceptor
    {
        public int Races { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Races == 0)
            {
                Races++;
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return result;
        }
    }
}
