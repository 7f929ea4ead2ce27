using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Teams.Channel;

/// <summary>
/// Says once at start-up when <c>Teams:PublicBaseUrl</c> is missing: lists longer than a card can then only say how
/// many rows are not shown, because the bot has no address to link the full CSV from.
/// </summary>
public sealed class FileLinksNotice(FileLinks files, ILogger<FileLinksNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!files.Enabled)
            logger.LogWarning("Teams:PublicBaseUrl is not set: long lists in Teams show their first rows and how many more are not shown, with no link to the full CSV; set it to the bot's public https address to serve signed links");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
