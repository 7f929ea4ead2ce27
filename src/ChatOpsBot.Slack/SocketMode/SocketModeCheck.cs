using ChatOpsBot.Core.Health;
using ChatOpsBot.Slack.WebApi;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Readiness and <c>check</c> for Socket Mode. With the client running (the web service) it reports the client's
/// <see cref="SocketModeStatus"/>, so probes cost Slack nothing; without it (the <c>check</c> verb) it asks Slack for a
/// Socket Mode URL once with the app token, without opening it.
/// </summary>
internal sealed class SocketModeCheck(SocketModeStatus status, SlackWebApiClient slack) : IConnectorCheck
{
    public string Name => "Slack Socket Mode";

    // In the service the client's state is read (free), and a refused token leaves the bot deaf to Slack: not ready.
    public bool GatesReadiness => status.Running;

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        if (status.Running) return status.Health();
        try
        {
            await slack.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return ConnectorHealth.Pass("app token accepted (apps.connections.open)");
        }
        catch (SlackApiException e) when (SocketModeReasons.IsTokenRefusal(e.Error))
        {
            return ConnectorHealth.Fail(SocketModeReasons.TokenRefusedMessage(e.Error));
        }
        catch (SlackApiException e)
        {
            return ConnectorHealth.Fail($"apps.connections.open failed ({e.Error}).");
        }
        catch (HttpRequestException e)
        {
            return ConnectorHealth.Fail($"Slack is unreachable ({e.HttpRequestError}).");
        }
    }
}
