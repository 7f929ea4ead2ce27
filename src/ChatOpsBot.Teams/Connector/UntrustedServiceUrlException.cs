namespace ChatOpsBot.Teams.Connector;

/// <summary>A call to a serviceUrl that did not arrive in an authenticated activity or whose host is not allowed: no token is sent.</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl)
    : ConnectorException(null, $"Refusing to send the bot's token to {serviceUrl}: not seen in an authenticated activity or host not on Teams:AllowedServiceUrlHosts.")
{
    public string ServiceUrl { get; } = serviceUrl;
}
