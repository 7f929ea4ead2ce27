using ChatOpsBot.Core.Health;
using ChatOpsBot.Slack.WebApi;

namespace ChatOpsBot.Slack;

/// <summary><c>check</c> line for Slack: <c>auth.test</c> with the bot token (Web API reachable, token valid, which workspace).</summary>
internal sealed class SlackConnectorCheck(SlackWebApiClient slack) : IConnectorCheck
{
    public string Name => "chat (Slack)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (user, team) = await slack.AuthTestAsync(cancellationToken).ConfigureAwait(false);
            return ConnectorHealth.Pass($"bot token valid: {user} in workspace {team}");
        }
        catch (SlackApiException e)
        {
            return ConnectorHealth.Fail($"auth.test failed: {e.Error}");
        }
        catch (HttpRequestException e)
        {
            return ConnectorHealth.Fail($"Slack Web API unreachable ({e.HttpRequestError})");
        }
    }
}
