using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Teams.Auth;

/// <summary>
/// Before the web server listens, reads the Bot Framework signing keys once, so a fresh replica's first card action
/// does not spend part of Teams' 15 seconds fetching them. A failure only leaves that to the first activity.
/// </summary>
public sealed class SigningKeysWarmUp(BotFrameworkAuthenticator authenticator, ILogger<SigningKeysWarmUp> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await authenticator.WarmUpAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Teams: reading the Bot Framework signing keys ahead of time failed ({Error}); the first activity reads them", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
