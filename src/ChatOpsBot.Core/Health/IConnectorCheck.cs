namespace ChatOpsBot.Core.Health;

/// <summary>
/// Port: a probe of one configured connector (reachable, authorised), run by the <c>check</c> command and the
/// readiness endpoint. Implementations never throw for a failing system and never put secrets in the message.
/// </summary>
public interface IConnectorCheck
{
    /// <summary>Short name shown to the operator, e.g. <c>mail (IMAP)</c>.</summary>
    string Name { get; }

    /// <summary>Probes the system once.</summary>
    Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken);
}
