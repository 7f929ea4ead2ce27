using ChatOpsBot.Storage;

namespace ChatOpsBot.Composition;

/// <summary>
/// Migrates the database when the host starts: after options validation (so bad configuration fails first)
/// and before the web server listens (hosted services start before the server).
/// </summary>
public sealed class DatabaseMigration(StorageInitializer storage) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => storage.MigrateAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
