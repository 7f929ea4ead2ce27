using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Storage.Inbox;

namespace ChatOpsBot.Workers;

/// <summary>
/// Before the web server listens (hosted services start first, after the migration), runs the acknowledgement path once:
/// stores and rolls back one inbox item (the first connection, the statement) and passes a payload no handler acts on
/// through Slack's inbound handlers (their construction, the code itself), so a fresh replica's first click is not slow
/// while Slack's 3 seconds run. A failure only costs that first acknowledgement its speed.
/// </summary>
public sealed class AcknowledgementWarmUp(DbInboxStore inbox, IServiceProvider services, ILogger<AcknowledgementWarmUp> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inbox.WarmUpAsync(cancellationToken).ConfigureAwait(false);
            if (services.GetService<SlackInbound>() is { } slack)
                await slack.RecordedInteractionAsync(new JsonObject { ["type"] = "chatopsbot_warm_up" }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Warming up the acknowledgement path failed ({Error}); the first answer may be slower to acknowledge", e.Message);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
