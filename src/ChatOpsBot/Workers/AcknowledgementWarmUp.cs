using ChatOpsBot.Storage.Inbox;

namespace ChatOpsBot.Workers;

/// <summary>
/// Before the web server listens (hosted services start first, after the migration), stores and rolls back one inbox
/// item, so a fresh replica's first acknowledgement does not open the first connection and compile the statement while
/// Slack's 3 seconds run. A failure only costs that first acknowledgement its speed.
/// </summary>
public sealed class AcknowledgementWarmUp(DbInboxStore inbox, ILogger<AcknowledgementWarmUp> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inbox.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.IsDatabase(e))
        {
            logger.LogWarning("Warming up the inbox failed ({Error}); the first answer may be slower to acknowledge", e.Message);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
