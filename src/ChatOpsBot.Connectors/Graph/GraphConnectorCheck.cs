using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Graph;

/// <summary>Gets a token (app registration and secret valid) and, with <c>Graph:CheckUser</c>, reads one message id (Mail.Read granted).</summary>
internal sealed class GraphConnectorCheck(GraphMailbox mailbox, IOptions<GraphOptions> options) : IConnectorCheck
{
    public string Name => "mail (Microsoft Graph)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await mailbox.TokenAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(options.Value.CheckUser))
                return ConnectorHealth.Pass($"token issued to app {options.Value.ClientId}; set Graph:CheckUser to also test Mail.Read");
            await mailbox.ProbeAsync(options.Value.CheckUser, cancellationToken).ConfigureAwait(false);
            return ConnectorHealth.Pass($"token issued to app {options.Value.ClientId}; mailbox of '{options.Value.CheckUser}' readable");
        }
        catch (GraphMailboxException e)
        {
            return ConnectorHealth.Fail(e.Message);
        }
    }
}
