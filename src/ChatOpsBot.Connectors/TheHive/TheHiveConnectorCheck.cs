using ChatOpsBot.Core.Health;

namespace ChatOpsBot.Connectors.TheHive;

/// <summary>Asks TheHive who the API key belongs to (<c>GET /api/v1/user/current</c>): reachable and authorised.</summary>
internal sealed class TheHiveConnectorCheck(TheHiveApi api) : IConnectorCheck
{
    public string Name => "ticketing (TheHive)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var user = await api.CurrentUserAsync(cancellationToken).ConfigureAwait(false);
            var login = user["login"]?.GetValue<string>() ?? "?";
            var organisation = user["organisation"]?.GetValue<string>() ?? "?";
            return ConnectorHealth.Pass($"authenticated as {login} in organisation {organisation}");
        }
        catch (TheHiveException e)
        {
            return ConnectorHealth.Fail(e.Message);
        }
        catch (InvalidOperationException e)
        {
            return ConnectorHealth.Fail($"unexpected answer: {e.Message}");
        }
    }
}
